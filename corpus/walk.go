package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk lists the files to ingest under paths: files as given, directories
// recursively in lexical order. Hidden files and directories (".name") below
// a given path and the corpus directory itself are skipped. Paths are made
// absolute; each file is listed once. Paths that cannot be listed come back
// as failures; entries that are not regular files are listed, so that
// reading them reports why they were not read.
func (s *Store) Walk(paths []string) (files []string, failures []Failure) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		abs, err := filepath.Abs(root)
		if err != nil {
			failures = append(failures, Failure{Path: root, Reason: reasonOpen, Error: err.Error()})
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			failures = append(failures, Failure{Path: abs, Reason: reasonOpen, Error: err.Error()})
			continue
		}
		if !fi.IsDir() {
			if !s.inside(abs) {
				add(abs)
			}
			continue
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{Path: p, Reason: reasonOpen, Error: err.Error()})
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
				if p == s.dir {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				// A symlink to a file is read through, one to a folder is not
				// followed. A broken link, a FIFO, a socket or a device is
				// listed all the same: reading it fails with its reason
				// (ingest.Load), so the summary reports it instead of the
				// walk skipping it unseen.
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					return nil
				}
			}
			add(p)
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Path: abs, Reason: reasonOpen, Error: err.Error()})
		}
	}
	return files, failures
}

// inside reports whether path is in the corpus directory.
func (s *Store) inside(path string) bool {
	rel, err := filepath.Rel(s.dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
