//go:build !unix

package segment

import "errors"

// mapFile is not available here: the segmenter is built from the text
// dictionaries at every start.
func mapFile(path string) ([]byte, error) {
	return nil, errors.New("no file mapping on this system")
}

func unmapFile(data []byte) {}
