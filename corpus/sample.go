package corpus

import (
	"embed"
	"io/fs"
)

//go:embed samples/*.md
var samples embed.FS

// Samples are the reference reports embedded in the binary for `jixiao demo`.
func Samples() fs.FS {
	sub, err := fs.Sub(samples, "samples")
	if err != nil {
		panic(err) // the directory is embedded above
	}
	return sub
}
