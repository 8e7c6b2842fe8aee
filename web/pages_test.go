package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	f := newFixture(t, Options{})
	q := url.QueryEscape
	tests := []struct {
		target string
		status int
		want   []string
		not    []string
	}{
		// overview: counts and every report
		{"/", 200, []string{`<span class="stat-value">6</span><span class="stat-label">份报告</span>`,
			`<span class="stat-value">42</span><span class="stat-label">个项目</span>`,
			`<a href="/reports/` + nantunID + `">南屯镇2023年部门年度绩效自评工作报告</a>`,
			`<td class="num">937.131003</td>`, `<td class="num">905.534931</td>`}, nil},
		// hits, facets that add a filter, the amount range
		{"/?q=" + q("驻村工作队"), 200, []string{"共找到 <strong>4</strong> 条",
			`href="/reports/` + nantunID + `?item=10"`,
			`href="/?q=` + q("驻村工作队") + `&amp;unit=` + q("=南屯镇") + `"><span>南屯镇</span><span class="count">3</span>`,
			`<span class="seq">6</span>南屯镇2023年县级工作队经费`}, nil},
		{"/?q=" + q("驻村工作队") + "&unit=" + q("=南屯镇") + "&min_budget=10", 200, []string{"共找到 <strong>2</strong> 条",
			`预算 ≥ 10 万元`, `<a href="/?min_budget=10&amp;q=` + q("驻村工作队") + `" class="active">`}, []string{"?item=10"}},
		{"/?q=x&min_budget=abc", 400, []string{`<p class="notice notice-error">参数 min_budget 不是金额`}, nil},
		// the six underspent items of the reference report and the one of 廊坊
		{"/?rule=underspent", 200, []string{"共找到 <strong>7</strong> 条", `?item=25"`, "办公宿舍楼"}, []string{nantunID + `?item=1"`}},
		// reports
		{"/reports", 200, []string{"共 6 份", "廊坊市食品工程学校", "恶意镇"}, nil},
		// a report: records beside the text, findings with figures
		{"/reports/" + nantunID, 200, []string{
			`<dd class="num mismatch">905.534931 万元</dd>`,
			`<dt>应为</dt><dd class="num">937.131003</dd>`, `<dt>实为</dt><dd class="num">905.534931</dd>`,
			`<dt>差额</dt><dd class="num diff">−31.596072</dd>`,
			`<tr class="record" data-target="i1" tabindex="0">`,
			`<tr class="record has-problem" data-target="i17" tabindex="0">`,
			`<span class="dim missing" title="产出：缺">产</span>`,
			`<span class="seg ev-error" data-targets="f0">937.131003 万元</span>`}, nil},
		{"/reports/9175ead8?finding=total-mismatch", 200, []string{
			`<li class="finding finding-error selected" data-target="f0" data-key="total-mismatch"`,
			`<span class="seg ev-error active" data-targets="f0">937.131003 万元</span>`}, nil},
		{"/reports/" + nantunID + "?item=2", 200, []string{`<tr class="record has-problem selected" data-target="i2"`}, nil},
		{"/reports/ffffffffffff", 404, []string{"找不到报告"}, nil},
		{"/reports/XYZ", 400, []string{"报告编号无效"}, nil},
		// findings across the corpus, filtered
		{"/findings", 200, []string{"17 条", `<option value="underspent">预算未用完（underspent）</option>`}, nil},
		{"/findings?severity=error", 200, []string{"2 条（已筛选）", `href="/reports/` + nantunID + `?finding=total-mismatch"`}, []string{"underspent:2"}},
		{"/findings?review=pending&rule=not-disbursed", 200, []string{"3 条（已筛选）", "not-disbursed:17", "not-disbursed:18", "not-disbursed:2"}, nil},
		{"/findings?severity=fatal", 400, nil, nil},
		{"/nowhere", 404, []string{"找不到这个页面"}, nil},
	}
	for _, tc := range tests {
		w := f.get(tc.target)
		body := w.Body.String()
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.target, w.Code, tc.status)
		}
		for _, s := range tc.want {
			if !strings.Contains(body, s) {
				t.Errorf("%s lacks %s", tc.target, s)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(body, s) {
				t.Errorf("%s holds %s", tc.target, s)
			}
		}
	}

	// A table report shows its funds and indicator tables.
	list := decode[reportList](t, f.get("/api/reports?unit="+q("廊坊市食品工程学校")).Body.Bytes())
	if len(list.Reports) != 1 {
		t.Fatalf("table report: %+v", list)
	}
	w := f.get("/reports/" + list.Reports[0].ID)
	for _, s := range []string{"预算执行情况", "<td>年度资金总额</td>", `<td class="num">86%</td>`, "绩效指标", "项目支出自评表"} {
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), s) {
			t.Errorf("table report lacks %s", s)
		}
	}
}
