package extract

import (
	"testing"

	"github.com/jixiao/jixiao/ingest"
)

// BenchmarkReadTable extracts the sample tables (genre detection, cells,
// blocks, prose sums); BenchmarkTableBaseline makes one pass of cellKey
// over the same texts, the cheapest thing that touches every byte, as the
// reference for the ratio.
func BenchmarkReadTable(b *testing.B) {
	docs := benchTableDocs(b)
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if _, err := Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkTableBaseline(b *testing.B) {
	docs := benchTableDocs(b)
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			_ = cellKey(d.Text)
		}
	}
}

func benchTableDocs(b *testing.B) []*ingest.Document {
	var docs []*ingest.Document
	for _, n := range []string{"langfang_shipinxuexiao_2019_xiangmu_table.txt", "qingshen_fgj_2023_xiangmu_table.txt",
		"xiaoxian_zhangzhuangzhai_2023_mubiao_table.txt", "made/good_project.txt", "made/department.pdf.txt"} {
		text := loadTableSample(b, n)
		docs = append(docs, ingest.Assemble(n, "", ingest.FormatText, []ingest.Page{{N: 1, Text: text}}, nil))
	}
	return docs
}
