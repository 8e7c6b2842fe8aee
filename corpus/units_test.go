package corpus

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUnitTree: units under a county by their names and by the folders
// their files came from; the filter "衡山县/" selects them all.
func TestUnitTree(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openTemp(t)
	writeFiles(t, dir, map[string]string{
		"衡山县/七台镇/报告.md": original(7, 2023),                                       // by folder
		"衡山县/八里镇.md":    original(8, 2023),                                       // by folder
		"各地/东坊.md":      strings.ReplaceAll(original(11, 2023), "东坊镇", "衡山县东坊镇"), // by name
		"各地/九峪镇.md":     original(9, 2023),                                       // none
		"各地/衡山县十里镇.md":  strings.ReplaceAll(original(10, 2023), "十里镇", "衡山县十里镇"),
		"宁乡市/宁乡市十里镇.md": strings.ReplaceAll(original(10, 2022), "十里镇", "宁乡市农业局"), // one unit, by folder and name
	})
	if sum, err := s.Ingest(ctx, []string{dir}, IngestOptions{Read: testRead, Workers: 1}); err != nil || sum.Stored != 6 {
		t.Fatalf("ingest: %+v %v", sum, err)
	}
	tree, err := s.UnitTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []UnitGroup{
		{County: "宁乡市", Units: []string{"宁乡市农业局"}},
		{County: "衡山县", Units: []string{"七台镇", "八里镇", "衡山县东坊镇", "衡山县十里镇"}},
	}
	if len(tree) != len(want) {
		t.Fatalf("tree %+v", tree)
	}
	for i := range want {
		if tree[i].County != want[i].County || !slices.Equal(tree[i].Units, want[i].Units) {
			t.Errorf("group %d: %+v, want %+v", i, tree[i], want[i])
		}
	}
	list, err := s.List(ctx, Filter{Unit: "衡山县", UnitUnder: true})
	var units []string
	for _, r := range list {
		units = append(units, r.Unit)
	}
	if err != nil || !slices.Equal(units, want[1].Units) {
		t.Errorf("衡山县/: %q %v", units, err)
	}
	if n, _ := s.CountFindings(ctx, FindingFilter{Unit: "衡山县", UnitUnder: true}); n == 0 {
		t.Error("no findings under 衡山县/")
	}
	if name, under := ParseUnitUnder(" 衡山县/ "); name != "衡山县" || !under {
		t.Errorf("ParseUnitUnder: %q %v", name, under)
	}
	for _, s := range []string{"=衡山县/", "/", "衡山县"} {
		if _, under := ParseUnitUnder(s); under {
			t.Errorf("%q read as a county", s)
		}
	}
	if c := countyDir(filepath.ToSlash("/x/衡山县/七台镇/")); c != "衡山县" {
		t.Errorf("countyDir: %q", c)
	}
	for unit, want := range map[string]string{"衡山县贯塘乡人民政府": "衡山县", "市场监督管理局": "", "南屯镇": "", "衡山县": "", "廊坊市食品工程学校": "廊坊市"} {
		if got := countyPrefix(unit); got != want {
			t.Errorf("countyPrefix(%s) = %q, want %q", unit, got, want)
		}
	}
}
