package legacy

import (
	"bytes"
	"encoding/binary"
)

// OpenDocument kinds, as OpenDocument tells them by the mimetype it declares.
const (
	ODFText        = "text"
	ODFSpreadsheet = "spreadsheet"
)

// OpenDocument tells whether data is an OpenDocument file — a zip package
// (.odt, .ods) whose first entry is the uncompressed "mimetype", or a flat
// XML document (.fodt, .fods) whose root declares office:mimetype — and of
// which kind; "" when it is neither or another kind (a presentation, a
// drawing). LibreOffice and WPS save these; a flat file read as text would
// give XML markup as a report.
func OpenDocument(data []byte) string {
	var mime []byte
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && len(data) > 38 && bytes.HasPrefix(data[30:], []byte("mimetype")):
		// The mimetype entry is stored first and uncompressed: its bytes
		// follow the local header, the name and any extra field.
		at := 30 + int(binary.LittleEndian.Uint16(data[26:])) + int(binary.LittleEndian.Uint16(data[28:]))
		if at >= len(data) {
			return ""
		}
		mime = data[at:min(len(data), at+80)]
	default:
		head := data[:min(len(data), 16<<10)]
		i := bytes.Index(head, []byte("<office:document"))
		if i < 0 {
			return ""
		}
		j := bytes.Index(head[i:], []byte("office:mimetype="))
		if j < 0 {
			return ""
		}
		mime = head[i+j+len("office:mimetype=") : min(len(head), i+j+len("office:mimetype=")+80)]
		mime = bytes.TrimLeft(mime, `"'`)
	}
	switch {
	case bytes.HasPrefix(mime, []byte("application/vnd.oasis.opendocument.spreadsheet")):
		return ODFSpreadsheet
	case bytes.HasPrefix(mime, []byte("application/vnd.oasis.opendocument.text")):
		return ODFText
	}
	return ""
}

// odfInputName names the file handed to soffice: a flat XML file keeps a
// flat extension so that soffice picks the XML filter.
func odfInputName(data []byte, ext string) string {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return "input." + ext
	}
	return "input.f" + ext
}
