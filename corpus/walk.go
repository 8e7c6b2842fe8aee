package corpus

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/ingest"
	"github.com/jixiao/jixiao/pipeline"
)

// Walk lists the files to ingest under paths (pipeline.Expand), absolute, leaving out
// the corpus directory itself; paths that cannot be listed come back as
// failures.
func (s *Store) Walk(paths []string) (files []string, failures []Failure) {
	abs := make([]string, 0, len(paths))
	for _, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			failures = append(failures, failure(p, "", ingest.ReasonOpen, err))
			continue
		}
		abs = append(abs, a)
	}
	all, errs := pipeline.Expand(abs, func(dir string) bool { return dir == s.dir })
	for _, p := range all {
		if !s.inside(p) {
			files = append(files, p)
		}
	}
	for _, err := range errs {
		path, reason := "", ingest.ReasonOpen
		var ie *ingest.Error
		if errors.As(err, &ie) {
			path, reason = ie.Path, ie.Reason
		}
		failures = append(failures, failure(path, "", reason, err))
	}
	return files, failures
}

// inside reports whether path is in the corpus directory.
func (s *Store) inside(path string) bool {
	rel, err := filepath.Rel(s.dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
