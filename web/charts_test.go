package web

import (
	"context"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

var (
	chartRE = regexp.MustCompile(`<figure class="chart" id="chart-([a-z-]+)"`)
	barRE   = regexp.MustCompile(`<rect class="bar s\d" x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" data-label="([^"]*)" data-series="([^"]*)" data-value="([^"]*)">`)
)

// chartBars reads the bars of each chart of a page: chart id → "label|series=value".
func chartBars(t *testing.T, page string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	locs := chartRE.FindAllStringSubmatchIndex(page, -1)
	for i, loc := range locs {
		end := len(page)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		id := page[loc[2]:loc[3]]
		out[id] = []string{}
		for _, m := range barRE.FindAllStringSubmatch(page[loc[0]:end], -1) {
			bar := html.UnescapeString(m[4])
			if m[5] != "" {
				bar += "|" + m[5]
			}
			out[id] = append(out[id], bar+"="+m[6])
		}
	}
	return out
}

// TestCharts: the charts of the test corpus, bar by bar, with the exact
// figures; the bars' lengths are in proportion to them.
func TestCharts(t *testing.T) {
	f := newFixture(t, Options{})
	w := f.get("/charts")
	if w.Code != 200 {
		t.Fatalf("/charts: %d", w.Code)
	}
	page := w.Body.String()
	got := chartBars(t, page)
	want := map[string][]string{
		"findings-by-rule": {"预算未用完（underspent）=7", "未拨付（not-disbursed）=3", "评价维度缺失（missing-dimension）=2",
			"总额不符（total-mismatch）=2", "表述与数据矛盾（claim-contradicted）=1", "指标得分不符（indicator-score-mismatch）=1",
			"分值不符（weight-mismatch）=1"},
		"findings-by-unit": {"南屯镇=12", "廊坊市食品工程学校=2", "恶意镇=2", "青神县发展和改革局=1"},
		"rates":            {"< 50%=0", "50–60%=0", "60–70%=0", "70–80%=0", "80–90%=2", "90–100%=1", "100%=2", "> 100%=0"},
	}
	for id, bars := range want {
		if !slices.Equal(got[id], bars) {
			t.Errorf("chart %s:\n got %q\nwant %q", id, got[id], bars)
		}
	}
	if len(got) != 3 {
		t.Errorf("charts without a unit: %v", got)
	}
	// The counts add up to what the corpus holds.
	st, _ := f.store.Stats(context.Background())
	if total := st.Findings["error"] + st.Findings["warning"] + st.Findings["info"]; total != 17 ||
		!strings.Contains(page, "17 条问题；6 份有项目的报告，其中 1 份没有同时写明预算数和执行数的项目") {
		t.Errorf("findings in the corpus %d; heading of the page wrong or", total)
	}
	// A bar's length is its share of the axis: 7 of 10 on 420 px.
	if m := barRE.FindStringSubmatch(page[strings.Index(page, `id="chart-findings-by-rule"`):]); m == nil || m[2] != "294" {
		t.Errorf("the longest bar of 7 on an axis of 10: %v", m)
	}

	// One unit: budget and actual by year, findings by year.
	w = f.get("/charts?unit=%3D南屯镇")
	got = chartBars(t, w.Body.String())
	if want := []string{"2023|预算数=905.534931", "2023|执行数=156.4"}; !slices.Equal(got["unit-budget"], want) {
		t.Errorf("budget and actual of 南屯镇: %q", got["unit-budget"])
	}
	if want := []string{"2023=12"}; !slices.Equal(got["unit-findings"], want) {
		t.Errorf("findings of 南屯镇 by year: %q", got["unit-findings"])
	}
	if want := []string{"南屯镇=12"}; !slices.Equal(got["findings-by-unit"], want) {
		t.Errorf("findings by unit, filtered: %q", got["findings-by-unit"])
	}
	// The same sums from the stored report, item by item.
	sr, err := f.store.Get(context.Background(), nantunID)
	if err != nil {
		t.Fatal(err)
	}
	var b, a, rb, ra decimal.Decimal
	for _, it := range sr.Report.Items {
		if it.BudgetWan != nil {
			b = b.Add(*it.BudgetWan)
		}
		if it.ActualWan != nil {
			a = a.Add(*it.ActualWan)
		}
		if it.BudgetWan != nil && it.ActualWan != nil {
			rb, ra = rb.Add(*it.BudgetWan), ra.Add(*it.ActualWan)
		}
	}
	rate := ra.Mul(hundred).DivRound(rb, 2)
	if b.String() != "905.534931" || a.String() != "156.4" || rateBuckets[rateBucket(rate)].label != "90–100%" {
		t.Errorf("南屯镇 from its items: budget %s, actual %s, rate %s%%", b, a, rate)
	}
	if want := []string{"< 50%=0", "50–60%=0", "60–70%=0", "70–80%=0", "80–90%=0", "90–100%=1", "100%=0", "> 100%=0"}; !slices.Equal(got["rates"], want) {
		t.Errorf("rates of 南屯镇: %q", got["rates"])
	}
}

func TestNiceMax(t *testing.T) {
	for in, want := range map[string]string{"0": "1", "7": "10", "12": "20", "905.534931": "1000", "156.4": "200", "0.3": "0.5", "2": "2", "21": "25", "2500": "2500"} {
		if got := niceMax(decimal.RequireFromString(in)); got.String() != want {
			t.Errorf("niceMax(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestRateBucket(t *testing.T) {
	for in, want := range map[string]string{"0": "< 50%", "49.99": "< 50%", "50": "50–60%", "89.99": "80–90%", "99.99": "90–100%",
		"100": "100%", "100.00": "100%", "100.01": "> 100%", "-3": "< 50%"} {
		if got := rateBuckets[rateBucket(decimal.RequireFromString(in))].label; got != want {
			t.Errorf("rate %s%%: %s, want %s", in, got, want)
		}
	}
}
