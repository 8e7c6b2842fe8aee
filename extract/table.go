package extract

import "github.com/jixiao/jixiao/ingest"

// tableGenre recognises the standard self-evaluation tables. (Stub.)
func tableGenre(doc *ingest.Document) (Genre, bool) { return "", false }

// extractTable reads a 项目支出绩效自评表 or 部门整体支出绩效自评表. (Stub.)
func extractTable(doc *ingest.Document, r *Report) error { return nil }
