package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/index"
)

// corrected is fixtureText(u, y) with item 2 paid, and with its title or
// its text saying it replaces the earlier report.
func corrected(u, y int, title, text string) string {
	s := strings.Replace(original(u, y), "实际拨付 0 万元", "实际拨付 3 万元", 1)
	first, rest, _ := strings.Cut(s, "\n")
	return first + title + "\n" + text + rest
}

// townNames name the units of original: fixtureText's 测试N镇 is no unit
// the extractor knows, and a report without a unit has no kind.
var townNames = map[int]string{7: "七台镇", 8: "八里镇", 9: "九峪镇", 10: "十里镇", 11: "东坊镇"}

// original is fixtureText(u, y) of a town the extractor recognises.
func original(u, y int) string {
	return strings.ReplaceAll(fixtureText(u, y), fmt.Sprintf("测试%d镇", u), townNames[u])
}

// TestSaysReplacesSupersedes: a document that says it replaces an earlier
// one supersedes the report of its kind, from another path; an earlier one
// that comes after its correction is the one superseded; reports of
// another kind, or that say nothing, stay.
func TestSaysReplacesSupersedes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openTemp(t)
	ix := &deletingIndex{}
	ingest := func(files map[string]string) Summary {
		t.Helper()
		writeFiles(t, dir, files)
		var paths []string
		for name := range files {
			paths = append(paths, filepath.Join(dir, name))
		}
		sum, err := s.Ingest(ctx, paths, IngestOptions{Read: testRead, Index: index.NewSync(s, ix), Workers: 1})
		if err != nil || sum.Failed != 0 {
			t.Fatalf("ingest %v: %+v %v", paths, sum, err)
		}
		return sum
	}
	id := func(name string) string {
		t.Helper()
		id, err := s.Resolve(ctx, filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	supersededBy := func(name string) string {
		t.Helper()
		idn, err := s.IdentityOf(ctx, id(name))
		if err != nil {
			t.Fatal(err)
		}
		return idn.SupersededBy
	}

	// 「（更正）」 in the title.
	ingest(map[string]string{"7/原报告.md": original(7, 2023)})
	if sum := ingest(map[string]string{"7/更正.md": corrected(7, 2023, "（更正）", "")}); sum.Stored != 1 || sum.Superseded != 1 {
		t.Errorf("correction by title: %+v", sum)
	}
	if got, want := supersededBy("7/原报告.md"), id("7/更正.md"); got != want {
		t.Errorf("the earlier report is superseded by %q, want %q", got, want)
	}
	if vs, err := s.Versions(ctx, id("7/更正.md")); err != nil || len(vs) != 2 || vs[1].Report != id("7/原报告.md") {
		t.Errorf("versions: %+v %v", vs, err)
	}
	for _, rf := range must(s.Findings(ctx, FindingFilter{Review: ReviewPending})) {
		if rf.ReportID == id("7/原报告.md") {
			t.Errorf("the superseded report's %s is still pending", rf.Key)
		}
	}

	// 「本报告替代…」 in the text, the title unchanged.
	ingest(map[string]string{"8/a.md": original(8, 2023)})
	if sum := ingest(map[string]string{"8/b.md": corrected(8, 2023, "", "本报告替代2024年1月报送的版本。\n")}); sum.Superseded != 1 {
		t.Errorf("correction by text: %+v", sum)
	}
	if supersededBy("8/a.md") != id("8/b.md") {
		t.Error("本报告替代: the earlier report is not superseded")
	}

	// The correction first, the earlier report after it: the earlier one is superseded.
	ingest(map[string]string{"9/修订稿.md": corrected(9, 2023, "修订稿", "")})
	if sum := ingest(map[string]string{"9/初稿.md": original(9, 2023)}); sum.Stored != 1 || sum.Superseded != 1 {
		t.Errorf("earlier after the correction: %+v", sum)
	}
	if supersededBy("9/初稿.md") != id("9/修订稿.md") || supersededBy("9/修订稿.md") != "" {
		t.Error("the earlier report that came after its correction is not the one superseded")
	}

	// Saying nothing: two reports of one kind from two paths both stay;
	// another year, or another unit, is never superseded.
	ingest(map[string]string{"10/a.md": original(10, 2023), "10/b.md": corrected(10, 2023, "", "")})
	ingest(map[string]string{"10/2022.md": corrected(10, 2022, "（更正）", ""), "11/更正.md": corrected(11, 2023, "（更正）", "")})
	for _, name := range []string{"10/a.md", "10/b.md", "10/2022.md", "11/更正.md"} {
		if by := supersededBy(name); by != "" {
			t.Errorf("%s superseded by %s", name, by)
		}
	}
	if n, _ := s.CountReports(ctx, Filter{}); n != 7 {
		t.Errorf("%d reports listed, want 7 (10 stored, 3 superseded)", n)
	}
	integrity(t, s)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestSaysReplaces(t *testing.T) {
	for _, c := range []struct {
		title, text string
		want        bool
	}{
		{"南屯镇2023年部门整体支出绩效自评报告（更正）", "", true},
		{"南屯镇2023年部门整体支出绩效自评报告(更正版)", "", true},
		{"南屯镇2023年绩效自评报告修订稿", "", true},
		{"南屯镇2023年绩效自评报告", "本报告替代1月15日报送的版本。", true},
		{"南屯镇2023年绩效自评报告", "原报送的自评报告同时作废。", true},
		{"南屯镇2023年绩效自评报告", "原报告作废。", true},
		{"南屯镇2023年绩效自评报告", "原则上按预算执行，过期票据作废。", false},
		{"南屯镇2023年绩效自评报告", "更正了上年的统计口径。", false},
	} {
		if got := SaysReplaces(&extract.Report{Title: c.title}, c.text); got != c.want {
			t.Errorf("%q / %q: %v", c.title, c.text, got)
		}
	}
	if b := bareTitle("南屯镇 2023 年绩效自评报告（更正版）"); b != "南屯镇2023年绩效自评报告" {
		t.Errorf("bare title %q", b)
	}
}

// FuzzSaysReplaces: any title and text are read without a panic, and a
// title's bare form carries no mark.
func FuzzSaysReplaces(f *testing.F) {
	f.Add("南屯镇2023年绩效自评报告（更正）", "本报告替代1月15日报送的版本。")
	f.Fuzz(func(t *testing.T, title, text string) {
		rep := &extract.Report{Title: title, Extent: &extract.Span{len(text) / 3, len(text)}}
		SaysReplaces(rep, text)
		if titleMarked(bareTitle(title)) && !strings.Contains(bareTitle(title), "（") {
			t.Errorf("bare title %q still marked", bareTitle(title))
		}
	})
}

// FuzzUploadPath: a path a browser sends either is refused or lands
// inside the uploads directory.
func FuzzUploadPath(f *testing.F) {
	s := openTemp(f)
	f.Add("县/乡镇/报告.pdf")
	f.Fuzz(func(t *testing.T, rel string) {
		p, err := s.UploadPath(rel)
		if err != nil {
			return
		}
		r, err := filepath.Rel(s.UploadsPath(), p)
		if err != nil || r == "." || strings.HasPrefix(r, "..") || filepath.IsAbs(r) {
			t.Errorf("%q lands at %s", rel, p)
		}
	})
}
