package html

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id values of article containers in Chinese government CMSs
// (TRS WCM, 大汉/Hanweb, 开普云/UCAP, 国泰新点/Epoint …). Strong names are
// taken as the article when they hold text; weak ones only when they also
// hold most of the page's text.
var (
	strongNames = set("trs_editor", "trs_ueditor", "custom_unionstyle", "ucap-content", "ucapcontent", "zoom",
		"fontzoom", "zoomcon", "article-content", "article_content", "articlecontent", "article-body", "artibody",
		"art_con", "artcon", "news_content", "newscontent", "news-content", "content_text", "contenttext",
		"xxgk_content", "detail-content", "detail_content", "contxt", "con_txt", "wzcon", "wz_con", "wz_content",
		"pages_content", "main-txt", "info_content", "infocontent", "txt_content", "view_content",
		"ewb-article-info", "bt_content", "wordsection1")
	weakNames = set("content", "contents", "article", "con", "cont", "detail", "details", "view", "text", "zw",
		"main", "mainbody", "main-content", "main_content", "news", "info", "body")
	// Tokens (class or id split at - and _) of boilerplate blocks.
	boilerTokens = set("nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "crumb",
		"crumbs", "position", "location", "dqwz", "share", "bdshare", "bshare", "jiathis", "fenxiang", "related",
		"relate", "xgwz", "xglj", "sidebar", "side", "copyright", "footer", "foot", "bottom", "header", "head",
		"top", "topbar", "banner", "logo", "search", "login", "toolbar", "tools", "print", "comment", "comments",
		"pager", "pagination", "prevnext", "friendlink", "links", "qrcode", "ewm", "skip")
	titleTokens = set("title", "tit", "bt", "biaoti", "article-title", "article_title", "news_title",
		"newstitle", "detail-title", "detail_title", "con-title", "con_title", "wztit")
)

func set(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, v := range s {
		m[v] = true
	}
	return m
}

// Elements never shown as text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Head: true,
	atom.Title: true, atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Map: true, atom.Audio: true, atom.Video: true, atom.Dialog: true, atom.Option: true,
}

// Page furniture by element: dropped unless it holds most of the page's
// text (ASP.NET pages wrap the whole body in a <form>) or is inside an article.
var furniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
}

type stats struct {
	text, link   int // runes of visible non-space text, and of it inside links
	removed      bool
	strong       bool // has an article container's name
	strongInside bool // a descendant has one
	hasH1        bool
	own          int // a text node's visible runes
	order        int // document order
}

// page is a parsed page with per-element text statistics.
type page struct {
	root  *html.Node
	st    map[*html.Node]*stats
	deep  bool
	total int
	n     int
	notes []string // warnings of the rendering, each once
}

// warn records a warning of the rendering once.
func (p *page) warn(w string) {
	if !slices.Contains(p.notes, w) {
		p.notes = append(p.notes, w)
	}
}

func newPage(root *html.Node) *page {
	p := &page{root: root, st: map[*html.Node]*stats{}}
	p.mark(root, 0)
	p.measure(root, 0, false)
	p.total = p.st[root].text
	p.dropFurniture(root, 0, false)
	p.measure(root, 0, false)
	p.total = p.st[root].text
	return p
}

func (p *page) s(n *html.Node) *stats {
	s := p.st[n]
	if s == nil {
		s = &stats{}
		p.st[n] = s
	}
	return s
}

// mark records document order and drops what is never text: scripts,
// styles, form controls, hidden elements, and nesting beyond MaxDepth.
func (p *page) mark(n *html.Node, depth int) {
	s := p.s(n)
	p.n++
	s.order = p.n
	if depth > MaxDepth {
		p.deep = true
		s.removed = true
		return
	}
	if n.Type == html.TextNode {
		s.own = visibleRunes(n.Data)
	}
	if n.Type == html.ElementNode {
		if dropped[n.DataAtom] || isHidden(n) {
			s.removed = true
			return
		}
		s.strong = hasName(n, strongNames)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.mark(c, depth+1)
	}
}

// measure counts visible text per element.
func (p *page) measure(n *html.Node, depth int, inLink bool) (text, link int, h1, strong bool) {
	s := p.s(n)
	if s.removed || depth > MaxDepth {
		s.text, s.link = 0, 0
		return 0, 0, false, false
	}
	switch n.Type {
	case html.TextNode:
		k := s.own
		if inLink {
			return k, k, false, false
		}
		return k, 0, false, false
	case html.ElementNode:
		if n.DataAtom == atom.A {
			inLink = true
		}
		if n.DataAtom == atom.H1 {
			h1 = true
		}
	}
	inside := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t, l, h, st := p.measure(c, depth+1, inLink)
		text += t
		link += l
		h1 = h1 || h
		inside = inside || st
	}
	s.text, s.link, s.hasH1, s.strongInside = text, link, h1, inside
	return text, link, h1, inside || s.strong
}

// dropFurniture removes navigation, headers, footers, sidebars, share bars
// and the like, by element or by class/id — never a block that holds half
// the page's text or an article container. Inside an article only link
// lists (share bars, related links) go.
func (p *page) dropFurniture(n *html.Node, depth int, inArticle bool) {
	s := p.s(n)
	if s.removed || depth > MaxDepth {
		return
	}
	if n.Type == html.ElementNode {
		small := s.text*2 < p.total && !s.strongInside
		switch {
		case !small:
		case !inArticle && (furniture[n.DataAtom] || isBoilerplate(n) && !s.hasH1):
			s.removed = true
			return
		case inArticle && (n.DataAtom == atom.Nav || n.DataAtom == atom.Aside || isBoilerplate(n)) && s.link*2 >= s.text:
			s.removed = true
			return
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main || s.strong {
			inArticle = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.dropFurniture(c, depth+1, inArticle)
	}
}

// walk visits n and its non-removed descendants in document order while f
// returns true for the node just visited.
func (p *page) walk(n *html.Node, depth int, f func(*html.Node) bool) {
	if depth > MaxDepth || p.s(n).removed {
		return
	}
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, depth+1, f)
	}
}

