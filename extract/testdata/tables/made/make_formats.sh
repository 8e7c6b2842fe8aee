#!/bin/sh
# Regenerates the hand-made tables: .txt and .html from .cells (gen.go), then
# .docx and .pdf from .html with LibreOffice (libreoffice-writer-nogui,
# fonts-noto-cjk). The outputs are committed; tests need neither tool.
set -e
cd "$(dirname "$0")"
go run gen.go good_project.cells bad_project.cells department.cells
for f in good_project bad_project department; do
  # imported as a Writer document (not Writer/Web), so that @page applies
  soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' --outdir . "$f.html" >/dev/null 2>&1
  soffice --headless --infilter='HTML (StarWriter)' --convert-to pdf --outdir . "$f.html" >/dev/null 2>&1
done
