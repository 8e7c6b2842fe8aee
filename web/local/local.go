// Package local connects the command line to a running `jixiao serve`
// through the Unix socket in the corpus directory (web.SocketName): serve
// listens on it, and the commands that need the index serve holds (search,
// the indexing after an ingest) ask the server.
package local

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/web"
)

// ErrNoServer means no `jixiao serve` answers on the corpus's socket.
var ErrNoServer = errors.New("没有正在运行的 jixiao serve (no server on this corpus)")

// ErrServing means another `jixiao serve` already serves the corpus.
var ErrServing = errors.New("另一个 jixiao serve 正在提供此语料库 (another serve runs on this corpus)")

// maxSocketPath is the longest path a Unix socket may have (sun_path, less
// its terminating NUL, on the smallest of the systems: 104 bytes).
const maxSocketPath = 103

// ListenSocket listens on the socket of the corpus in dir. A socket left by
// a server that died is replaced; one a live server answers is ErrServing.
func ListenSocket(dir string) (net.Listener, error) {
	path := filepath.Join(dir, web.SocketName)
	if len(path) > maxSocketPath {
		return nil, fmt.Errorf("套接字路径过长 (socket path too long, %d bytes): %s", len(path), path)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return nil, fmt.Errorf("%w: %s", ErrServing, dir)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("套接字 %s: %w", path, err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("套接字 %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("套接字 %s: %w", path, err)
	}
	return ln, nil
}

// Client talks to the `jixiao serve` of a corpus through its socket.
type Client struct {
	http *http.Client
}

// Dial finds the server of the corpus in dir: ErrNoServer when there is
// no socket or nothing answers on it (a server killed without cleaning up).
func Dial(dir string) (*Client, error) {
	path := filepath.Join(dir, web.SocketName)
	c, err := net.DialTimeout("unix", path, time.Second)
	if err != nil {
		return nil, ErrNoServer
	}
	c.Close()
	tr := &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", path)
	}}
	return &Client{http: &http.Client{Transport: tr}}, nil
}

// Close drops the client's idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// Search runs q on the server's index (what GET /api/search answers).
func (c *Client) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("q", q.Text)
	if q.Year != 0 {
		v.Set("year", strconv.Itoa(q.Year))
	}
	if q.UnitExact {
		set("unit", "="+q.Unit)
	} else {
		set("unit", q.Unit)
	}
	set("rule", q.Rule)
	set("doc_type", q.DocType)
	if q.MinBudget != nil {
		v.Set("min_budget", q.MinBudget.String())
	}
	if q.MaxBudget != nil {
		v.Set("max_budget", q.MaxBudget.String())
	}
	if q.Size > 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	if q.From > 0 {
		v.Set("from", strconv.Itoa(q.From))
	}
	if q.Marks == index.Brackets {
		v.Set("marks", "brackets")
	}
	if q.FragmentRunes > 0 {
		v.Set("fragment_runes", strconv.Itoa(q.FragmentRunes))
	}
	var res index.Result
	if err := c.do(ctx, http.MethodGet, "/api/search?"+v.Encode(), nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// IndexPending has the server index what this process stored.
func (c *Client) IndexPending(ctx context.Context) (int, error) {
	var out struct {
		Indexed int `json:"indexed"`
	}
	err := c.do(ctx, http.MethodPost, "/api/index/pending", struct{}{}, &out)
	return out.Indexed, err
}

func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://localhost"+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("jixiao serve: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("jixiao serve: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(b, &e) == nil && e.Error != "" {
			if resp.StatusCode == http.StatusBadRequest {
				return &BadRequest{e.Error}
			}
			return fmt.Errorf("jixiao serve: %s", e.Error)
		}
		return fmt.Errorf("jixiao serve: %s", resp.Status)
	}
	return json.Unmarshal(b, out)
}

// BadRequest is the server refusing what was asked (400): a usage error of
// the command that asked.
type BadRequest struct{ Msg string }

func (e *BadRequest) Error() string { return e.Msg }

// IsBadRequest reports whether err is a BadRequest.
func IsBadRequest(err error) bool {
	var br *BadRequest
	return errors.As(err, &br)
}
