package pdf

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

// Encrypted files are decrypted by pdfcpu (RC4 40/128, AES-128, AES-256; an
// owner password alone opens with the empty user password), which writes a
// plain file our parser then reads. pdfcpu also rewrites files whose
// structure our own repair could not mend. We call pdfcpu's core packages,
// not its api package: that one pulls in a dependency whose start-up costs
// every child process 50 ms.

var pdfcpuOnce sync.Once

func pdfcpuConfig(password string, cmd model.CommandMode) *model.Configuration {
	pdfcpuOnce.Do(func() { model.ConfigPath = "disable" }) // no config files in the user's home
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW = password
	conf.OwnerPW = password
	conf.Cmd = cmd
	return conf
}

var encryptEntry = regexp.MustCompile(`/Encrypt\s*(?:\d+\s+\d+\s+R|<<)`)

// looksEncrypted tells whether a trailer (or cross-reference stream) names
// an encryption dictionary.
func looksEncrypted(data []byte) bool {
	return encryptEntry.Match(data[max(0, len(data)-(1<<20)):]) || encryptEntry.Match(data[:min(len(data), 1<<16)])
}

// runPDFCPU reads data with pdfcpu and writes it anew: decrypted for
// DECRYPT, with a fresh structure for OPTIMIZE.
func runPDFCPU(ctx context.Context, data []byte, password string, cmd model.CommandMode) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			out, err = nil, fmt.Errorf("pdfcpu: %v", x)
		}
	}()
	pc, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), pdfcpuConfig(password, cmd))
	if err != nil {
		return nil, err
	}
	if err := validate.XRefTable(pc); err != nil {
		return nil, err
	}
	if cmd == model.OPTIMIZE {
		if err := pdfcpu.OptimizeXRefTable(pc); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	pc.Write.Writer = w
	if err := pdfcpu.WriteContext(pc); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decrypt returns the decrypted file.
func decrypt(data []byte, password string) ([]byte, error) {
	out, err := runPDFCPU(context.Background(), data, password, model.DECRYPT)
	if err != nil {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "not encrypted"):
			return data, nil
		case strings.Contains(msg, "password"):
			if password == "" {
				return nil, ErrPasswordRequired
			}
			return nil, ErrWrongPassword
		}
		return nil, fmt.Errorf("%w: 解密失败 (decryption failed): %s", ErrDamaged, cleanDetail(msg))
	}
	return out, nil
}

// rewrite lets pdfcpu read the file leniently and write it anew.
func rewrite(ctx context.Context, data []byte, password string) ([]byte, error) {
	return runPDFCPU(ctx, data, password, model.OPTIMIZE)
}
