package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/validate"
)

// syncStore is a Store of reports held in memory: ids in order, the hidden
// ones, and which are marked indexed.
type syncStore struct {
	ids     []string
	hidden  map[string]bool
	indexed map[string]bool
}

func newSyncStore(n int, hidden ...string) *syncStore {
	st := &syncStore{hidden: map[string]bool{}, indexed: map[string]bool{}}
	for i := range n {
		st.ids = append(st.ids, fmt.Sprintf("r%03d", i))
	}
	for _, id := range hidden {
		st.hidden[id] = true
	}
	return st
}

func (st *syncStore) Unindexed(context.Context) ([]string, error) {
	var out []string
	for _, id := range st.ids {
		if !st.indexed[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

func (st *syncStore) ReportForIndex(_ context.Context, id string) (*extract.Report, []validate.Finding, error) {
	return &extract.Report{Title: id}, nil, nil
}

func (st *syncStore) Hidden(_ context.Context, id string) (bool, error) { return st.hidden[id], nil }

func (st *syncStore) MarkIndexed(_ context.Context, ids ...string) error {
	for _, id := range ids {
		st.indexed[id] = true
	}
	return nil
}

// plainWriter is a Writer whose puts are durable at once; it records puts
// and deletes.
type plainWriter struct{ puts, deletes []string }

func (w *plainWriter) Put(id string, r *extract.Report, _ []validate.Finding) error {
	if r.Title != id {
		return fmt.Errorf("put %s with the report of %s", id, r.Title)
	}
	w.puts = append(w.puts, id)
	return nil
}

func (w *plainWriter) Delete(id string) error { w.deletes = append(w.deletes, id); return nil }

// batchWriter holds puts until Flush, which fails while failFlush is set.
type batchWriter struct {
	plainWriter
	held      int
	flushes   []int // how many puts each successful flush committed
	failFlush bool
}

func (w *batchWriter) Put(id string, r *extract.Report, fs []validate.Finding) error {
	w.held++
	return w.plainWriter.Put(id, r, fs)
}

func (w *batchWriter) Flush() error {
	if w.failFlush {
		return errors.New("disk full")
	}
	w.flushes = append(w.flushes, w.held)
	w.held = 0
	return nil
}

// A plain writer's reports are marked one by one as put; a hidden report is
// taken out of the index, not put, and marked too.
func TestSyncPendingPlain(t *testing.T) {
	ctx := context.Background()
	st := newSyncStore(5, "r001")
	st.indexed["r003"] = true
	w := &plainWriter{}
	n, err := NewSync(st, w).Pending(ctx)
	if err != nil || n != 4 {
		t.Fatalf("Pending = %d, %v; want 4", n, err)
	}
	if want := []string{"r000", "r002", "r004"}; !reflect.DeepEqual(w.puts, want) {
		t.Errorf("puts %v, want %v", w.puts, want)
	}
	if !reflect.DeepEqual(w.deletes, []string{"r001"}) {
		t.Errorf("deletes %v, want [r001]", w.deletes)
	}
	if un, _ := st.Unindexed(ctx); len(un) != 0 {
		t.Errorf("unindexed after Pending: %v", un)
	}
}

// A batch's reports are marked only once flushed: every flushEvery puts and
// at the end; a failed flush leaves what it held unmarked for the next run.
func TestSyncBatchMarksAtFlush(t *testing.T) {
	ctx := context.Background()
	st := newSyncStore(flushEvery + 6)
	w := &batchWriter{}
	x := NewSync(st, w)
	for i, id := range st.ids[:flushEvery-1] {
		n, err := x.Put(ctx, id, &extract.Report{Title: id}, nil)
		if err != nil || n != 0 {
			t.Fatalf("put %d: %d, %v; want 0 (gathering)", i, n, err)
		}
	}
	if un, _ := st.Unindexed(ctx); len(un) != flushEvery+6 {
		t.Fatalf("%d unindexed before the flush, want %d", len(un), flushEvery+6)
	}
	id := st.ids[flushEvery-1]
	if n, err := x.Put(ctx, id, &extract.Report{Title: id}, nil); err != nil || n != flushEvery {
		t.Fatalf("the %dth put: %d, %v; want %d (flushed)", flushEvery, n, err, flushEvery)
	}
	for _, id := range st.ids[flushEvery:] {
		if _, err := x.Put(ctx, id, &extract.Report{Title: id}, nil); err != nil {
			t.Fatal(err)
		}
	}
	w.failFlush = true
	if n, err := x.Flush(ctx); err == nil || err.Error() != "disk full" || n != 0 {
		t.Fatalf("failed Flush = %d, %v; want 0, disk full", n, err)
	}
	un, _ := st.Unindexed(ctx)
	if !slices.Equal(un, st.ids[flushEvery:]) {
		t.Fatalf("unindexed after the failed flush %v, want %v", un, st.ids[flushEvery:])
	}
	w.failFlush = false
	n, err := NewSync(st, w).Pending(ctx)
	if err != nil || n != 6 {
		t.Fatalf("Pending after the failure = %d, %v; want 6", n, err)
	}
	if want := []int{flushEvery, 12}; !reflect.DeepEqual(w.flushes, want) {
		t.Errorf("flushes %v, want %v (the 6 held by the failed flush are put again)", w.flushes, want)
	}
	if un, _ := st.Unindexed(ctx); len(un) != 0 {
		t.Errorf("unindexed at the end: %v", un)
	}
}

// A rebuild from the corpus marks every report it was given, put or
// skipped, once swapped in; a rebuild that fails marks nothing.
func TestRebuildStoreMarks(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	st := newSyncStore(0)
	st.ids = []string{nantunID, "b2", "copy"}
	puts := testSource(t, nantunID, "b2")
	src := func(ctx context.Context, put PutFunc, skip func(string)) error {
		if err := puts(ctx, put); err != nil {
			return err
		}
		skip("copy")
		return nil
	}
	broken := func(ctx context.Context, put PutFunc, skip func(string)) error {
		skip("copy")
		return errors.New("corpus unreadable")
	}
	if n, err := RebuildStore(ctx, dir, DefaultTimeout, st, broken); err == nil || n != 0 {
		t.Fatalf("failed RebuildStore = %d, %v; want an error", n, err)
	}
	if len(st.indexed) != 0 {
		t.Fatalf("a failed rebuild marked %v", st.indexed)
	}
	n, err := RebuildStore(ctx, dir, DefaultTimeout, st, src)
	if err != nil || n != 2 {
		t.Fatalf("RebuildStore = %d, %v; want 2", n, err)
	}
	if want := map[string]bool{nantunID: true, "b2": true, "copy": true}; !reflect.DeepEqual(st.indexed, want) {
		t.Errorf("marked %v, want %v", st.indexed, want)
	}
}
