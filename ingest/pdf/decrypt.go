package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Encrypted files are decrypted by pdfcpu (RC4 40/128, AES-128, AES-256; an
// owner password alone opens with the empty user password), which writes a
// plain file our parser then reads. pdfcpu also rewrites files whose
// structure our own repair could not mend.

var pdfcpuOnce sync.Once

func pdfcpuConfig(password string) *model.Configuration {
	pdfcpuOnce.Do(api.DisableConfigDir) // no config files in the user's home
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW = password
	conf.OwnerPW = password
	return conf
}

var encryptEntry = regexp.MustCompile(`/Encrypt\s*(?:\d+\s+\d+\s+R|<<)`)

// looksEncrypted tells whether a trailer (or cross-reference stream) names
// an encryption dictionary.
func looksEncrypted(data []byte) bool {
	return encryptEntry.Match(data[max(0, len(data)-(1<<20)):]) || encryptEntry.Match(data[:min(len(data), 1<<16)])
}

// decrypt returns the decrypted file.
func decrypt(data []byte, password string) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			out, err = nil, fmt.Errorf("%w: 解密失败 (decryption failed): %v", ErrDamaged, x)
		}
	}()
	var buf bytes.Buffer
	err = api.Decrypt(bytes.NewReader(data), &buf, pdfcpuConfig(password))
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
		return nil, fmt.Errorf("%w: 解密失败 (decryption failed): %v", ErrDamaged, err)
	}
	return buf.Bytes(), nil
}

// rewrite lets pdfcpu read the file leniently and write it anew.
func rewrite(data []byte, password string) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			notePanic(x)
			out, err = nil, fmt.Errorf("pdfcpu: %v", x)
		}
	}()
	var buf bytes.Buffer
	if err := api.Optimize(bytes.NewReader(data), &buf, pdfcpuConfig(password)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
