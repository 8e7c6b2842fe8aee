package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/jixiao/jixiao/corpus/export"
)

// exportFormats are the content types of the exports.
var exportFormats = map[string]string{
	"csv":   "text/csv; charset=utf-8",
	"xlsx":  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"jsonl": "application/x-ndjson; charset=utf-8",
}

// countingWriter notes whether anything was written, so that a failure
// before the first byte can still be answered as an error. Each write moves
// the connection's write deadline WriteTimeout ahead: an export of any size
// goes out to a client that reads it, and one that stops reading is cut off
// after WriteTimeout instead of holding the connection.
type countingWriter struct {
	w  http.ResponseWriter
	rc *http.ResponseController
	n  int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.rc != nil {
		c.rc.SetWriteDeadline(time.Now().Add(WriteTimeout)) // not every writer supports it: then the server's stays
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// apiExport: GET /api/export?format=csv|xlsx|jsonl[&table=items|findings][&year=&unit=]
// downloads the corpus export as `jixiao export` writes it. CSV holds one
// table: the items, or the findings with their review decisions.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	ct, ok := exportFormats[format]
	if !ok {
		writeError(w, http.StatusBadRequest, "format 须为 csv、xlsx 或 jsonl")
		return
	}
	table := q.Get("table")
	switch {
	case table == "" && format == "csv":
		table = "items"
	case table == "items" || table == "findings":
		if format != "csv" {
			writeError(w, http.StatusBadRequest, "table 只用于 csv")
			return
		}
	case table != "":
		writeError(w, http.StatusBadRequest, "table 须为 items 或 findings")
		return
	}
	f, err := reportFilter(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	f.Limit, f.Offset = 0, 0
	name := "jixiao"
	if table != "" {
		name += "-" + table
	}
	name = fmt.Sprintf("%s-%s.%s", name, time.Now().Format("20060102"), format)
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	cw := &countingWriter{w: w, rc: http.NewResponseController(w)}
	ctx := r.Context()
	switch {
	case format == "xlsx":
		err = export.XLSX(ctx, s.store, f, cw)
	case format == "jsonl":
		err = export.JSONL(ctx, s.store, f, cw)
	case table == "findings":
		err = export.CSV(ctx, s.store, f, nil, cw)
	default:
		err = export.CSV(ctx, s.store, f, cw, nil)
	}
	if err == nil {
		return
	}
	if cw.n == 0 {
		h.Del("Content-Disposition")
		s.internalError(w, r, err, true)
		return
	}
	// Part of the file is out: break the connection so that the download
	// fails instead of ending as a file cut short.
	s.log.Error("export failed", "format", format, "err", err)
	panic(http.ErrAbortHandler)
}
