package gojieba

// Patched (PATCHES.md): a Jieba read from a prebuilt dictionary image
// instead of parsing the five text files, so that a process segments within
// milliseconds of starting.

/*
#include <stdlib.h>
#include "jieba.h"
*/
import "C"
import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"runtime"
	"unsafe"
)

// imageHeaderSize and imageChecksumAt follow ImageHeader in Image.hpp: the
// checksum (CRC-32C of every byte after the header) is kept at byte 24.
const (
	imageHeaderSize = 64
	imageChecksumAt = 24
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Image gives the dictionaries of a Jieba made by NewJieba as an image, with
// its checksum, for NewJiebaFromImage to read (on a machine of the same
// kind: the image is in the machine's byte order).
func (x *Jieba) Image() ([]byte, error) {
	var size C.size_t
	p := C.JiebaImage(x.jieba, &size)
	if p == nil {
		return nil, errors.New("gojieba: no image of a Jieba read from an image")
	}
	defer C.free(unsafe.Pointer(p))
	b := C.GoBytes(unsafe.Pointer(p), C.int(size))
	if len(b) < imageHeaderSize {
		return nil, errors.New("gojieba: image too short")
	}
	binary.NativeEndian.PutUint32(b[imageChecksumAt:], crc32.Checksum(b[imageHeaderSize:], castagnoli))
	runtime.KeepAlive(x)
	return b, nil
}

// NewJiebaFromImage reads a Jieba from an image made by Image, checking its
// checksum and its structure (every index in range) so that a damaged image
// is refused, never read out of bounds. The Jieba uses the bytes where they
// lie: image must not be Go-managed memory (a read-only mapping of a file,
// or C memory), must be 8-byte aligned, and must stay mapped and unchanged
// for the life of the Jieba.
func NewJiebaFromImage(image []byte) (*Jieba, error) {
	if len(image) < imageHeaderSize {
		return nil, errors.New("gojieba: image too short")
	}
	if want, got := binary.NativeEndian.Uint32(image[imageChecksumAt:]), crc32.Checksum(image[imageHeaderSize:], castagnoli); want != got {
		return nil, fmt.Errorf("gojieba: image checksum %08x, want %08x: damaged", got, want)
	}
	var cerr *C.char
	j := C.NewJiebaFromImage((*C.char)(unsafe.Pointer(&image[0])), C.size_t(len(image)), &cerr)
	if j == nil {
		msg := "unknown"
		if cerr != nil {
			msg = C.GoString(cerr)
			C.free(unsafe.Pointer(cerr))
		}
		return nil, fmt.Errorf("gojieba: %s", msg)
	}
	jieba := &Jieba{jieba: j}
	runtime.SetFinalizer(jieba, (*Jieba).Free)
	return jieba, nil
}
