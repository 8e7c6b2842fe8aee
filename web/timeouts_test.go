package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestServerTimeouts: the server cuts off a client that sends its request
// slowly, idles, or stops reading, with the timeouts named in serve.go.
func TestServerTimeouts(t *testing.T) {
	srv := newHTTPServer(context.Background(), http.NotFoundHandler())
	for name, c := range map[string]struct{ got, want time.Duration }{
		"read header": {srv.ReadHeaderTimeout, 10 * time.Second},
		"read":        {srv.ReadTimeout, time.Minute},
		"write":       {srv.WriteTimeout, 30 * time.Second},
		"idle":        {srv.IdleTimeout, 2 * time.Minute},
	} {
		if c.got != c.want {
			t.Errorf("%s timeout = %v, want %v", name, c.got, c.want)
		}
	}
	if srv.MaxHeaderBytes != 64<<10 {
		t.Errorf("MaxHeaderBytes = %d", srv.MaxHeaderBytes)
	}
}

// deadlineRecorder is a ResponseWriter that records the write deadlines set
// through http.ResponseController.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	deadlines []time.Time
}

func (d *deadlineRecorder) SetWriteDeadline(t time.Time) error {
	d.deadlines = append(d.deadlines, t)
	return nil
}

// TestExportWriteDeadline: an export moves the write deadline WriteTimeout
// past each write, so one of any size reaches a client that reads it, and a
// client that stops reading is cut off WriteTimeout after the write that
// blocked, not when the whole export would have been written.
func TestExportWriteDeadline(t *testing.T) {
	rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
	cw := &countingWriter{w: rec, rc: http.NewResponseController(rec)}
	for _, chunk := range []string{"项目,预算\n", "甲,1\n", "乙,2\n"} {
		before := time.Now()
		if _, err := cw.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
		last := rec.deadlines[len(rec.deadlines)-1]
		if last.Before(before.Add(WriteTimeout)) || last.After(time.Now().Add(WriteTimeout)) {
			t.Errorf("deadline %v is not WriteTimeout after the write at %v", last, before)
		}
	}
	if len(rec.deadlines) != 3 || cw.n != int64(len("项目,预算\n甲,1\n乙,2\n")) || rec.Body.String() != "项目,预算\n甲,1\n乙,2\n" {
		t.Errorf("deadlines %d, bytes %d, body %q", len(rec.deadlines), cw.n, rec.Body.String())
	}
}
