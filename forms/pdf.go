package forms

import (
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"reintegrate/model"
)

// The PDFs embed DejaVu Sans Condensed (fonts/LICENSE): the Go fonts lack
// the Vietnamese letters of a name such as Nguyễn, and the tick boxes.
//
//go:embed fonts/DejaVuSansCondensed.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSansCondensed-Bold.ttf
var fontBold []byte

const (
	pageW, pageH      = 210.0, 297.0
	marginX, marginT  = 15.0, 12.0
	marginB           = 16.0
	contentW          = pageW - 2*marginX
	bodyTop           = marginT + 9
	pagesAlias        = "\x02nb\x03" // Clean strips controls, so typed text never holds it
	padding           = 0.8
	fontFamily        = "body"
	lineSpacingFactor = 1.25
)

// PDF prints a form record in the template's layout, ready to sign: the
// school's name on every page, tables, tick boxes, signature and date
// lines and "Page 1 of 3". The output depends on the record alone: the
// PDF's dates are the record's completed date.
func PDF(t *Template, rec model.FormRecord, c model.Case, school model.School, w io.Writer) error {
	doc := layout(t, rec, c, school)
	p := newFormPDF(rec.Completed, t.Title, school.Name)
	pw := &pdfWriter{pdf: p}
	pw.write(doc)
	return finish(p, w, t.ID)
}

// CasePackPDF prints every completed form of the case, in protocol order,
// each from a new page.
func CasePackPDF(c model.Case, school model.School, w io.Writer) error {
	pack := casePack(c)
	var latest model.Date
	for _, p := range pack {
		latest = model.MaxDate(latest, p.rec.Completed)
	}
	p := newFormPDF(latest, "Case forms: "+c.Pupil.Name, school.Name)
	pw := &pdfWriter{pdf: p}
	for _, f := range pack {
		pw.write(layout(f.t, f.rec, c, school))
	}
	if len(pack) == 0 {
		pw.write(document{title: "No completed forms", school: school.Name, footer: c.Pupil.Name})
	}
	return finish(p, w, "case pack")
}

func finish(p *printer, w io.Writer, what string) error {
	if err := p.Output(w); err != nil {
		return fmt.Errorf("print %s as PDF: %w", what, err)
	}
	return nil
}

// pdfEpoch dates a part-done form's PDF, so it too prints the same each time.
var pdfEpoch = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// newFormPDF starts a form's PDF on the forms' page layout.
func newFormPDF(completed model.Date, title, author string) *printer {
	p := newPDF("P", fontFamily, completed, title, author)
	p.SetMargins(marginX, bodyTop, marginX)
	p.SetAutoPageBreak(false, marginB)
	p.AliasNbPages(pagesAlias)
	return p
}

// newPDF starts a compressed A4 PDF with the embedded fonts under family,
// its dates set to dated (pdfEpoch when zero) so the same input prints the
// same bytes. Forms and reports each set their own margins after.
func newPDF(orientation, family string, dated model.Date, title, author string) *printer {
	p := &printer{Fpdf: fpdf.New(orientation, "mm", "A4", "")}
	created := pdfEpoch
	if !dated.IsZero() {
		created = dated.Time()
	}
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.setInfo(title, author)
	p.SetCreator("reintegrate", true)
	p.AddUTF8FontFromBytes(family, "", fontRegular)
	p.AddUTF8FontFromBytes(family, "B", fontBold)
	return p
}

// pdfWriter draws documents onto the pages.
type pdfWriter struct {
	pdf *printer
	// doc is the document on the page being drawn; next takes its place in
	// the header of the next page, after the footer has closed the last
	// page of the document before (a case pack prints several).
	doc, next document
}

func (w *pdfWriter) write(doc document) {
	w.next = doc
	w.pdf.SetHeaderFunc(w.header)
	w.pdf.SetFooterFunc(w.footer)
	w.pdf.AddPage()
	if !doc.letter {
		w.font(true, 14)
		w.para(doc.title, 0, "C")
		w.pdf.Ln(2)
	}
	for _, b := range doc.blocks {
		w.block(b)
	}
}

func (w *pdfWriter) header() {
	p := w.pdf
	w.doc = w.next
	w.font(true, 9)
	p.SetXY(marginX, marginT)
	p.CellFormat(contentW/2, 5, firstLine(p, w.doc.school, contentW/2), "", 0, "L", false, 0, "")
	w.font(false, 8)
	if !w.doc.letter {
		p.CellFormat(contentW/2, 5, firstLine(p, w.doc.title, contentW/2), "", 0, "R", false, 0, "")
	}
	p.SetLineWidth(0.2)
	p.Line(marginX, marginT+6, pageW-marginX, marginT+6)
	p.SetXY(marginX, bodyTop)
}

