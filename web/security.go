package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// ErrTokenRequired means a non-loopback address was asked for without a token.
var ErrTokenRequired = errors.New("监听非本机地址须用 --token 设置访问令牌 (a non-loopback address requires --token)")

// CheckAddr says whether the server may listen on addr (host:port): a
// loopback address always, any other (all interfaces included) only with a
// token.
func CheckAddr(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("监听地址 %q: %w", addr, err)
	}
	if token == "" && !isLoopbackHost(host) {
		return fmt.Errorf("%s: %w", addr, ErrTokenRequired)
	}
	return nil
}

// isLoopbackHost: "localhost", 127.0.0.0/8 or ::1. An empty host (all
// interfaces) and any other name are not.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	return ip != nil && ip.IsLoopback()
}

// contentSecurityPolicy allows only the page's own scripts, styles and
// requests: no inline script, no framing, no plugins.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// secureHeaders sets the headers every response carries.
func secureHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// cleanRequestPath refuses a path that is not the clean form of itself:
// dot segments (also %2e-encoded: the path is decoded before this check),
// encoded slashes, backslashes, NULs, doubled slashes. The router never
// sees them, so none can be redirected to or resolved anywhere.
func cleanRequestPath(r *http.Request) bool {
	p := r.URL.Path
	if p == "" || p[0] != '/' || strings.ContainsAny(p, "\\\x00") || strings.Contains(p, "//") {
		return false
	}
	if strings.Contains(strings.ToLower(r.URL.RawPath), "%2f") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// reportIDPattern is a report id or a prefix of one: hex digits only.
var reportIDPattern = regexp.MustCompile(`^[0-9a-f]{4,64}(-[1-9][0-9]{0,3})?$`) // the k-th report of a file: id-k

// validReportID reports whether s can be a report id (or an id prefix).
func validReportID(s string) bool { return reportIDPattern.MatchString(s) }

// tokenCookie is the cookie that carries the token after /?token=T.
const tokenCookie = "jixiao_token"

// tokenGuard checks the access token when one is set: the one of
// --token, or one per reviewer (Options.Reviewers), each naming who carries it.
type tokenGuard struct {
	tokens []guardToken
}

type guardToken struct {
	sum  [32]byte // SHA-256 of the token: compared in constant time whatever the length
	name string   // the reviewer it belongs to; "" for the shared token
}

func newTokenGuard(token string, reviewers []Reviewer) *tokenGuard {
	g := &tokenGuard{}
	if token != "" {
		g.tokens = append(g.tokens, guardToken{sum: sha256.Sum256([]byte(token))})
	}
	for _, r := range reviewers {
		g.tokens = append(g.tokens, guardToken{sum: sha256.Sum256([]byte(r.Token)), name: r.Name})
	}
	if len(g.tokens) == 0 {
		return nil
	}
	return g
}

// matches says whether s is one of the tokens, and whose. Every token is
// compared, so that the time taken does not say which matched.
func (g *tokenGuard) matches(s string) (name string, ok bool) {
	if s == "" {
		return "", false
	}
	sum := sha256.Sum256([]byte(s))
	for _, t := range g.tokens {
		if subtle.ConstantTimeCompare(sum[:], t.sum[:]) == 1 {
			name, ok = t.name, true
		}
	}
	return name, ok
}

// fromRequest says whether r carries a token as a bearer header or in the
// cookie, and whose.
func (g *tokenGuard) fromRequest(r *http.Request) (string, bool) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, ok := strings.Cut(auth, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return "", false
		}
		return g.matches(strings.TrimSpace(tok))
	}
	c, err := r.Cookie(tokenCookie)
	if err != nil {
		return "", false
	}
	return g.matches(c.Value)
}

// loopbackHost reports whether the Host header names this machine. Without a
// token the server answers only such requests: a page elsewhere that
// rebinds its own name to 127.0.0.1 cannot read the corpus.
func loopbackHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return isLoopbackHost(host)
}

// jsonBody reports whether a request that changes something says it sends
// JSON. An HTML form cannot send that content type to another site, so
// together with the cross-origin check this stops cross-site requests.
func jsonBody(r *http.Request) bool { return bodyOfType(r, "application/json") }

// bodyOfType reports whether r says its body is of the media type mt.
func bodyOfType(r *http.Request, mt string) bool {
	got, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && got == mt
}

// withoutToken is u without its token parameter: where /?token=T redirects.
func withoutToken(u *url.URL) string {
	q := u.Query()
	q.Del("token")
	out := url.URL{Path: u.Path, RawQuery: q.Encode()}
	return out.String()
}
