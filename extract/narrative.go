package extract

import "github.com/jixiao/jixiao/ingest"

// extractNarrative reads a 绩效自评报告 written in prose. (Stub.)
func extractNarrative(doc *ingest.Document, r *Report) error { return nil }
