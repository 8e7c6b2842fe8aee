//go:build unix

package segment

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/yanyiwu/gojieba"
)

// FuzzImage changes bytes of a real dictionary image, mends its checksum so
// that the structural checks are what stands in the way, and reads it: the
// reader must refuse it or give a segmenter that cuts text without crashing.
// A seed is where to change (a fraction of the image, so that seeds reach
// the header, the section table and each section) and the byte to xor.
func FuzzImage(f *testing.F) {
	if _, err := loadJieba(cacheBase()); err != nil {
		f.Fatal(err)
	}
	dir, err := imageDir(cacheBase())
	if err != nil {
		f.Fatal(err)
	}
	img, err := os.ReadFile(filepath.Join(dir, "dict.img"))
	if err != nil {
		f.Fatal(err)
	}
	mem, err := syscall.Mmap(-1, 0, len(img), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		f.Fatal(err)
	}
	defer syscall.Munmap(mem)
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	f.Fuzz(func(t *testing.T, at uint32, span uint16, xor byte) {
		copy(mem, img)
		pos := int(uint64(at) * uint64(len(img)) >> 32)
		end := min(len(mem), pos+1+int(span%64))
		for i := pos; i < end; i++ {
			mem[i] ^= xor
		}
		if end <= 24 || pos >= 28 { // a change of the checksum itself is left to be refused
			binary.NativeEndian.PutUint32(mem[24:], crc32.Checksum(mem[64:], castagnoli))
		}
		j, err := gojieba.NewJiebaFromImage(mem)
		if err != nil {
			t.Logf("refused: %v", err)
			return
		}
		defer j.Free()
		for _, s := range []string{"南屯镇2023年省级驻村工作队经费已全部拨付。", "ABC 123 防火巡逻无人机"} {
			j.Tokenize(s, gojieba.SearchMode, true)
			j.Tokenize(s, gojieba.DefaultMode, true)
			j.ExtractWithWeight(s, 5)
		}
	})
}
