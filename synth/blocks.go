package synth

// block is one paragraph, heading or table of a report, with the hints the
// writers of each format use. Text is final (spaces included); brk, when
// not zero, is the byte offset where the layout broke the line (the writers
// split the paragraph there, as PDF-to-text conversion does).
type block struct {
	kind   blockKind
	text   string
	brk    int
	gap    string // what separates the two halves of a broken line in text formats
	level  int    // Markdown heading level (0: none)
	bold   bool   // in HTML and DOCX
	mdBold bool   // **…** in Markdown
	bullet bool   // Markdown "- " before the line
	indent bool   // first-line indent (full-width spaces in text, text-indent in HTML)
	center bool
	rows   [][]string // kindTable
}

type blockKind int

const (
	kindPara blockKind = iota
	kindTitle
	kindHeading
	kindTable
	kindStray
)

// document is a report ready to be written in any format.
type document struct {
	title  string
	blocks []block
}
