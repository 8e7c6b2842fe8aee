package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// File is one file as jixiao identifies it: where it is, how big, when it
// changed, and the SHA-256 of the bytes that were read. It is the one place
// a file on disk is stat'ed, opened and hashed, so the corpus and the
// commands that read single files agree on what a file is and on why it could
// not be read.
type File struct {
	Path    string
	Size    int64
	ModTime time.Time
	SHA256  string
	Data    []byte
}

// Load reads the file at path. Only regular files are read (a symlink is
// followed to what it names): a directory, a FIFO, a socket or a device
// (/dev/zero, /dev/urandom, a terminal) is refused before it is opened, since
// reading one would block for ever or never end. The read itself is bounded
// by MaxFileSize whatever the size the file claims, so a file that grows while
// it is read cannot take more memory than that.
func Load(path string) (File, error) {
	f := File{Path: path}
	fi, err := os.Stat(path)
	if err != nil {
		return f, &Error{Path: path, Reason: ReasonOpen, Err: plainPathError(err)}
	}
	if err := regular(path, fi); err != nil {
		return f, err
	}
	f.Size, f.ModTime = fi.Size(), fi.ModTime()
	if fi.Size() > MaxFileSize {
		return f, tooLarge(path, fi.Size())
	}
	// O_NONBLOCK is not needed: the mode was checked above, and a file
	// replaced by a FIFO between the two calls is caught by the check below.
	h, err := os.Open(path)
	if err != nil {
		return f, &Error{Path: path, Reason: ReasonOpen, Err: plainPathError(err)}
	}
	defer h.Close()
	if hi, err := h.Stat(); err == nil {
		if err := regular(path, hi); err != nil {
			return f, err
		}
	}
	data, err := readAll(io.LimitReader(h, MaxFileSize+1), fi.Size())
	if err != nil {
		return f, &Error{Path: path, Reason: ReasonRead, Err: plainPathError(err)}
	}
	if int64(len(data)) > MaxFileSize {
		return f, tooLarge(path, int64(len(data)))
	}
	sum := sha256.Sum256(data)
	f.Data, f.Size, f.SHA256 = data, int64(len(data)), hex.EncodeToString(sum[:])
	return f, nil
}

// regular refuses everything but a regular file.
func regular(path string, fi fs.FileInfo) error {
	switch m := fi.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &Error{Path: path, Reason: ReasonDirectory}
	case m&fs.ModeNamedPipe != 0:
		return &Error{Path: path, Reason: ReasonFIFO}
	case m&fs.ModeSocket != 0:
		return &Error{Path: path, Reason: ReasonSocket}
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return &Error{Path: path, Reason: ReasonDevice}
	default:
		return &Error{Path: path, Reason: ReasonIrregular}
	}
}

// readAll reads r to its end into a buffer sized for the size the file
// claims (and one byte more, to see the end without growing): the bytes are
// held once, where io.ReadAll's doubling would make a large file cost up to
// twice its size, plus the copies it leaves behind. A file that grew since it
// was stat'ed still reads whole (the buffer grows as io.ReadAll's would).
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), MaxFileSize)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

func tooLarge(path string, n int64) error {
	return &Error{Path: path, Reason: ReasonTooLarge,
		Err: fmt.Errorf("%d 字节，上限 %d 字节", n, MaxFileSize)}
}

// plainPathError drops the operation and path a *fs.PathError repeats (the
// Error already names the file), keeping the reason the system gave.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
