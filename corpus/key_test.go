package corpus

import (
	"slices"
	"testing"

	"github.com/jixiao/jixiao/validate"
)

func TestFindingKeys(t *testing.T) {
	fs := []validate.Finding{
		{Rule: "total-mismatch"},
		{Rule: "unmatched-item", Items: []int{17, 18}},
		{Rule: "unmatched-item"},
		{Rule: "unmatched-item"},
		{Rule: "unmatched-item", Items: []int{17, 18}},
	}
	want := []string{"total-mismatch", "unmatched-item:17,18", "unmatched-item", "unmatched-item#2", "unmatched-item:17,18#2"}
	if got := FindingKeys(fs); !slices.Equal(got, want) {
		t.Errorf("FindingKeys = %q, want %q", got, want)
	}
}

// FuzzParseItems: what ParseItems accepts, it gives back through joinInts.
func FuzzParseItems(f *testing.F) {
	for _, s := range []string{"17,18", " 1 , 2 ", "", "x", "1,,2", "-3", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, err := ParseItems(s)
		if err != nil {
			return
		}
		again, err := ParseItems(joinInts(items))
		if err != nil || !slices.Equal(items, again) {
			t.Errorf("%q → %v → %q → %v, %v", s, items, joinInts(items), again, err)
		}
	})
}
