package pdf

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"github.com/jixiao/jixiao/ingest/memwatch"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"
)

// Isolation: any binary that links this package can parse a PDF in a child
// process of itself. The parent runs os.Executable() with childEnv set; this
// package's init sees it, reads a request on stdin, writes the response on
// stdout and exits before the program's own main ever runs.

const childEnv = "JIXIAO_PDF_CHILD"

// Exit codes of the child.
const (
	exitMemory   = 3
	exitDeadline = 4
	exitOrphaned = 5
)

type childRequest struct {
	Data        []byte
	Password    string
	NoOCR       bool
	Image       bool // Data is an image file to OCR, not a PDF
	MemoryLimit int64
	Timeout     time.Duration
}

type childResponse struct {
	Pages    []string
	Warnings []string
	OCR      []PageOCR
	Boxes    []Boxes
	Geometry []Geometry
	Kind     string // which Err* the error wraps
	Message  string
}

func init() {
	if os.Getenv(childEnv) == "1" {
		os.Exit(runChild(os.Stdin, os.Stdout))
	}
}

var errorKinds = []struct {
	kind string
	err  error
}{
	{"ocr", ErrNeedsOCR}, {"undecodable", ErrUndecodable}, {"notpdf", ErrNotPDF}, {"damaged", ErrDamaged}, {"password", ErrPasswordRequired},
	{"wrongpassword", ErrWrongPassword}, {"timeout", ErrTimeout}, {"memory", ErrMemoryLimit}, {"crashed", ErrCrashed}, {"ocrfailed", ErrOCRFailed},
}

// runChild serves one request; it is the child's whole life.
func runChild(in io.Reader, out io.Writer) int {
	var req childRequest
	if err := gob.NewDecoder(in).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "jixiao pdf child: bad request:", err)
		return 2
	}
	if req.MemoryLimit > 0 {
		// The soft limit makes the GC work harder near the limit; the
		// watchdog ends the process past it.
		debug.SetMemoryLimit(req.MemoryLimit * 3 / 4)
		go watchMemory(req.MemoryLimit)
	}
	go watchParent(os.Getppid())
	// A file whose objects refer to themselves recurses until the stack
	// limit; a small one ends it soon, and as a stack overflow, which the
	// parent names, rather than as the memory limit.
	debug.SetMaxStack(128 << 20)
	if req.Timeout > 0 {
		// The parent kills us at the deadline; this is a second line.
		time.AfterFunc(req.Timeout+5*time.Second, func() { os.Exit(exitDeadline) })
	}
	ctx := context.Background()
	if req.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, req.Timeout)
		defer cancel()
	}
	read := extractInProcess
	if req.Image {
		read = ocrImageInProcess
	}
	res, err := read(ctx, req.Data, Options{Password: req.Password, NoOCR: req.NoOCR, MemoryLimit: req.MemoryLimit})
	resp := childResponse{Pages: res.Pages, Warnings: res.Warnings, OCR: res.OCR, Boxes: res.Boxes, Geometry: res.Geometry}
	if err != nil {
		resp.Message = err.Error()
		for _, k := range errorKinds {
			if errors.Is(err, k.err) {
				resp.Kind = k.kind
				break
			}
		}
	}
	if err := gob.NewEncoder(out).Encode(&resp); err != nil {
		return 2
	}
	return 0
}