func (w *pdfWriter) footer() {
	p := w.pdf
	p.SetXY(marginX, pageH-marginB+4)
	w.font(false, 7.5)
	p.CellFormat(contentW*0.7, 4, firstLine(p, w.doc.footer, contentW*0.7), "", 0, "L", false, 0, "")
	p.CellFormat(contentW*0.3, 4, fmt.Sprintf("Page %d of %s", p.PageNo(), pagesAlias), "", 0, "R", false, 0, "")
	p.footnote(marginX, pageH-marginB+8, contentW)
}

func firstLine(p *printer, s string, width float64) string {
	if lines := p.SplitText(s, width); len(lines) > 0 {
		return lines[0]
	}
	return ""
}

func (w *pdfWriter) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	w.pdf.SetFont(fontFamily, style, size)
}

// lineHeight is the height of one line of text at the current size.
func (w *pdfWriter) lineHeight() float64 {
	_, mm := w.pdf.GetFontSize()
	return mm * lineSpacingFactor
}

// room makes sure h more millimetres fit on the page, starting a new one
// when they do not; it reports whether it did.
func (w *pdfWriter) room(h float64) bool {
	if w.pdf.GetY()+h <= pageH-marginB {
		return false
	}
	w.pdf.AddPage()
	return true
}

// para writes wrapped text at the current font, indented, page by page.
func (w *pdfWriter) para(text string, indent float64, align string) {
	p := w.pdf
	lh := w.lineHeight()
	for _, line := range p.SplitText(text, contentW-indent) {
		w.room(lh)
		p.SetX(marginX + indent)
		p.CellFormat(contentW-indent, lh, line, "", 1, align, false, 0, "")
	}
}

func (w *pdfWriter) block(b block) {
	switch b.kind {
	case bHeading:
		w.pdf.Ln(1.5)
		w.row([]float64{contentW}, []cell{{text: b.text, bold: true, size: 10, fill: true}}, 1, true, nil)
	case bPara:
		w.paragraphs(b.text)
	case bPairs:
		for _, pr := range b.pairs {
			w.row([]float64{contentW * 0.38, contentW * 0.62},
				[]cell{{text: pr.label, bold: true, size: 8.5}, {text: pr.value, size: 9.5}}, pr.lines, true, nil)
		}
	case bChoice:
		w.choice(b)
	case bTable:
		w.table(b)
	case bSigns:
		w.signatures(b.signs)
	case bGrid:
		w.grid(b)
	}
	w.pdf.Ln(1.5)
}

func (w *pdfWriter) paragraphs(text string) {
	w.font(false, 9)
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "- "):
			w.room(w.lineHeight())
			w.pdf.SetX(marginX + 2)
			w.pdf.CellFormat(4, w.lineHeight(), "•", "", 0, "L", false, 0, "")
			w.para(strings.TrimPrefix(line, "- "), 6, "L")
		default:
			w.para(line, 0, "L")
			w.pdf.Ln(1)
		}
	}
}

func (w *pdfWriter) choice(b block) {
	w.font(true, 9)
	w.room(float64(len(b.ticks)+2) * w.lineHeight()) // keep the choices with their question
	w.para(b.text, 0, "L")
	w.font(false, 9.5)
	for _, t := range b.ticks {
		w.room(w.lineHeight())
		w.pdf.SetX(marginX + 2)
		w.pdf.CellFormat(6, w.lineHeight(), box(t.on), "", 0, "L", false, 0, "")
		w.para(t.label, 8, "L")
	}
}

func (w *pdfWriter) table(b block) {
	if b.text != "" {
		w.font(true, 9)
		w.room(3 * w.lineHeight())
		w.para(b.text, 0, "L")
	}
	widths := scale(b.widths, len(b.head))
	head := make([]cell, len(b.head))
	for i, h := range b.head {
		head[i] = cell{text: h, bold: true, size: 8, fill: true}
	}
	drawHead := func() { w.row(widths, head, 1, true, nil) }
	w.room(12)
	drawHead()
	for _, r := range b.rows {
		cells := make([]cell, len(widths))
		for i := range cells {
			if i < len(r) {
				cells[i] = cell{text: r[i], size: 9}
			}
			if cells[i].text == boxOn || cells[i].text == boxOff {
				cells[i].align, cells[i].size = "C", 11
			}
		}
		cells[0].bold = true
		w.row(widths, cells, max(b.lines, 1), true, drawHead)
	}
}

// scale turns width shares into millimetres across the page.
func scale(shares []float64, n int) []float64 {
	out := make([]float64, n)
	total := 0.0
	for i := range out {
		out[i] = 1
		if i < len(shares) {
			out[i] = cmpWidth(shares[i])
		}
		total += out[i]
	}
	for i := range out {
		out[i] *= contentW / total
	}
	return out
}
