package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	p := os.Getenv("ZZDOC")
	if p == "" {
		t.Skip()
	}
	doc, r := readTestReport(t, p)
	sents := proseSentences(doc.Text)
	for _, f := range proseFigures(doc.Text, sents) {
		fmt.Printf("%s role=%q total=%v part=%v paren=%v lead=%q label=%q\n", f.m.Amount.Raw, f.role, f.total, f.part, f.paren, f.lead, labelOf(f.lead))
	}
	fmt.Printf("stated %v %v\n", r.Stated.TotalWan, r.Stated.Count)
	for _, it := range r.Items {
		fmt.Printf("item %d %q b=%v a=%v %s sub=%d\n", it.Seq, it.Name, it.BudgetWan, it.ActualWan, it.Disbursement, it.Subprojects)
	}
}
