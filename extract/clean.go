package extract

import (
	"strings"

	"github.com/jixiao/jixiao/ingest/fold"
)

// cleanText is the value of a span of the text: typesetting spaces beside
// Chinese dropped (fold.Value).
func cleanText(s string) string { return fold.Value(s) }

// trimPunct removes clause punctuation around s.
func trimPunct(s string) string {
	return strings.Trim(s, " \t，。；：:;,.、")
}
