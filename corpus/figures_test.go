package corpus

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFixedSum(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"937.131003", "2", "-0.5"}, "938.631003"},
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"1.1234567", "1"}, "2.1234567"},              // seven decimals: exact the slow way
		{[]string{"1", "1e3"}, "1001"},                         // an exponent
		{[]string{"999999999999999", "1"}, "1000000000000000"}, // 15 digits, then the sum
		{[]string{"9999999999999999", "0.000001"}, "9999999999999999.000001"},
	} {
		var s fixedSum
		for _, x := range c.in {
			if err := s.add(x); err != nil {
				t.Fatal(err)
			}
		}
		if got := s.value(); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("%q: %s, want %s", c.in, got, c.want)
		}
	}
	var s fixedSum
	if err := s.add("万元"); err == nil {
		t.Error("not a number: no error")
	}
	for _, bad := range []string{"", ".", "-", "1.2.3", "1,000"} {
		if _, ok := parseMicro(bad); ok {
			t.Errorf("parseMicro(%q) ok", bad)
		}
	}
}
