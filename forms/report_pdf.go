package forms

import (
	"fmt"
	"io"
	"math"
	"strings"

	"reintegrate/model"
)

// ReportPDF prints a report (model.BuildReport) on A4: the school and the
// report's title on every page, the period and "Page 1 of 3" at the foot,
// the notes, then each section's charts as bars and its table, the heading
// row repeated on each page a table runs onto. A report with a wide table
// (the LA return) prints landscape. Dates are DD/MM/YYYY; the PDF's own
// dates are the as-of date, so the same report prints the same bytes.
func ReportPDF(r model.Report, w io.Writer) error { return writeReportPDF(r, w, true) }

// The report's page layout, in millimetres. Forms keep their own (pdf.go);
// only the document setup (newPDF: dates, metadata, embedded fonts) and
// Clean are shared.
const (
	reportMarginX, reportMarginT = 15.0, 12.0
	reportMarginB                = 16.0
	reportBodyTop                = reportMarginT + 9
	reportPadding                = 0.8
	reportPagesAlias             = "\x02nb\x03" // Clean strips controls, so no typed text holds it
	reportFont                   = "report"
	reportLineSpacing            = 1.25
)

// reportLandscapeFrom is the number of columns from which a table needs
// the width of a landscape page.
const reportLandscapeFrom = 9

// writeReportPDF is ReportPDF with compression a choice, so tests can read
// the text the pages draw.
func writeReportPDF(r model.Report, w io.Writer, compress bool) error {
	orientation := "P"
	for _, s := range r.Sections {
		if len(s.Columns) >= reportLandscapeFrom {
			orientation = "L"
		}
	}
	p := newPDF(orientation, reportFont, r.On, Clean(r.Title, false), Clean(r.School, false))
	p.SetCompression(compress)
	p.SetMargins(reportMarginX, reportBodyTop, reportMarginX)
	p.SetAutoPageBreak(false, reportMarginB)
	p.AliasNbPages(reportPagesAlias)
	rp := &reportPage{pdf: p, r: r}
	rp.pageW, rp.pageH = p.GetPageSize()
	rp.width = rp.pageW - 2*reportMarginX
	p.SetHeaderFunc(rp.header)
	p.SetFooterFunc(rp.footer)
	p.AddPage()
	rp.body()
	return finish(p, w, "the "+r.Name+" report")
}

// reportPage draws one report; the page may be portrait or landscape.
type reportPage struct {
	pdf                 *printer
	r                   model.Report
	pageW, pageH, width float64
}

func (rp *reportPage) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	rp.pdf.SetFont(reportFont, style, size)
}

func (rp *reportPage) lineHeight() float64 {
	_, mm := rp.pdf.GetFontSize()
	return mm * reportLineSpacing
}

func (rp *reportPage) header() {
	p := rp.pdf
	rp.font(true, 9)
	p.SetXY(reportMarginX, reportMarginT)
	p.CellFormat(rp.width/2, 5, firstLine(p, Clean(rp.r.School, false), rp.width/2), "", 0, "L", false, 0, "")
	rp.font(false, 8)
	p.CellFormat(rp.width/2, 5, firstLine(p, Clean(rp.r.Title, false), rp.width/2), "", 0, "R", false, 0, "")
	p.SetLineWidth(0.2)
	p.Line(reportMarginX, reportMarginT+6, rp.pageW-reportMarginX, reportMarginT+6)
	p.SetXY(reportMarginX, reportBodyTop)
}

func (rp *reportPage) footer() {
	p := rp.pdf
	p.SetXY(reportMarginX, rp.pageH-reportMarginB+4)
	rp.font(false, 7.5)
	period := fmt.Sprintf("Period %s to %s, as of %s", rp.r.From.UK(), rp.r.To.UK(), rp.r.On.UK())
	p.CellFormat(rp.width*0.7, 4, period, "", 0, "L", false, 0, "")
	p.CellFormat(rp.width*0.3, 4, fmt.Sprintf("Page %d of %s", p.PageNo(), reportPagesAlias), "", 0, "R", false, 0, "")
	p.footnote(reportMarginX, rp.pageH-reportMarginB+8, rp.width)
}

// room starts a new page unless h more millimetres fit on this one.
func (rp *reportPage) room(h float64) {
	if rp.pdf.GetY()+h > rp.pageH-reportMarginB {
		rp.pdf.AddPage()
	}
}

