package pdf

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
	tifflzw "golang.org/x/image/tiff/lzw"
)

// maxStreamBytes bounds one decoded stream (content, CMap, form): a
// compression bomb must end as a warning, not as an exhausted machine.
const maxStreamBytes = 64 << 20

var errStreamTooLarge = errors.New("数据流过大 (stream too large)")

// streamBytes returns the decoded data of a stream object. It reads the raw
// bytes from the file itself (ledongthuc only knows two filters and trusts
// /Length), finds the true end when /Length is wrong, and applies the filters.
// A damaged stream gives what could be decoded together with an error.
func (d *document) streamBytes(v lpdf.Value) ([]byte, error) {
	if v.Kind() != lpdf.Stream {
		return nil, errors.New("not a stream")
	}
	raw, ok := d.rawStream(v)
	if !ok {
		// Fall back on ledongthuc's own reader.
		return readLimited(v.Reader())
	}
	filters, params := v.Key("Filter"), v.Key("DecodeParms")
	if params.IsNull() {
		params = v.Key("DP")
	}
	var names []string
	var parms []lpdf.Value
	switch filters.Kind() {
	case lpdf.Name:
		names, parms = []string{filters.Name()}, []lpdf.Value{params}
	case lpdf.Array:
		for i := 0; i < filters.Len() && i < 8; i++ {
			names = append(names, filters.Index(i).Name())
			parms = append(parms, params.Index(i))
		}
	}
	data := raw
	for i, name := range names {
		out, err := decodeFilter(name, parms[i], data)
		if err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
		data = out
	}
	return data, nil
}

// rawStream finds the undecoded bytes of a stream in the file.
func (d *document) rawStream(v lpdf.Value) ([]byte, bool) {
	s := v.String() // "<<header>>@offset"
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return nil, false
	}
	off, err := strconv.ParseInt(s[at+1:], 10, 64)
	if err != nil || off < 0 || off > int64(len(d.data)) {
		return nil, false
	}
	rest := d.data[off:]
	n := v.Key("Length").Int64()
	if n > 0 && n <= int64(len(rest)) && endsStream(rest[n:]) {
		return rest[:n], true
	}
	// /Length is missing or wrong: the stream ends at "endstream".
	end := bytes.Index(rest, []byte("endstream"))
	if end < 0 {
		if n > 0 && n <= int64(len(rest)) {
			return rest[:n], true
		}
		return rest, true
	}
	raw := rest[:end]
	if bytes.HasSuffix(raw, []byte("\r\n")) {
		raw = raw[:len(raw)-2]
	} else if bytes.HasSuffix(raw, []byte("\n")) || bytes.HasSuffix(raw, []byte("\r")) {
		raw = raw[:len(raw)-1]
	}
	return raw, true
}

func endsStream(b []byte) bool {
	b = bytes.TrimLeft(b[:min(len(b), 64)], "\x00\t\n\f\r ")
	return bytes.HasPrefix(b, []byte("endstream"))
}

func readLimited(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	_, err := io.Copy(&buf, io.LimitReader(r, maxStreamBytes+1))
	if buf.Len() > maxStreamBytes {
		return buf.Bytes()[:maxStreamBytes], errStreamTooLarge
	}
	return buf.Bytes(), err
}

func decodeFilter(name string, parm lpdf.Value, data []byte) ([]byte, error) {
	switch name {
	case "FlateDecode", "Fl":
		out, err := inflate(data)
		if len(out) == 0 && err != nil {
			return nil, err
		}
		out, perr := unpredict(parm, out)
		if perr != nil {
			return out, perr
		}
		return out, err
	case "LZWDecode", "LZW":
		var r io.ReadCloser
		early := parm.Key("EarlyChange")
		if early.Kind() == lpdf.Integer && early.Int64() == 0 {
			r = lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8)
		} else {
			r = tifflzw.NewReader(bytes.NewReader(data), tifflzw.MSB, 8)
		}
		defer r.Close()
		out, err := readLimited(r)
		if len(out) == 0 && err != nil {
			return nil, err
		}
		out, perr := unpredict(parm, out)
		if perr != nil {
			return out, perr
		}
		return out, nil
	case "ASCIIHexDecode", "AHx":
		l := &lexer{data: data}
		return []byte(l.hexString()), nil
	case "ASCII85Decode", "A85":
		return ascii85Decode(data)
	case "RunLengthDecode", "RL":
		return runLengthDecode(data)
	case "Crypt":
		return data, nil
	case "":
		return data, nil
	}
	return nil, fmt.Errorf("不支持的压缩方式 (unsupported filter) %s", name)
}

// inflate decompresses zlib data, tolerating a missing header and a damaged
// tail (what was decoded is kept, as other readers do).
func inflate(data []byte) ([]byte, error) {
	var r io.Reader
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		fr := flate.NewReader(bytes.NewReader(data))
		defer fr.Close()
		r = fr
	} else {
		defer zr.Close()
		r = zr
	}
	out, err := readLimited(r)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zlib.ErrChecksum) {
		err = nil
	}
	return out, err
}

func ascii85Decode(data []byte) ([]byte, error) {
	clean := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '~' {
			break
		}
		if isWhite(c) {
			continue
		}
		if c == '<' && i+1 < len(data) && data[i+1] == '~' && len(clean) == 0 {
			i++
			continue
		}
		clean = append(clean, c)
	}
	out := make([]byte, 0, len(clean))
	dec := ascii85.NewDecoder(bytes.NewReader(clean))
	b, err := readLimited(dec)
	out = append(out, b...)
	return out, err
}

func runLengthDecode(data []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		default:
			if i >= len(data) {
				return out, nil
			}
			out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			i++
		}
		if len(out) > maxStreamBytes {
			return out[:maxStreamBytes], errStreamTooLarge
		}
	}
	return out, nil
}

// unpredict undoes PNG (10–15) and TIFF (2) predictors.
func unpredict(parm lpdf.Value, data []byte) ([]byte, error) {
	pred := parm.Key("Predictor").Int64()
	if pred <= 1 {
		return data, nil
	}
	colors := max(1, parm.Key("Colors").Int64())
	bpc := parm.Key("BitsPerComponent").Int64()
	if bpc == 0 {
		bpc = 8
	}
	columns := parm.Key("Columns").Int64()
	if columns == 0 {
		columns = 1
	}
	if colors > 64 || bpc > 16 || columns > 1<<20 {
		return data, errors.New("bad predictor parameters")
	}
	bpp := int(max(1, (colors*bpc+7)/8))
	rowLen := int((colors*bpc*columns + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return data, nil
		}
		for r := 0; r+rowLen <= len(data); r += rowLen {
			for i := bpp; i < rowLen; i++ {
				data[r+i] += data[r+i-bpp]
			}
		}
		return data, nil
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, rowLen)
	cur := make([]byte, rowLen)
	for r := 0; r < len(data); r += rowLen + 1 {
		ft := data[r]
		row := data[r+1 : min(r+1+rowLen, len(data))]
		clear(cur)
		copy(cur, row)
		for i := 0; i < rowLen; i++ {
			var left, up, upLeft byte
			if i >= bpp {
				left = cur[i-bpp]
				upLeft = prev[i-bpp]
			}
			up = prev[i]
			switch ft {
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, upLeft)
			}
		}
		out = append(out, cur[:len(row)]...)
		prev, cur = cur, prev
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
