package corpus

import (
	"context"
	"testing"
)

// TestGeneration: a commit by this store or by another one on the same
// corpus changes the generation; reading does not.
func TestGeneration(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	g0, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(ctx); g != g0 {
		t.Errorf("reading changed the generation: %d → %d", g0, g)
	}
	if _, err := s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(ctx); g != g0 {
		t.Errorf("Stats changed the generation: %d → %d", g0, g)
	}
	doc := readDoc(t, "a.txt", "x")
	rep, fs := sampleReport(doc)
	if _, err := s.Put(ctx, doc, rep, fs); err != nil {
		t.Fatal(err)
	}
	g1, _ := s.Generation(ctx)
	if g1 == g0 {
		t.Error("a commit of this store left the generation")
	}
	other, err := OpenOptions(s.Dir(), Options{Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.db.ExecContext(ctx, `UPDATE reports SET title = title || '.'`); err != nil {
		t.Fatal(err)
	}
	if g2, _ := s.Generation(ctx); g2 == g1 {
		t.Error("a commit of another store left the generation")
	}
}
