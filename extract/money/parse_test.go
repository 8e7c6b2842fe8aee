package money

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		wan      string
		high     string
		unit     Unit
		decimals int
		approx   bool
		rng      bool
	}{
		{"937.131003 万元", "937.131003", "", Wan, 6, false, false},
		{"24万元", "24", "", Wan, 0, false, false},
		{"1,030,640 元", "103.064", "", Yuan, 0, false, false},
		{"９.８１万元", "9.81", "", Wan, 2, false, false},
		{"2,152.26", "2152.26", "", Unstated, 2, false, false},
		{"壹拾万元整", "10", "", Yuan, 0, false, false},
		{"人民币壹佰贰拾万伍仟元", "120.5", "", Yuan, 0, false, false},
		{"叁仟元伍角", "0.30005", "", Yuan, 1, false, false},
		{"约 3 万元", "3", "", Wan, 0, true, false},
		{"3万余元", "3", "", Wan, 0, true, false},
		{"3万元左右", "3", "", Wan, 0, true, false},
		{"1万-5万元", "1", "5", Wan, 0, false, true},
		{"1-5万元", "1", "5", Wan, 0, false, true},
		{"1万至5万元", "1", "5", Wan, 0, false, true},
		{"864.2万", "864.2", "", Wan, 1, false, false},
		{"1.2亿元", "12000", "", Yi, 1, false, false},
		{"十二万元", "12", "", Wan, 0, false, false},
		{"116.17825 万元", "116.17825", "", Wan, 5, false, false},
		{"0.265万元", "0.265", "", Wan, 3, false, false},
		{"45千元", "4.5", "", Qian, 0, false, false},
	}
	for _, tt := range tests {
		a, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !a.Wan.Equal(decimal.RequireFromString(tt.wan)) {
			t.Errorf("Parse(%q).Wan = %s, want %s", tt.in, a.Wan, tt.wan)
		}
		if tt.high != "" && (a.High == nil || !a.High.Equal(decimal.RequireFromString(tt.high))) {
			t.Errorf("Parse(%q).High = %v, want %s", tt.in, a.High, tt.high)
		}
		if a.Unit != tt.unit || a.Decimals != tt.decimals || a.Approx != tt.approx || a.Range != tt.rng {
			t.Errorf("Parse(%q) = unit %q decimals %d approx %v range %v; want %q %d %v %v",
				tt.in, a.Unit, a.Decimals, a.Approx, a.Range, tt.unit, tt.decimals, tt.approx, tt.rng)
		}
		if a.Raw != tt.in {
			t.Errorf("Parse(%q).Raw = %q", tt.in, a.Raw)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"1,03,0万元", "12..5万元", "1O3.5万元", "万元", "约", "5万-1万元", "1.万元", "壹拾柒"} {
		_, err := Parse(in)
		var se *SyntaxError
		if in == "壹拾柒" {
			// a bare 大写 numeral with no unit is still a figure: 17
			if err != nil {
				t.Errorf("Parse(%q): %v", in, err)
			}
			continue
		}
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) err = %v, want SyntaxError", in, err)
		}
	}
	if _, err := Parse("  "); !errors.Is(err, ErrNoAmount) {
		t.Errorf("Parse(blank) err = %v, want ErrNoAmount", err)
	}
}

func TestHalfUlp(t *testing.T) {
	for _, tt := range []struct{ in, half string }{
		{"24万元", "0.5"}, {"937.131003万元", "0.0000005"}, {"1,030,640元", "0.00005"}, {"1.2亿元", "500"},
	} {
		a, err := Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.HalfUlp(); !got.Equal(decimal.RequireFromString(tt.half)) {
			t.Errorf("%q HalfUlp = %s, want %s", tt.in, got, tt.half)
		}
	}
}

func TestFind(t *testing.T) {
	text := "预算金额 24 万元，实际拨付 13万元。产量10万斤，利润为2万元，共1,030,640元；约3万元；1万-5万元；壹拾万元整；2022年1-12月；864.2万，"
	want := []string{"24", "13", "2", "103.064", "3", "1", "10", "864.2"}
	ms := Find(text)
	var got []string
	for _, m := range ms {
		if m.Err != nil {
			t.Errorf("Find: %q: %v", text[m.Start:m.End], m.Err)
			continue
		}
		got = append(got, m.Amount.Wan.String())
	}
	if len(got) != len(want) {
		t.Fatalf("Find = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Find[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	if raw := text[ms[4].Start:ms[4].End]; raw != "约3万元" || !ms[4].Amount.Approx {
		t.Errorf("approx match = %q approx=%v", raw, ms[4].Amount.Approx)
	}
	if !ms[5].Amount.Range {
		t.Errorf("range not marked: %+v", ms[5].Amount)
	}
}

func TestFindMalformed(t *testing.T) {
	ms := Find("预算金额 1,03,0 万元，")
	if len(ms) != 1 || ms[0].Err == nil {
		t.Fatalf("Find malformed = %+v, want one match with Err", ms)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"937.131003 万元", "1,030,640 元", "壹拾万元整", "约 3 万元", "1万-5万元", "９.８１万元", "叁仟元伍角", "1.2亿元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			return
		}
		if a.Range && (a.High == nil || a.Wan.GreaterThan(*a.High)) {
			t.Fatalf("Parse(%q): bad range %+v", s, a)
		}
		if a.Decimals < 0 || a.Wan.IsNegative() {
			t.Fatalf("Parse(%q): %+v", s, a)
		}
		_ = Find(s)
	})
}

func FuzzFind(f *testing.F) {
	f.Add("预算金额 24 万元，实际拨付 13万元。产量10万斤")
	f.Add("约3万元；1万-5万元；壹拾万元整")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, m := range Find(s) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("Find(%q): bad span %d-%d", s, m.Start, m.End)
			}
			last = m.End
		}
	})
}
