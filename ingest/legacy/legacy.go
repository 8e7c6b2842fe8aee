// Package legacy converts .doc and .wps files to DOCX through LibreOffice.
// (Stub: being written.)
package legacy

import (
	"context"
	"errors"
)

// ErrNoConverter means soffice is not installed.
var ErrNoConverter = errors.New("需要安装 LibreOffice (soffice) 才能读取 .doc/.wps，或先另存为 .docx")

// ToDOCX converts a legacy Word/WPS file to DOCX bytes.
func ToDOCX(ctx context.Context, data []byte) ([]byte, error) {
	return nil, ErrNoConverter
}