// watchMemory ends the child when its memory passes the limit.
func watchMemory(limit int64) {
	for {
		if rss := memwatch.SelfRSS(); rss > limit {
			fmt.Fprintf(os.Stderr, "jixiao pdf child: memory %d > limit %d\n", rss, limit)
			os.Exit(exitMemory)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// watchParent ends an orphaned child (the parent died without killing it).
func watchParent(ppid int) {
	for {
		time.Sleep(200 * time.Millisecond)
		if os.Getppid() != ppid {
			os.Exit(exitOrphaned)
		}
	}
}

// extractIsolated runs the extraction in a child process.
func extractIsolated(ctx context.Context, data []byte, opt Options) (Result, error) {
	// What is plainly not a PDF needs no child.
	if err := sniff(data); err != nil {
		return Result{}, err
	}
	return runIsolated(ctx, childRequest{Data: data, Password: opt.Password, NoOCR: opt.NoOCR,
		MemoryLimit: opt.MemoryLimit, Timeout: opt.Timeout}, opt)
}

// runIsolated serves one request in a child process.
func runIsolated(ctx context.Context, req childRequest, opt Options) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	exe, err := os.Executable()
	if err != nil {
		return Result{}, fmt.Errorf("%w: 找不到可执行文件 (no executable): %v", ErrCrashed, err)
	}
	tctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	// The request is streamed to the child (no second copy of the file).
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(gob.NewEncoder(pw).Encode(req))
	}()
	defer pr.Close()
	cmd.Stdin = pr
	var stdout bytes.Buffer
	stderr := &tailBuffer{max: 4096}
	cmd.Stdout = &stdout
	cmd.Stderr = stderr
	cmd.WaitDelay = 2 * time.Second
	configureChild(cmd)
	if err := cmd.Start(); err != nil {
		return Result{}, fmt.Errorf("%w: 无法启动解析进程 (cannot start child): %v", ErrCrashed, err)
	}
	// The parent watches the child's memory too (a second line, and the
	// only one for memory the Go runtime of the child does not see).
	stopWatch := memwatch.Watch(cmd.Process, opt.MemoryLimit+opt.MemoryLimit/4)
	err = cmd.Wait()
	overLimit := stopWatch()
	if err != nil {
		// The child did not finish: say why.
		var ee *exec.ExitError
		switch {
		case ctx.Err() != nil:
			return Result{}, ctx.Err()
		case errors.Is(tctx.Err(), context.DeadlineExceeded):
			return Result{}, fmt.Errorf("%w: 超过 %s (exceeded %s)", ErrTimeout, opt.Timeout, opt.Timeout)
		case overLimit:
			return Result{}, fmt.Errorf("%w: 超过 %d MiB", ErrMemoryLimit, opt.MemoryLimit>>20)
		case errors.As(err, &ee) && ee.ExitCode() == exitMemory:
			return Result{}, fmt.Errorf("%w: 超过 %d MiB", ErrMemoryLimit, opt.MemoryLimit>>20)
		case errors.As(err, &ee) && ee.ExitCode() == exitDeadline:
			return Result{}, fmt.Errorf("%w: 超过 %s", ErrTimeout, opt.Timeout)
		}
		return Result{}, fmt.Errorf("%w: %v: %s", ErrCrashed, err, stderr.lastLine())
	}
	var resp childResponse
	if err := gob.NewDecoder(&stdout).Decode(&resp); err != nil {
		return Result{}, fmt.Errorf("%w: 子进程输出无法读取 (bad child output): %v", ErrCrashed, err)
	}
	res := Result{Pages: resp.Pages, Warnings: resp.Warnings, OCR: resp.OCR, Boxes: resp.Boxes, Geometry: resp.Geometry}
	if resp.Message == "" {
		return res, nil
	}
	for _, k := range errorKinds {
		if k.kind == resp.Kind {
			detail := strings.TrimPrefix(strings.TrimPrefix(resp.Message, k.err.Error()), ": ")
			if detail == "" {
				return res, k.err
			}
			return res, fmt.Errorf("%w: %s", k.err, detail)
		}
	}
	return res, errors.New(resp.Message)
}

// tailBuffer keeps the first and the last bytes written to it: a Go crash
// report names its cause at the top ("fatal error: stack overflow") and can
// run to tens of kilobytes of stack after it.
type tailBuffer struct {
	max  int
	head []byte
	b    []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	if room := t.max/4 - len(t.head); room > 0 {
		t.head = append(t.head, p[:min(room, len(p))]...)
	}
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

// lastLine says what a crash report means: a cause a reader can act on for
// the crashes a hostile or broken file provokes, else the panic or fatal
// error message, else the last line; never a Go source file name.
func (t *tailBuffer) lastLine() string {
	text := string(t.head) + "\n" + string(t.b)
	switch {
	case strings.Contains(text, "stack overflow") || strings.Contains(text, "goroutine stack exceeds"):
		return "递归过深：文件中的对象引用了自身 (recursion too deep: an object of the file refers to itself)"
	case strings.Contains(text, "out of memory"):
		return "内存不足 (out of memory)"
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") {
			return l
		}
	}
	if strings.Contains(text, "goroutine ") && strings.Contains(text, ".go:") {
		return "解析进程异常退出 (parser crashed)" // a bare stack trace: nothing a reader can use
	}
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return l
	}
	return "解析进程异常退出 (parser crashed)"
}
