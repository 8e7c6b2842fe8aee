package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
)

// TestSampleIsTheReference: the report embedded for `jixiao demo` is the
// reference report the tests read (testdata/nantun-2023.md), byte for byte.
// go:embed cannot reach the repository's testdata, so the embedded file is
// the one copy kept, and this test keeps the two from drifting apart.
func TestSampleIsTheReference(t *testing.T) {
	embedded, err := fs.ReadFile(Samples(), "nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../testdata/nantun-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embedded, ref) {
		t.Errorf("corpus/samples/nantun-2023.md (%d bytes) differs from testdata/nantun-2023.md (%d bytes)", len(embedded), len(ref))
	}
}
