package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html/charset"
)

// ErrNotDOCX means the bytes are not a Word document (another zip or OOXML
// kind, a legacy OLE file, or not a zip at all). The error text says which.
var ErrNotDOCX = errors.New("不是 DOCX 文件 (not a DOCX file)")

// ErrEncrypted means a password-protected Office document: its package is
// inside an encrypted OLE container and cannot be read without the password.
var ErrEncrypted = errors.New("文档已加密，请在 Word/WPS 中取消密码后另存为 .docx (encrypted document)")

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// utf16 "EncryptedPackage", the stream name of encrypted OOXML in its OLE container.
var encryptedPackageName = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// Relationship types (transitional and strict differ only in their prefix).
const (
	relOfficeDocument = "/officeDocument"
	relStyles         = "/styles"
	relNumbering      = "/numbering"
	relAFChunk        = "/aFChunk"
)

// pkg is an opened OPC package with a shared read budget.
type pkg struct {
	files  map[string]*zip.File // by lower-cased part name
	budget budget
}

func notDOCX(what string) error { return fmt.Errorf("%w: %s", ErrNotDOCX, what) }

// openPackage checks the container and opens the zip directory.
func openPackage(data []byte) (*pkg, error) {
	if bytes.HasPrefix(data, oleMagic) {
		if bytes.Contains(data, encryptedPackageName) {
			return nil, ErrEncrypted
		}
		return nil, notDOCX("这是旧版 Word/WPS (OLE) 文件，需先转换 (legacy .doc/.wps)")
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return nil, notDOCX("不是 zip 压缩包 (not a zip archive)")
	}
	if n, ok := zipEntryCount(data); ok && n > MaxEntries {
		return nil, &LimitError{What: "zip 条目数", Limit: MaxEntries}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, corruptZip(err)
	}
	if len(zr.File) > MaxEntries {
		return nil, &LimitError{What: "zip 条目数", Limit: MaxEntries}
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), budget: budget{left: MaxTotalRead}}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p, nil
}

// zipEntryCount reads the entry count from the end-of-central-directory
// record (zip64 too) before archive/zip allocates one header per entry.
func zipEntryCount(data []byte) (uint64, bool) {
	tail := data[max(0, len(data)-(0xFFFF+22)):]
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < 22 {
		return 0, false
	}
	eocd := tail[i:]
	n := uint64(binary.LittleEndian.Uint16(eocd[10:]))
	if n != 0xFFFF {
		return n, true
	}
	// zip64: the locator sits just before the EOCD record.
	loc := len(data) - len(tail) + i - 20
	if loc < 0 || !bytes.Equal(data[loc:loc+4], []byte("PK\x06\x07")) {
		return 0, false
	}
	off := binary.LittleEndian.Uint64(data[loc+8:])
	if len(data) < 56 || off > uint64(len(data)-56) || !bytes.Equal(data[off:off+4], []byte("PK\x06\x06")) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(data[off+32:]), true
}

func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// open returns a reader of a part's uncompressed bytes bounded by max.
func (p *pkg) open(name string, max int64) (io.ReadCloser, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("缺少部件 %s (missing part)", name)
	}
	// The sizes the zip directory claims are never trusted to allow a read
	// (boundedReader counts what really comes out), but a claim over the
	// limit, or a compression ratio no document has, is refused as the size
	// limit up front: a bomb of zeros would otherwise fail later, in the XML
	// decoder, as "invalid character", which names the wrong cause.
	if f.UncompressedSize64 > uint64(max) {
		return nil, &LimitError{What: name + " 解压后字节数", Limit: max}
	}
	if f.CompressedSize64 > 0 && f.UncompressedSize64 > 1<<20 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
		return nil, &LimitError{What: fmt.Sprintf("%s 压缩比 (%d:1)", name, f.UncompressedSize64/f.CompressedSize64), Limit: maxRatio}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s 无法解压 (cannot decompress): %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&boundedReader{r: rc, max: max, name: name, total: &p.budget}, rc}, nil
}

// read returns a part's bytes (for small parts).
func (p *pkg) read(name string, max int64) ([]byte, error) {
	rc, err := p.open(name, max)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

// relationship is one entry of a .rels part, its target resolved to a part name.
type relationship struct {
	ID, Type, Target string
	External         bool
}

// rels reads the relationships of a part ("" for the package itself).
func (p *pkg) rels(part string) ([]relationship, error) {
	dir, file := path.Split(part)
	relsName := dir + "_rels/" + file + ".rels"
	if !p.has(relsName) {
		return nil, nil
	}
	rc, err := p.open(relsName, MaxOtherXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewTokenDecoder(newTokenLimiter(rc, relsName)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s 无法解析 (bad XML): %w", relsName, err)
	}
	out := make([]relationship, 0, len(doc.Rels))
	for _, r := range doc.Rels {
		rel := relationship{ID: r.ID, Type: r.Type, External: strings.EqualFold(r.Mode, "External")}
		if !rel.External {
			rel.Target = resolvePart(dir, r.Target)
		}
		out = append(out, rel)
	}
	return out, nil
}

// resolvePart resolves a relationship target against the source part's folder.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

func findRel(rels []relationship, typeSuffix string) (relationship, bool) {
	for _, r := range rels {
		if !r.External && strings.HasSuffix(r.Type, typeSuffix) {
			return r, true
		}
	}
	return relationship{}, false
}

// mainPart finds the main document part, or says what the zip is instead.
func (p *pkg) mainPart() (string, error) {
	rels, err := p.rels("")
	if err != nil {
		return "", err
	}
	main := "word/document.xml"
	if r, ok := findRel(rels, relOfficeDocument); ok {
		main = r.Target
	}
	low := strings.ToLower(main)
	switch {
	case strings.HasPrefix(low, "xl/") || p.has("xl/workbook.xml"):
		return "", notDOCX("这是 Excel 工作簿 (xlsx)")
	case strings.HasPrefix(low, "ppt/") || p.has("ppt/presentation.xml"):
		return "", notDOCX("这是 PowerPoint 演示文稿 (pptx)")
	}
	if p.has(main) {
		return main, nil
	}
	if p.has("word/document.xml") {
		return "word/document.xml", nil
	}
	if mt, err := p.read("mimetype", 256); err == nil && bytes.Contains(mt, []byte("opendocument")) {
		return "", notDOCX("这是 OpenDocument 文件 (" + strings.TrimSpace(string(mt)) + ")，请另存为 .docx")
	}
	if p.has("ofd.xml") {
		return "", notDOCX("这是 OFD 版式文件 (OFD)，请导出为 PDF 或 .docx")
	}
	return "", notDOCX("压缩包中没有 word/document.xml (zip without a Word document)")
}

func charsetReader(label string, input io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, input)
}

// zipError is a damaged zip said in words a reviewer reads; it unwraps to
// archive/zip's error for programs.
type zipError struct {
	msg string
	err error
}

func (e *zipError) Error() string { return e.msg }
func (e *zipError) Unwrap() error { return e.err }

// corruptZip names what archive/zip found wrong with the archive.
func corruptZip(err error) error {
	msg := "zip 结构损坏 (corrupt zip)"
	switch {
	case errors.Is(err, zip.ErrFormat):
		msg += "：不是完整的 zip 文件，可能被截断 (not a valid zip file, truncated?)"
	case errors.Is(err, zip.ErrChecksum):
		msg += "：校验和不符 (checksum error)"
	case errors.Is(err, zip.ErrAlgorithm):
		msg += "：不支持的压缩方法 (unsupported compression)"
	}
	return &zipError{msg: msg, err: err}
}
