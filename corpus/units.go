package corpus

import (
	"context"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The unit hierarchy where it is known: 县 → 乡镇/部门. A unit belongs to a
// county when its name begins with the county's (衡山县贯塘乡人民政府 under
// 衡山县), or when its files were ingested from a folder of the county's
// name (…/衡山县/七台镇/自评报告.pdf). The filter "衡山县/" selects both.

// countyName is a county-level name: a county, a county-level city or
// district, a banner.
var countyName = regexp.MustCompile(`^\p{Han}{1,8}?(?:自治县|自治旗|县|市|区|旗)`)

// ParseUnitUnder reads the county form of a unit filter: "衡山县/" is the
// county 衡山县 and what is under it.
func ParseUnitUnder(s string) (name string, under bool) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(s, "/"); ok && !strings.HasPrefix(s, "=") {
		if rest = strings.TrimSpace(rest); rest != "" {
			return rest, true
		}
	}
	return s, false
}

// countyPrefix is the county a unit's name begins with, when more follows
// it ("" for none).
func countyPrefix(unit string) string {
	c := countyName.FindString(unit)
	if c == "" || utf8.RuneCountInString(unit)-utf8.RuneCountInString(c) < 2 {
		return ""
	}
	return c
}

// countyDir is the nearest folder of dir (slash-separated) whose whole
// name is a county's ("" for none).
func countyDir(dir string) string {
	for d := strings.TrimSuffix(dir, "/"); d != "" && d != "/" && d != "."; d = path.Dir(d) {
		if b := path.Base(d); countyName.FindString(b) == b {
			return b
		}
	}
	return ""
}

// UnitGroup is a county and the units under it.
type UnitGroup struct {
	County string   `json:"county"`
	Units  []string `json:"units"`
}

// UnitTree groups the units of the visible reports under their counties:
// a county of two units or more by name, or any county a folder names;
// by county, then unit. Units under no county are left out.
func (s *Store) UnitTree(ctx context.Context) ([]UnitGroup, error) {
	under := map[string]map[string]bool{}
	byDir := map[string]bool{}
	add := func(county, unit string) {
		if under[county] == nil {
			under[county] = map[string]bool{}
		}
		under[county][unit] = true
	}
	// rtrim(path, <every character but />) is the path's folder, with its slash.
	err := s.scanRows(ctx, `SELECT DISTINCT unit, rtrim(path, replace(path, '/', '')) FROM reports r
		WHERE unit != '' AND `+visibleReport, func(sc func(...any) error) error {
		var unit, dir string
		if err := sc(&unit, &dir); err != nil {
			return err
		}
		if c := countyPrefix(unit); c != "" {
			add(c, unit)
		}
		if c := countyDir(dir); c != "" && unit != c {
			add(c, unit)
			byDir[c] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []UnitGroup{}
	for c, units := range under {
		if len(units) < 2 && !byDir[c] {
			continue
		}
		g := UnitGroup{County: c}
		for u := range units {
			g.Units = append(g.Units, u)
		}
		sort.Strings(g.Units)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].County < out[j].County })
	return out, nil
}
