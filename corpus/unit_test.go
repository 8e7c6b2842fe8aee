package corpus

import "testing"

func TestParseUnit(t *testing.T) {
	for in, want := range map[string]struct {
		name  string
		exact bool
	}{
		"南屯":       {"南屯", false},
		" =南屯镇 ":   {"南屯镇", true},
		"= 南屯镇":    {"南屯镇", true},
		"":         {"", false},
		"南屯镇=人民政府": {"南屯镇=人民政府", false},
	} {
		name, exact := ParseUnit(in)
		if name != want.name || exact != want.exact {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q, %v", in, name, exact, want.name, want.exact)
		}
	}
}
