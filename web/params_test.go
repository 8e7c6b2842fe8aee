package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/internal/fuzzbudget"
)

func mustDec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSearchQuery(t *testing.T) {
	v, _ := url.ParseQuery("q=+驻村+&year=2023&unit=南屯镇&min_budget=1%2C000%2C000元&max_budget=100.5&rule=underspent&from=20&size=5")
	q, err := searchQuery(v)
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "驻村" || q.Year != 2023 || q.Unit != "南屯镇" || q.MinBudget.String() != "100" || q.MaxBudget.String() != "100.5" ||
		q.Rule != "underspent" || q.From != 20 || q.Size != 5 {
		t.Errorf("%+v", q)
	}
	q, err = searchQuery(url.Values{})
	if err != nil || q.Size != 20 || q.From != 0 || q.MinBudget != nil {
		t.Errorf("defaults: %+v %v", q, err)
	}
}

// FuzzSearchQuery: any query string gives a bounded query or a 400, never a
// panic. It once reported nothing for seven minutes: Go minimised each new
// input (a long query string) for its default 60 s, counting the runs only at
// the end; the budget keeps the reports coming.
func FuzzSearchQuery(f *testing.F) {
	fuzzbudget.Set()
	f.Add("q=驻村工作队&min_budget=10&max_budget=100万元&from=20&size=5")
	f.Add("min_budget=1万-5万元&year=%ff")
	f.Add("size=99999999999999999999&from=-0")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := searchQuery(v)
		if err != nil {
			if statusOf(err) != http.StatusBadRequest {
				t.Fatalf("%q: %v is not a 400", raw, err)
			}
			return
		}
		if q.Size < 1 || q.Size > maxPageSize || q.From < 0 || q.From > maxFrom || !utf8.ValidString(q.Text) ||
			utf8.RuneCountInString(q.Text) > maxQueryRunes {
			t.Fatalf("%q: %+v", raw, q)
		}
		if q.MinBudget != nil && q.MaxBudget != nil && q.MinBudget.GreaterThan(*q.MaxBudget) {
			t.Fatalf("%q: min > max", raw)
		}
	})
}

// FuzzDecisionBody: a body is a known verdict with a short note, or a 400.
func FuzzDecisionBody(f *testing.F) {
	f.Add(`{"decision":"dismissed","note":"已核实"}`)
	f.Add(`{"decision":"confirmed"}`)
	f.Add(`{"decision":"maybe","note":1}`)
	f.Add(`{"decision":"confirmed"} {"decision":"dismissed"}`)
	f.Add(`{"note":"\u0000"}`)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req, err := readDecision(httptest.NewRecorder(), r)
		if err != nil {
			if statusOf(err) != http.StatusBadRequest {
				t.Fatalf("%q: %v is not a 400", body, err)
			}
			return
		}
		if req.Decision != corpus.Confirmed && req.Decision != corpus.Dismissed {
			t.Fatalf("%q: verdict %q", body, req.Decision)
		}
		if utf8.RuneCountInString(req.Note) > maxNoteRunes || strings.ContainsRune(req.Note, 0) {
			t.Fatalf("%q: note %q", body, req.Note)
		}
	})
}
