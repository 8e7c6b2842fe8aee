package synth

import (
	"bytes"
	"reflect"
	"testing"
)

// FuzzReadTruth: truth.jsonl is read from disk, so its reader must take any
// bytes without panicking, and what it reads must survive a round trip.
func FuzzReadTruth(f *testing.F) {
	f.Add([]byte(`{"file":"00001-南屯镇-2023.md","format":"md","unit":"南屯镇","year":2023,"genre":"narrative","stated_total_wan":"937.131003","stated_count":40,"items":[{"seq":1,"name":"南屯镇2023年省级驻村工作队经费","budget_wan":"24","actual_wan":"24","disbursement":"full","subprojects":1}],"planted":[]}` + "\n"))
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte(`{"planted":[{"rule":"total-mismatch","stated":"1","computed":"2"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := decodeTruth(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := encodeTruth(&buf, ts); err != nil {
			t.Fatalf("encode what was decoded: %v", err)
		}
		again, err := decodeTruth(&buf)
		if err != nil {
			t.Fatalf("decode what was encoded: %v", err)
		}
		if len(ts) == 0 && len(again) == 0 {
			return
		}
		if !reflect.DeepEqual(ts, again) {
			t.Fatalf("round trip changed the truth:\n%+v\n%+v", ts, again)
		}
	})
}
