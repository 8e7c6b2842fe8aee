package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/ingest"
)

// A document that says it replaces an earlier one — 「（更正）」, 「更正版」,
// 「修订稿」 in its title, or 「本报告替代…」, 「原…作废」 in its text —
// supersedes the stored report of the same kind (same unit, year, type,
// project and title, the title's marks aside), as new bytes at a path do
// (supersede): the old report is kept, marked superseded, and leaves the
// lists and the pending queue; Versions shows both. When the earlier one
// comes after the correction (a folder ingested in name order), it is the
// one marked superseded, by the correction stored before it.

// titleMarks say, in a title, that the document corrects an earlier one;
// the longer forms first, so that removing them leaves the bare title.
var titleMarks = []string{
	"（更正版）", "(更正版)", "（更正稿）", "(更正稿)", "（更正）", "(更正)", "【更正】",
	"（修订稿）", "(修订稿)", "（修订版）", "(修订版)", "（修订）", "(修订)",
	"更正版", "更正稿", "修订稿", "修订版",
}

// replacesText finds, in a document's text, its saying that it replaces an
// earlier one.
var replacesText = regexp.MustCompile(`本(?:报告|自评报告|表|文件|文|版)(?:替代|代替|取代)|` +
	`原(?:报送|上报|提交|印发|发布)?的?[^。；;\n]{0,30}?(?:报告|自评表|文件|版本|稿)[^。；;\n]{0,6}?作废`)

// bareTitle is a title without its marks of correction, white space aside.
func bareTitle(title string) string {
	t := squeeze(title)
	for _, m := range titleMarks {
		t = strings.ReplaceAll(t, m, "")
	}
	return t
}

// titleMarked says whether a title carries a mark of correction.
func titleMarked(title string) bool { return bareTitle(title) != squeeze(title) }

// SaysReplaces reports whether report rep, of the document text, says it
// replaces an earlier report: a mark in its title or its first two lines
// (the heading as written), or a statement in its own text (its extent of
// the file's text, when the file holds several).
func SaysReplaces(rep *extract.Report, text string) bool {
	if titleMarked(rep.Title) {
		return true
	}
	if rep.Extent != nil && rep.Extent[0] >= 0 && rep.Extent[1] <= len(text) && rep.Extent[0] <= rep.Extent[1] {
		text = text[rep.Extent[0]:rep.Extent[1]]
	}
	// The heading as written: the extracted title may stop at 报告.
	lines := strings.SplitN(strings.TrimSpace(text), "\n", 3)
	for _, line := range lines[:min(2, len(lines))] {
		if titleMarked(line) {
			return true
		}
	}
	return replacesText.MatchString(text)
}

// Kind is what a report that replaces another must share with it: its
// unit, year, type, project and title without the marks of correction
// (white space aside), as a hash; "" for a report without a unit or a
// year, which nothing can be said to replace.
func Kind(rep *extract.Report) string {
	if rep == nil || rep.Unit == "" || rep.Year == 0 {
		return ""
	}
	project := ""
	if rep.Project != nil {
		project = squeeze(rep.Project.Name)
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%s|%s|%s", squeeze(rep.Unit), rep.Year, string(rep.DocType), project, bareTitle(rep.Title))))
	return hex.EncodeToString(sum[:16])
}

// supersedeNamed applies what report id (just stored in tx, its kind
// written) says about replacing: when it says it replaces an
// earlier one, the visible reports of its kind stored before it from other
// files are superseded by it; when it does not, and a visible report of its
// kind stored before it carries a mark of correction in its title, id is
// superseded by that one. It returns the ids superseded.
func supersedeNamed(ctx context.Context, tx *sql.Tx, id string, rep *extract.Report, doc *ingest.Document) ([]string, error) {
	kind := Kind(rep)
	if kind == "" {
		return nil, nil
	}
	var sha string
	if err := tx.QueryRowContext(ctx, `SELECT sha256 FROM reports WHERE id = ?`, id).Scan(&sha); err != nil {
		return nil, err
	}
	text := ""
	if doc != nil {
		text = doc.Text
	}
	says := SaysReplaces(rep, text)
	if says {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET replaces = 1 WHERE id = ?`, id); err != nil {
			return nil, err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, replaces FROM reports
		WHERE kind = ? AND id != ? AND sha256 != ? AND copy_of IS NULL AND superseded_by IS NULL
		ORDER BY created_at, id`, kind, id, sha)
	if err != nil {
		return nil, err
	}
	var old []string
	correction := "" // the first earlier report of the kind that says it replaces
	for rows.Next() {
		var o string
		var r bool
		if err := rows.Scan(&o, &r); err != nil {
			rows.Close()
			return nil, err
		}
		old = append(old, o)
		if r && correction == "" {
			correction = o
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	switch {
	case len(old) == 0:
		return nil, nil
	case says:
		return old, markSuperseded(ctx, tx, old, id)
	case correction != "":
		return []string{id}, markSuperseded(ctx, tx, []string{id}, correction)
	}
	return nil, nil
}
