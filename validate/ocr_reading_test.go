package validate

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/money"
)

// ocrReport is a narrative report whose total and items were read by OCR.
func ocrReport(total string, budgets ...string) *extract.Report {
	conf := 71
	mark := extract.OCRMark{OCR: true, Confidence: &conf}
	amount := func(raw string) money.Amount {
		a, err := money.Parse(raw)
		if err != nil {
			panic(err)
		}
		return a
	}
	t := amount(total)
	r := &extract.Report{Genre: extract.Narrative, OCRPages: []int{1}}
	r.Stated.Total, r.Stated.TotalWan, r.Stated.Page, r.Stated.Span, r.Stated.OCRMark = &t, &t.Wan, 1, &extract.Span{0, 10}, mark
	for i, b := range budgets {
		it := extract.Item{Seq: i + 1, Name: "项目", Page: 1, Span: extract.Span{20 + 20*i, 35 + 20*i}, Disbursement: extract.Unknown, OCRMark: mark}
		it.SetBudget(amount(b))
		r.Items = append(r.Items, it)
	}
	return r
}

// TestOCRMisread: a mismatch that one confusable digit of an OCR'd figure
// explains (38 read for 33) is a possible reading error at warning, with the
// reading that reconciles as a hint; the figure is left as read.
func TestOCRMisread(t *testing.T) {
	for _, c := range []struct {
		name, total string
		budgets     []string
		hint        string
	}{
		{"a part: 3 read as 8", "100万元", []string{"38万元", "67万元"}, "「38万元」若读作「33万元」"},
		{"the total: 0 read as 6", "165万元", []string{"38万元", "67万元"}, "「165万元」若读作「105万元」"},
		{"a point lost", "24.5万元", []string{"125万元", "12万元"}, "「125万元」若读作「12.5万元」"},
	} {
		r := ocrReport(c.total, c.budgets...)
		fs := Report(r)
		var got *Finding
		for i := range fs {
			if fs[i].Rule == "ocr-misread" {
				got = &fs[i]
			}
			if fs[i].Rule == "total-mismatch" {
				t.Errorf("%s: still a total-mismatch: %s", c.name, fs[i].Message)
			}
		}
		if got == nil {
			t.Errorf("%s: no ocr-misread among %+v", c.name, fs)
			continue
		}
		if got.Severity != Warning || !strings.Contains(got.Message, c.hint) || !strings.Contains(got.Message, "请核对原件") || !strings.Contains(got.Message, "total-mismatch") {
			t.Errorf("%s: %s %s", c.name, got.Severity, got.Message)
		}
		if r.Items[0].Budget.Raw != c.budgets[0] || r.Stated.Total.Raw != c.total {
			t.Errorf("%s: a figure was changed", c.name)
		}
	}
}

// TestOCRMismatch: a mismatch no single misread explains stays what it is,
// an error, and says that its figures were read by OCR; a report read from
// a text layer says nothing of OCR.
func TestOCRMismatch(t *testing.T) {
	r := ocrReport("937.131003万元", "905.534931万元")
	fs := Report(r)
	if len(fs) != 1 || fs[0].Rule != "total-mismatch" || fs[0].Severity != Error || !strings.Contains(fs[0].Message, "OCR") ||
		!strings.Contains(fs[0].Message, "置信度 71") || !strings.Contains(fs[0].Message, "请核对原件") {
		t.Errorf("%+v", fs)
	}
	if !fs[0].Expected.Equal(decimal.RequireFromString("937.131003")) {
		t.Errorf("expected %s", fs[0].Expected)
	}
	r.OCRPages = nil
	r.Stated.OCRMark = extract.OCRMark{}
	for i := range r.Items {
		r.Items[i].OCRMark = extract.OCRMark{}
	}
	if fs := Report(r); len(fs) != 1 || strings.Contains(fs[0].Message, "OCR") {
		t.Errorf("text layer: %+v", fs)
	}
}

func TestOCRVariants(t *testing.T) {
	got := strings.Join(ocrVariants("1,030.5元"), " ")
	for _, want := range []string{"7,030.5元", "1,630.5元", "1,030.6元", "1,0305元"} {
		if !strings.Contains(got, want) {
			t.Errorf("variants of 1,030.5元 lack %s: %s", want, got)
		}
	}
	if strings.Contains(got, "0,030") {
		t.Errorf("a leading zero: %s", got)
	}
}

// TestOCRImpossible: an OCR'd fund row scored above its weight (a cell's
// rule read as 1: 9 as 191) is a possible reading error.
func TestOCRImpossible(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	r := &extract.Report{Genre: extract.ProjectTable, OCRPages: []int{1}}
	r.Funds = []extract.FundRow{{Row: "年度资金总额", Weight: d("10"), Score: d("191"), Page: 1, Span: extract.Span{5, 30}, OCRMark: extract.OCRMark{OCR: true}}}
	var got []string
	for _, f := range Report(r) {
		got = append(got, f.Rule+" "+f.Message)
	}
	if s := strings.Join(got, "\n"); !strings.Contains(s, "ocr-misread 可能是识别错误 (OCR)：「年度资金总额」得分读作 191，大于其分值 10") {
		t.Errorf("findings:\n%s", s)
	}
	r.Funds[0].OCRMark, r.OCRPages = extract.OCRMark{}, nil
	for _, f := range Report(r) {
		if f.Rule == "ocr-misread" {
			t.Errorf("text layer: %s", f.Message)
		}
	}
}

// TestFindingsOCR: a finding on OCR'd figures is marked with the lowest
// confidence among them; a report read from a text layer marks none.
func TestFindingsOCR(t *testing.T) {
	r := ocrReport("937.131003万元", "905.534931万元", "10万元")
	low := 58
	r.Items[1].Confidence = &low
	fs := Report(r)
	marks := FindingsOCR(r, fs)
	if len(fs) != 1 || fs[0].Rule != "total-mismatch" || !marks[0].OCR || marks[0].Confidence == nil || *marks[0].Confidence != 58 {
		t.Fatalf("findings %+v, marks %+v", fs, marks)
	}
	r.OCRPages = nil
	if m := FindingsOCR(r, fs); m[0].OCR || m[0].Confidence != nil {
		t.Errorf("text layer: mark %+v", m[0])
	}
}
