// Package docx reads the paragraphs and tables of a Word document in reading
// order. (Stub: being written.)
package docx

import "errors"

// Extract returns the text of a DOCX file: paragraphs as lines, table rows as
// "| cell | cell |" lines. A DOCX has one page.
func Extract(data []byte) (string, []string, error) {
	return "", nil, errors.New("DOCX reading is not built yet")
}
