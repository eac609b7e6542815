package forms

import (
	"cmp"
	"strings"
)

// cell is one cell of a printed table row.
type cell struct {
	text  string
	bold  bool
	size  float64
	fill  bool
	align string
}

func (c cell) fontSize() float64 {
	if c.size == 0 {
		return 9
	}
	return c.size
}

// row draws a table row with borders, its height the tallest cell (at
// least minLines). A row that does not fit goes to the next page, after
// again (the table's header) is drawn there; a row taller than a page is
// split across pages.
func (w *pdfWriter) row(widths []float64, cells []cell, minLines int, border bool, again func()) {
	p := w.pdf
	wrapped := make([][]string, len(cells))
	lh, n := 0.0, max(minLines, 1)
	for i, c := range cells {
		w.font(c.bold, c.fontSize())
		wrapped[i] = p.SplitText(c.text, widths[i])
		lh = max(lh, w.lineHeight())
		n = max(n, len(wrapped[i]))
	}
	usable := pageH - marginB - bodyTop - 2*padding
	for from := 0; from < n; {
		left := n - from
		avail := int((pageH - marginB - p.GetY() - 2*padding) / lh)
		if avail < left && (avail < 2 || float64(left)*lh <= usable) {
			p.AddPage()
			if again != nil {
				again()
			}
			continue
		}
		count := min(left, avail)
		w.drawRow(widths, cells, wrapped, from, count, lh, border)
		from += count
	}
}

func (w *pdfWriter) drawRow(widths []float64, cells []cell, wrapped [][]string, from, count int, lh float64, border bool) {
	p := w.pdf
	x, y := marginX, p.GetY()
	h := float64(count)*lh + 2*padding
	for i, c := range cells {
		if c.fill {
			p.SetFillColor(232, 232, 232)
			p.Rect(x, y, widths[i], h, "F")
		}
		if border {
			p.SetLineWidth(0.2)
			p.Rect(x, y, widths[i], h, "D")
		}
		w.font(c.bold, c.fontSize())
		for k := from; k < from+count && k < len(wrapped[i]); k++ {
			p.SetXY(x, y+padding+float64(k-from)*lh)
			p.CellFormat(widths[i], lh, wrapped[i][k], "", 0, cmp.Or(c.align, "L"), false, 0, "")
		}
		x += widths[i]
	}
	p.SetXY(marginX, y+h)
}

// signatures draws each signatory's parts: name, date and a line to sign
// on, each over its own share of the width.
func (w *pdfWriter) signatures(signs []sign) {
	p := w.pdf
	for _, s := range signs {
		w.room(17)
		if s.label != "" {
			w.font(true, 9)
			w.para(s.label, 0, "L")
		}
		y := p.GetY() + 1
		x := marginX
		for _, part := range s.parts {
			width := signWidth(part, len(s.parts))
			w.font(true, 8.5)
			lw := p.GetStringWidth(part.label) + 2
			p.SetXY(x, y)
			p.CellFormat(lw, 6, part.label, "", 0, "L", false, 0, "")
			w.font(false, 9.5)
			p.CellFormat(width-lw-3, 6, firstLine(p, part.value, width-lw-3), "", 0, "L", false, 0, "")
			p.SetLineWidth(0.2)
			p.Line(x+lw, y+6, x+width-3, y+6)
			x += width
		}
		p.SetXY(marginX, y+9)
	}
}

// signWidth shares the page between a signatory's parts: a date needs
// less room than a name or a signature.
func signWidth(part signPart, n int) float64 {
	if n == 3 {
		switch {
		case part.line:
			return 62
		case strings.HasPrefix(part.label, "Date"):
			return 40
		}
		return 78
	}
	return contentW / float64(n)
}

// Grid columns: the week, ten sessions, the Time in Education.
const gridWeekW, gridSessionW, gridTimeW = 24.0, 12.5, 31.0

var gridDays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// grid draws the seeds' timetable: am and pm under each day, then the
// week's Time in Education.
func (w *pdfWriter) grid(b block) {
	w.font(true, 9)
	w.room(30)
	w.para(b.text, 0, "L")
	widths := []float64{gridWeekW}
	for range 10 {
		widths = append(widths, gridSessionW)
	}
	widths = append(widths, gridTimeW)
	w.gridHead()
	rows := b.grid
	if len(rows) == 0 {
		rows = make([]gridRow, 6) // blank, to fill in by hand
	}
	for _, g := range rows {
		cells := []cell{{text: g.week, size: 7.5, bold: true}}
		for _, s := range g.cells {
			cells = append(cells, cell{text: s, size: 7, align: "C"})
		}
		cells = append(cells, cell{text: g.time, size: 7.5})
		w.row(widths, cells, 1, true, w.gridHead)
	}
	w.font(false, 7)
	w.pdf.Ln(0.5)
	w.para(gridKey, 0, "L")
}

func (w *pdfWriter) gridHead() {
	p := w.pdf
	w.room(12)
	w.font(true, 7.5)
	p.SetFillColor(232, 232, 232)
	p.SetLineWidth(0.2)
	x, y := marginX, p.GetY()
	p.SetXY(x, y)
	p.CellFormat(gridWeekW, 10, "Week beginning:", "1", 0, "CM", true, 0, "")
	for _, d := range gridDays {
		p.CellFormat(2*gridSessionW, 5, d, "1", 0, "C", true, 0, "")
	}
	p.CellFormat(gridTimeW, 10, "Time in Education", "1", 0, "CM", true, 0, "")
	p.SetXY(x+gridWeekW, y+5)
	for range gridDays {
		p.CellFormat(gridSessionW, 5, "am", "1", 0, "C", true, 0, "")
		p.CellFormat(gridSessionW, 5, "pm", "1", 0, "C", true, 0, "")
	}
	p.SetXY(marginX, y+10)
}
