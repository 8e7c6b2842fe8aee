// Package html reads the article body of a portal page. (Stub: being written.)
package html

import "errors"

// Extract returns the text of an HTML page's article body: blocks as lines,
// table rows as "| cell | cell |" lines.
func Extract(data []byte) (string, []string, error) {
	return "", nil, errors.New("HTML reading is not built yet")
}
