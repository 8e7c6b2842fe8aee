package ingest

import (
	"context"
	"errors"
	"testing"
)

// TestReadCancelled: a cancelled read returns the cancellation, not a
// document, whatever the format.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, data := range map[string]string{
		"a.html": "<html><body><p>南屯镇 2023 年度绩效自评报告</p></body></html>",
		"a.md":   "# 南屯镇 2023 年度绩效自评报告\n",
		"a.pdf":  "%PDF-1.7\n",
	} {
		doc, err := Read(ctx, name, []byte(data), Options{})
		if !errors.Is(err, context.Canceled) || doc != nil {
			t.Errorf("%s: %v, %v; want context.Canceled and no document", name, doc, err)
		}
	}
}