func (rp *reportPage) para(text string, bold bool, size float64) {
	rp.font(bold, size)
	lh := rp.lineHeight()
	for _, line := range rp.pdf.SplitText(Clean(text, false), rp.width) {
		rp.room(lh)
		rp.pdf.SetX(reportMarginX)
		rp.pdf.CellFormat(rp.width, lh, line, "", 1, "L", false, 0, "")
	}
}

func (rp *reportPage) body() {
	rp.para(rp.r.Title, true, 14)
	rp.para(fmt.Sprintf("Period %s to %s, as of %s", rp.r.From.UK(), rp.r.To.UK(), rp.r.On.UK()), false, 9)
	rp.pdf.Ln(2)
	for _, n := range rp.r.Notes {
		rp.para(n, false, 9)
		rp.pdf.Ln(1)
	}
	for _, s := range rp.r.Sections {
		rp.pdf.Ln(2)
		rp.room(20)
		rp.font(true, 10)
		rp.pdf.SetFillColor(232, 232, 232)
		rp.pdf.CellFormat(rp.width, 6, Clean(s.Title, false), "", 1, "L", true, 0, "")
		rp.pdf.Ln(1)
		for _, c := range s.Charts {
			rp.chart(c)
		}
		switch {
		case len(s.Rows) == 0 && s.Empty != "":
			rp.para(s.Empty, false, 9)
		case len(s.Columns) > 0:
			rp.table(s.Columns, s.Rows)
		}
		for _, n := range s.Notes {
			rp.pdf.Ln(1)
			rp.para(n, false, 8)
		}
	}
}

// tableFont is the size of a table's text: smaller for the widest tables.
func reportTableFont(columns int) float64 {
	if columns >= 12 {
		return 7
	}
	return 8
}

// table draws the rows under a heading row that repeats on each new page.
func (rp *reportPage) table(cols []model.Column, rows [][]model.Cell) {
	size := reportTableFont(len(cols))
	widths := rp.columnWidths(cols, rows, size)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.Head
	}
	drawHead := func() { rp.tableRow(cols, widths, heads, true, size) }
	rp.room(14)
	drawHead()
	for _, row := range rows {
		cells := make([]string, len(cols))
		for i := range cols {
			if i < len(row) {
				cells[i] = row[i].Text
			}
		}
		rp.font(false, size)
		if rp.pdf.GetY()+rp.rowHeight(widths, cells) > rp.pageH-reportMarginB {
			rp.pdf.AddPage()
			drawHead()
		}
		rp.tableRow(cols, widths, cells, false, size)
	}
}

// reportUnbrokenMax is the widest word a column keeps whole: a date, a UPN
// or a year group split over two lines ("02/04/201" above "3") misleads,
// where a long note may wrap.
const reportUnbrokenMax = 24.0

// unbroken is the width of the text's longest word, up to reportUnbrokenMax.
func unbroken(p *printer, text string) float64 {
	w := 0.0
	for _, word := range strings.Fields(text) {
		w = math.Max(w, p.GetStringWidth(word))
	}
	return math.Min(w, reportUnbrokenMax)
}

// columnWidths shares the page width among the columns in proportion to
// what they hold (each cell's width, capped so one long note does not take
// the page), never narrower than the longest word of the heading or of a
// cell (up to reportUnbrokenMax).
func (rp *reportPage) columnWidths(cols []model.Column, rows [][]model.Cell, size float64) []float64 {
	p := rp.pdf
	margin := 2 * p.GetCellMargin()
	natural, least := make([]float64, len(cols)), make([]float64, len(cols))
	total, floor := 0.0, 0.0
	for i, c := range cols {
		rp.font(true, size)
		for _, word := range strings.Fields(c.Head) {
			least[i] = math.Max(least[i], p.GetStringWidth(word)+margin)
		}
		natural[i] = least[i]
		rp.font(false, size)
		for _, row := range rows {
			if i < len(row) {
				text := Clean(row[i].Text, false)
				natural[i] = math.Max(natural[i], math.Min(p.GetStringWidth(text)+margin, 70))
				least[i] = math.Max(least[i], unbroken(p, text)+margin)
			}
		}
		total += natural[i]
		floor += least[i]
	}
	widths := make([]float64, len(cols))
	for i := range cols {
		switch {
		case total <= rp.width || floor >= rp.width:
			widths[i] = natural[i] * rp.width / total
		default: // shrink what is above each column's floor
			widths[i] = least[i] + (natural[i]-least[i])*(rp.width-floor)/(total-floor)
		}
	}
	return widths
}

func (rp *reportPage) rowHeight(widths []float64, cells []string) float64 {
	n := 1
	for i, s := range cells {
		n = max(n, len(rp.pdf.SplitText(Clean(s, false), widths[i])))
	}
	return float64(n)*rp.lineHeight() + 2*reportPadding
}