// containers finds the article: the outermost elements with strong names
// (several when the body is split), else the deepest element with a weak
// name holding most of the text, else the element reached by descending
// from <body> into the child that holds most of the text.
func (p *page) containers() ([]*html.Node, string) {
	var strong []*html.Node
	p.walk(p.root, 0, func(n *html.Node) bool {
		s := p.s(n)
		if n.Type == html.ElementNode && s.strong && s.text > 0 {
			strong = append(strong, n)
			return false // outermost only
		}
		return true
	})
	if len(strong) > 0 {
		most := 0
		for _, n := range strong {
			most = max(most, p.s(n).text)
		}
		var keep []*html.Node
		for _, n := range strong {
			if p.s(n).text*10 >= most {
				keep = append(keep, n)
			}
		}
		return keep, "named"
	}
	var best *html.Node
	p.walk(p.root, 0, func(n *html.Node) bool {
		s := p.s(n)
		switch {
		case n.Type == html.DocumentNode:
			return true
		case n.Type != html.ElementNode || s.text*2 < p.total:
			return false
		}
		if (hasName(n, weakNames) || n.DataAtom == atom.Article || n.DataAtom == atom.Main) && s.link*10 < s.text*3 {
			best = n // deeper matches come later and win
		}
		return true
	})
	if best != nil {
		return []*html.Node{best}, "named"
	}
	n := p.body()
	for {
		var top *html.Node
		for _, c := range p.kids(n) {
			if top == nil || p.weight(c) > p.weight(top) {
				top = c
			}
		}
		if top == nil || p.weight(top)*10 < p.weight(n)*7 {
			return []*html.Node{n}, "density"
		}
		if top.DataAtom == atom.Table && !p.isLayout(p.rows(top)) {
			return []*html.Node{n}, "density" // a data table is part of the article, not its container
		}
		n = top
	}
}

// kids are the blocks the article search descends into: element children,
// and for a table its cells.
func (p *page) kids(n *html.Node) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && n.DataAtom == atom.Table {
		for _, tr := range p.rows(n) {
			out = append(out, p.cells(tr)...)
		}
		return out
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !p.s(c).removed {
			out = append(out, c)
		}
	}
	return out
}

// weight is text with link text counted a quarter.
func (p *page) weight(n *html.Node) int { s := p.s(n); return 4*s.text - 3*s.link }

func (p *page) body() *html.Node {
	var body *html.Node
	p.walk(p.root, 0, func(n *html.Node) bool {
		if body != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
		return body == nil
	})
	if body == nil {
		return p.root
	}
	return body
}

// title finds the heading just above the article: the last h1, h2 or
// title-classed element before it, with little text in between.
func (p *page) title(first *html.Node) *html.Node {
	start := p.s(first).order
	var cand *html.Node
	between := 0
	p.walk(p.root, 0, func(n *html.Node) bool {
		s := p.s(n)
		if s.order >= start {
			return false
		}
		if n.Type == html.TextNode {
			if cand != nil && !isAncestor(cand, n) {
				between += visibleRunes(n.Data)
			}
			return true
		}
		if n.Type != html.ElementNode {
			return true
		}
		if isAncestor(n, first) {
			return true
		}
		isTitle := n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || hasName(n, titleTokens)
		if isTitle && s.text >= 4 && s.text <= 120 && s.link == 0 {
			cand, between = n, 0
			return false
		}
		return true
	})
	if cand == nil || between > 200 {
		return nil
	}
	return cand
}

func isAncestor(a, n *html.Node) bool {
	for c := n.Parent; c != nil; c = c.Parent {
		if c == a {
			return true
		}
	}
	return false
}

// article renders the article (with the title above it when the article
// does not repeat it) as text.
func (p *page) article() (string, []string, error) {
	nodes, how := p.containers()
	var warnings []string
	r := newRenderer(p)
	for _, n := range nodes {
		r.block(n)
	}
	if r.err != nil {
		return "", nil, r.err
	}
	text := r.String()
	if len(nodes) > 0 {
		if t := p.title(nodes[0]); t != nil {
			tr := newRenderer(p)
			tr.block(t)
			title := strings.TrimSpace(tr.String())
			if title != "" && !strings.Contains(squeeze(text), squeeze(title)) {
				text = title + "\n\n" + text
			}
		}
	}
	if how == "density" && len(nodes) > 0 {
		if s := p.s(nodes[0]); s.text > 0 && s.link*2 > s.text {
			warnings = append(warnings, "页面多为链接，可能不是文章页 (mostly links)")
		}
	}
	warnings = append(warnings, p.notes...)
	if strings.TrimSpace(text) == "" {
		warnings = append(warnings, "页面没有正文文字（可能由脚本加载）(no article text)")
	}
	return text, warnings, nil
}

// squeeze drops white space, for comparing texts laid out differently.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func visibleRunes(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasName(n *html.Node, names map[string]bool) bool {
	for _, key := range []string{"class", "id"} {
		for v := range strings.FieldsSeq(strings.ToLower(attrOf(n, key))) {
			if names[v] {
				return true
			}
		}
	}
	return false
}

func isBoilerplate(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		for v := range strings.FieldsSeq(strings.ToLower(attrOf(n, key))) {
			for t := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == '-' || r == '_' }) {
				if boilerTokens[t] {
					return true
				}
			}
		}
	}
	return false
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
