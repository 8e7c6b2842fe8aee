package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// asset is one embedded static file, ready to serve.
type asset struct {
	data        []byte
	contentType string
	etag        string
}

// assetTypes are the content types of the static files, fixed here rather
// than taken from the system's MIME tables.
var assetTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8", // pdf.js modules
	".bcmap": "application/octet-stream",       // pdf.js packed CMaps
	".svg":   "image/svg+xml",
	".png":   "image/png",
}

// loadAssets reads every file of static/ into memory: the server serves
// only these, by exact name, and never a directory.
func loadAssets() (map[string]asset, error) {
	out := map[string]asset{}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		ct, ok := assetTypes[path.Ext(p)]
		if !ok {
			return fmt.Errorf("静态文件 %s: 未知类型 (unknown type)", p)
		}
		sum := sha256.Sum256(data)
		out[path.Base(p)] = asset{data: data, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	return out, err
}

// pageNames are the templates of pages; each is parsed with layout.html.
var pageNames = []string{"search", "reports", "report", "findings", "coverage", "opinion", "upload", "charts", "error"}

// loadTemplates parses each page with the layout and the shared partials.
func loadTemplates() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(templateFuncs).
			ParseFS(templateFiles, "templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("模板 %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}
