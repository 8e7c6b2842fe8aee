#!/usr/bin/env bash
# Makes the scan PDFs of this folder from real documents: each page is
# rasterised (the reference report's PDF print with pdftoppm; a published
# table's text typeset with ImageMagick), turned slightly, given noise and
# saved as a grayscale JPEG, and the JPEGs are put back into a PDF as images
# (jpegpdf stores their bytes as they are). Run it once, from the repository
# root, when a source changes; the results are committed, so that tests need
# only tesseract.
#
#   apt-get install poppler-utils imagemagick fonts-wqy-zenhei python3
#   bash testdata/scans/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=testdata/scans
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert=/usr/bin/convert # ImageMagick (not a stand-in of the same name on the PATH)

# degrade FILE DPI ANGLE SEED: a scanned look, in place, as a grayscale JPEG.
degrade() {
  "$convert" "$1" -colorspace Gray -background white -rotate "$3" -seed "$4" -attenuate 0.2 +noise Gaussian \
    -colorspace Gray -density "$2" -units PixelsPerInch -quality 35 -sampling-factor 1x1 "${1%.*}.jpg"
}

for dpi in 150 200 300; do
  # The reference report (南屯镇 2023), as LibreOffice printed it: pages 1–3,
  # its head, stated total and the 40 projects with their amounts (the pages
  # after are the evaluation of each project, in words).
  rm -f "$tmp"/p-*
  [ -n "${TABLES_ONLY:-}" ] || pdftoppm -gray -r "$dpi" -f 1 -l 3 ingest/pdf/testdata/printed/01_lo_txt_default.pdf "$tmp/p"
  i=0
  for f in $([ -n "${TABLES_ONLY:-}" ] || echo "$tmp"/p-*.pgm); do
    i=$((i + 1))
    angle=$(awk -v i="$i" 'BEGIN { printf "%.2f", (i % 2 ? 0.6 : -0.4) }')
    degrade "$f" "$dpi" "$angle" "$i"
  done
  [ -n "${TABLES_ONLY:-}" ] || go run ./testdata/scans/jpegpdf -dpi "$dpi" -o "$out/nantun-2023-$dpi.pdf" "$tmp"/p-*.jpg

  # Published tables, their text as published, typeset on A4.
  for doc in $(cat "$out/tables.txt"); do
    rm -f "$tmp"/t-*
    # lines wrapped at 40 characters (a line of A4 at 11 pt), 48 lines a page, as a printer would
    python3 -c 'import sys, textwrap
lines = []
for l in open(sys.argv[1], encoding="utf-8"):
    lines += textwrap.wrap(l.rstrip("\n"), 40) or [""]
for i in range(0, len(lines), 48):
    open("%s/t-%02d.txt" % (sys.argv[2], i // 48), "w", encoding="utf-8").write("\n".join(lines[i:i + 48]).replace("%", "%%"))' \
      "testdata/real/docs/$doc.txt" "$tmp"
    for f in "$tmp"/t-*.txt; do
      "$convert" -density "$dpi" -units PixelsPerInch -size "$((dpi * 827 / 100))x$((dpi * 1169 / 100))" xc:white \
        -font /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc -pointsize 11 -interline-spacing "$((dpi / 20))" \
        -fill black -annotate "+$((dpi * 9 / 10))+$((dpi * 11 / 10))" "$(cat "$f")" "${f%.txt}.png"
    done
    i=0
    for f in "$tmp"/t-*.png; do
      i=$((i + 1))
      degrade "$f" "$dpi" 0.5 "$i"
    done
    go run ./testdata/scans/jpegpdf -dpi "$dpi" -o "$out/$doc-$dpi.pdf" "$tmp"/t-*.jpg
    if [ "$dpi" = 200 ] && [ "$doc" = "$(tail -1 "$out/tables.txt")" ]; then
      # the same pages as a fax-like multi-page TIFF (bilevel, CCITT G4), an image file
      "$convert" "$tmp"/t-*.jpg -monochrome -density 200 -units PixelsPerInch -compress Group4 "$out/$doc-200.tif"
    fi
  done
done
ls -l "$out"/*.pdf