func (rp *reportPage) tableRow(cols []model.Column, widths []float64, cells []string, head bool, size float64) {
	p := rp.pdf
	rp.font(head, size)
	h := rp.rowHeight(widths, cells)
	x, y := reportMarginX, p.GetY()
	for i, s := range cells {
		if head {
			p.SetFillColor(232, 232, 232)
			p.Rect(x, y, widths[i], h, "F")
		}
		p.SetLineWidth(0.2)
		p.Rect(x, y, widths[i], h, "D")
		align := "L"
		if cols[i].Number && !head {
			align = "R"
		}
		for k, line := range p.SplitText(Clean(s, false), widths[i]) {
			p.SetXY(x, y+reportPadding+float64(k)*rp.lineHeight())
			p.CellFormat(widths[i], rp.lineHeight(), line, "", 0, align, false, 0, "")
		}
		x += widths[i]
	}
	p.SetXY(reportMarginX, y+h)
}

// Chart drawing sizes, in millimetres.
const (
	reportChartHeight = 40.0
	reportChartAxisW  = 16.0
)

// chart draws bars against a value axis, with the reference line dashed
// and labelled, values over the bars when they fit, and bar labels below.
func (rp *reportPage) chart(c model.Chart) {
	p := rp.pdf
	rp.room(reportChartHeight + 22)
	rp.para(c.Title, true, 9)
	top := c.Mark
	for _, b := range c.Bars {
		top = math.Max(top, b.Value)
	}
	if top <= 0 {
		top = 1
	}
	x0, y0 := reportMarginX+reportChartAxisW, p.GetY()+4
	plotW, bottom := rp.width-reportChartAxisW-2, y0+reportChartHeight
	rp.font(false, 7)
	axisLabel := func(v float64, y float64) {
		p.SetXY(reportMarginX, y-2)
		p.CellFormat(reportChartAxisW-1.5, 4, reportChartValue(v, c.Unit), "", 0, "R", false, 0, "")
	}
	// The reference line is labelled in the axis, where no bar's value is;
	// the top value gives way to it when they would overlap.
	if c.Mark <= 0 || (top-c.Mark)/top*reportChartHeight >= 4 {
		axisLabel(top, y0)
	}
	axisLabel(0, bottom)
	p.SetLineWidth(0.2)
	p.Line(x0, y0, x0, bottom)
	p.Line(x0, bottom, x0+plotW, bottom)
	slot := plotW / float64(max(len(c.Bars), 1))
	for i, b := range c.Bars {
		h := b.Value / top * reportChartHeight
		x := x0 + float64(i)*slot + slot*0.15
		p.SetFillColor(110, 110, 110)
		if h > 0 {
			p.Rect(x, bottom-h, slot*0.7, h, "F")
		}
		if slot >= 7 {
			p.SetXY(x-1, bottom-h-4)
			p.CellFormat(slot*0.7+2, 4, reportChartValue(b.Value, c.Unit), "", 0, "C", false, 0, "")
		}
	}
	if c.Mark > 0 {
		y := bottom - c.Mark/top*reportChartHeight
		p.SetDashPattern([]float64{1.2, 0.8}, 0)
		p.Line(x0, y, x0+plotW, y)
		p.SetDashPattern([]float64{}, 0)
		p.SetXY(reportMarginX, y-2)
		p.CellFormat(reportChartAxisW-1.5, 4, Clean(c.MarkLabel, false), "", 0, "R", false, 0, "")
	}
	rp.barLabels(c, x0, bottom, slot)
	p.SetXY(reportMarginX, bottom+10)
}

// barLabels writes as many bar labels as fit side by side, evenly spaced.
func (rp *reportPage) barLabels(c model.Chart, x0, bottom, slot float64) {
	p := rp.pdf
	rp.font(false, 6)
	widest := 0.0
	for _, b := range c.Bars {
		widest = math.Max(widest, p.GetStringWidth(b.Label)+1)
	}
	every := max(1, int(math.Ceil(widest/slot)))
	for i := 0; i < len(c.Bars); i += every {
		p.SetXY(x0+float64(i)*slot+slot/2-widest/2, bottom+1)
		p.CellFormat(widest, 4, Clean(c.Bars[i].Label, false), "", 0, "C", false, 0, "")
	}
}

func reportChartValue(v float64, unit string) string {
	s := model.FormatHours(math.Round(v))
	if unit == "%" {
		s += "%"
	}
	return s
}
