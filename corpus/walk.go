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
// as failures.
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
				// a symlink to a file is read through; others (sockets …) are not files
				if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
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
