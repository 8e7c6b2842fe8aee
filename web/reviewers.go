package web

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reviewer is one reviewer of a served corpus and the token that names them.
type Reviewer struct {
	Name  string
	Token string
}

// maxReviewerRunes bounds a reviewer's name.
const maxReviewerRunes = 40

// minReviewerToken is the shortest token a reviewers file may give.
const minReviewerToken = 16

// ReadReviewers reads a reviewers file: one reviewer a line, the name and
// the token separated by white space (the name may not hold any; the
// token is the last field), blank lines and lines starting with # left out.
// Names and tokens must be unique, tokens at least 16 characters.
func ReadReviewers(r io.Reader) ([]Reviewer, error) {
	var out []Reviewer
	names, tokens := map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("审核人文件第 %d 行不是有效的文字 (invalid UTF-8)", n)
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("审核人文件第 %d 行须为“姓名 令牌” (want: NAME TOKEN)", n)
		}
		name, tok := f[0], f[1]
		if err := checkReviewerName(name); err != nil {
			return nil, fmt.Errorf("审核人文件第 %d 行: %w", n, err)
		}
		if len(tok) < minReviewerToken {
			return nil, fmt.Errorf("审核人文件第 %d 行：令牌过短（至少 %d 个字符）(token too short)", n, minReviewerToken)
		}
		if names[name] || tokens[tok] {
			return nil, fmt.Errorf("审核人文件第 %d 行：姓名或令牌重复 (duplicate name or token)", n)
		}
		names[name], tokens[tok] = true, true
		out = append(out, Reviewer{Name: name, Token: tok})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("审核人文件: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("审核人文件中没有审核人 (no reviewers)")
	}
	return out, nil
}

// checkReviewerName: 1 to 40 characters, printable, no spaces at the ends.
func checkReviewerName(name string) error {
	if name == "" || strings.TrimSpace(name) != name || !utf8.ValidString(name) {
		return badf("审核人姓名无效 (invalid name)")
	}
	if utf8.RuneCountInString(name) > maxReviewerRunes {
		return badf("审核人姓名过长（至多 %d 字）(too long)", maxReviewerRunes)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return badf("审核人姓名含不可见字符 (invalid character)")
		}
	}
	return nil
}

// reviewerKey carries the reviewer a token names in a request's context.
type reviewerKey struct{}

// reviewerCookie keeps the name a reviewer gave on a server without
// reviewer tokens.
const reviewerCookie = "jixiao_reviewer"

// reviewer is who makes the decisions of r: the reviewer its token names
// (fixed: it cannot be changed from the page), else the name kept in the
// cookie, else "".
func reviewer(r *http.Request) (name string, fixed bool) {
	if n, ok := r.Context().Value(reviewerKey{}).(string); ok && n != "" {
		return n, true
	}
	if c, err := r.Cookie(reviewerCookie); err == nil {
		if n, err := url.QueryUnescape(c.Value); err == nil && checkReviewerName(n) == nil {
			return n, false
		}
	}
	return "", false
}

// reviewerRequest is the body of POST /api/reviewer.
type reviewerRequest struct {
	Name string `json:"name"`
}

// apiReviewer: POST /api/reviewer {"name"} keeps the reviewer's name in a
// cookie (asked once on the page); refused when the token names the
// reviewer.
func (s *Server) apiReviewer(w http.ResponseWriter, r *http.Request) {
	if _, fixed := reviewer(r); fixed {
		writeError(w, http.StatusConflict, "审核人由访问令牌确定，不能更改 (the token names the reviewer)")
		return
	}
	var req reviewerRequest
	if err := readJSON(w, r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	req.Name = strings.TrimSpace(req.Name)
	if err := checkReviewerName(req.Name); err != nil {
		s.apiFail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: reviewerCookie, Value: url.QueryEscape(req.Name), Path: "/",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	writeJSON(w, http.StatusOK, map[string]string{"name": req.Name})
}
