package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/ingest"
)

// Expand lists the files under paths, as every command that takes files and
// folders does: files as given, folders recursively in lexical order. Hidden
// files and folders (".name") below a given path are skipped, and so is any
// folder skip reports true for (the corpus, when ingesting into it). Paths keep
// the form they were given in (relative stays relative); each file is listed once. A symlink to a file is listed, one
// to a folder is not followed; a broken link, a FIFO, a socket or a device is
// listed all the same, so that reading it fails with its reason
// (ingest.Load) instead of being skipped unseen. Paths that cannot be listed
// come back as errors (*ingest.Error).
func Expand(paths []string, skip func(dir string) bool) (files []string, errs []error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	fail := func(p string, err error) {
		errs = append(errs, &ingest.Error{Path: p, Reason: ingest.ReasonOpen, Err: err})
	}
	for _, root := range paths {
		abs := root // as given: a file keeps the name the user gave it
		fi, err := os.Stat(abs)
		if err != nil {
			if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
				err = pe.Err // the path is named once, by the Error
			}
			fail(abs, err)
			continue
		}
		if !fi.IsDir() {
			add(abs)
			continue
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(p, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != abs && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if skip != nil && skip(p) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					return nil
				}
			}
			add(p)
			return nil
		})
		if err != nil {
			fail(abs, err)
		}
	}
	return files, errs
}
