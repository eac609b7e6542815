package model

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode"
)

// The text, Markdown and CSV forms of a report. The PDF is in
// forms/report_pdf.go, drawn from the same sections.

// textWidth is the width the terminal preview wraps notes to.
const textWidth = 78

// maxTextColumn cuts long cells in the terminal preview (not the last
// column, which may run on); the Markdown, CSV and PDF keep every word.
const maxTextColumn = 40

// Text is the report as plain text for a terminal: aligned tables and
// charts in block characters, dates DD/MM/YYYY.
func (r Report) Text() string {
	var b strings.Builder
	b.WriteString(r.Title + "\n")
	if r.School != "" {
		b.WriteString(r.School + "\n")
	}
	b.WriteString(r.periodLine() + "\n")
	for _, n := range r.Notes {
		b.WriteString("\n" + wrap(n, textWidth) + "\n")
	}
	for _, s := range r.Sections {
		b.WriteString("\n" + s.Title + "\n" + strings.Repeat("=", displayWidth(s.Title)) + "\n")
		for _, c := range s.Charts {
			b.WriteString(c.Title + "\n")
			for _, l := range c.TextLines() {
				b.WriteString(l + "\n")
			}
			b.WriteString("\n")
		}
		if len(s.Rows) == 0 && s.Empty != "" {
			b.WriteString(wrap(s.Empty, textWidth) + "\n")
		} else if len(s.Columns) > 0 {
			for _, l := range textSection(s.Columns, s.Rows) {
				b.WriteString(l + "\n")
			}
		}
		for _, n := range s.Notes {
			b.WriteString("\n" + wrap(n, textWidth) + "\n")
		}
	}
	return b.String()
}

func (r Report) periodLine() string {
	return fmt.Sprintf("Period %s to %s, as of %s", r.From.UK(), r.To.UK(), r.On.UK())
}

// textRecordsFrom is the width from which a table is shown as one block a
// row instead: the LA return's seventeen columns run to 250 characters,
// which a terminal folds into nonsense. The CSV and PDF keep the table.
const textRecordsFrom = 132

// textSection lays out a table, or its rows as records when it is too wide.
func textSection(cols []Column, rows [][]Cell) []string {
	table := textTable(cols, rows)
	// The last column may run on (a note, a detail): it does not count.
	dashes := strings.Fields(table[1])
	width := displayWidth(table[1]) - displayWidth(dashes[len(dashes)-1])
	if width+min(displayWidth(dashes[len(dashes)-1]), maxTextColumn) < textRecordsFrom {
		return table
	}
	return textRecords(cols, rows)
}

// textRecords shows each row as a block: the pupil (or the first cell) as
// its heading, then each column's heading and value, empty ones left out.
func textRecords(cols []Column, rows [][]Cell) []string {
	title, width := 0, 0
	for i, c := range cols {
		if c.Head == "Pupil" {
			title = i
		}
		width = max(width, displayWidth(c.Head))
	}
	var out []string
	for k, row := range rows {
		if k > 0 {
			out = append(out, "")
		}
		out = append(out, cellText(row, title))
		for i, c := range cols {
			if v := cellText(row, i); i != title && v != "" {
				out = append(out, "  "+c.Head+strings.Repeat(" ", width-displayWidth(c.Head))+"  "+v)
			}
		}
	}
	return out
}

func cellText(row []Cell, i int) string {
	if i < len(row) {
		return row[i].Text
	}
	return ""
}

// textTable lays out a table in columns two spaces apart, numbers to the
// right, under a line of dashes.
func textTable(cols []Column, rows [][]Cell) []string {
	widths := make([]int, len(cols))
	cut := func(i int, s string) string {
		if i < len(cols)-1 {
			return truncate(s, maxTextColumn)
		}
		return s
	}
	for i, c := range cols {
		widths[i] = displayWidth(c.Head)
		for _, row := range rows {
			if i < len(row) {
				widths[i] = max(widths[i], displayWidth(cut(i, row[i].Text)))
			}
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, s := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-displayWidth(s))
			if cols[i].Number {
				b.WriteString(pad + s)
			} else if i < len(cells)-1 {
				b.WriteString(s + pad)
			} else {
				b.WriteString(s)
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	heads, dashes := make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		heads[i], dashes[i] = c.Head, strings.Repeat("-", widths[i])
	}
	out := []string{line(heads), line(dashes)}
	for _, row := range rows {
		cells := make([]string, len(cols))
		for i := range cols {
			if i < len(row) {
				cells[i] = cut(i, row[i].Text)
			}
		}
		out = append(out, line(cells))
	}
	return out
}

// displayWidth counts what a terminal shows: one column a character, none
// for combining marks (so a decomposed "Nguyễn" lines up as well).
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return n
}

func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= width-1 {
			break
		}
		b.WriteRune(r)
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// wrap breaks a paragraph into lines of at most width columns.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case displayWidth(line)+1+displayWidth(word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// chartHeight is how many lines of eighths a text chart stands.
const chartHeight = 6

var eighths = []string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// TextLines draws the chart in block characters: a column per bar, the
// axis labelled with its top value (and the reference line, drawn ┈ where
// no bar reaches it), the first and last bar's labels underneath.
func (c Chart) TextLines() []string {
	if len(c.Bars) == 0 {
		return []string{"(nothing to chart)"}
	}
	top := c.Mark
	for _, b := range c.Bars {
		top = math.Max(top, b.Value)
	}
	if top <= 0 {
		top = 1
	}
	w := 3
	if n := len(c.Bars); n > 40 {
		w = 1
	} else if n > 20 {
		w = 2
	}
	markRow := -1
	if c.Mark > 0 {
		markRow = int(math.Ceil(c.Mark/top*chartHeight)) - 1
	}
	labels := make([]string, chartHeight)
	labels[chartHeight-1] = c.axisValue(top)
	if markRow >= 0 {
		labels[markRow] = c.MarkLabel
	}
	lw := 1
	for _, l := range labels {
		lw = max(lw, displayWidth(l))
	}
	var out []string
	for row := chartHeight - 1; row >= 0; row-- {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", lw-displayWidth(labels[row])) + labels[row] + " │")
		for _, bar := range c.Bars {
			b.WriteString(c.cell(bar.Value, top, row, row == markRow, w))
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	out = append(out, strings.Repeat(" ", lw-1)+"0 └"+strings.Repeat("─", len(c.Bars)*w))
	return append(out, c.axisLabels(lw+3, len(c.Bars)*w))
}

// cell is one bar's w columns in one row: a block of eighths, the
// reference line, or blank; bars stand w-1 wide with a gap (w 1: no gap).
func (c Chart) cell(value, top float64, row int, mark bool, w int) string {
	level := int(math.Round(value / top * chartHeight * 8))
	if value > 0 && level == 0 {
		level = 1 // something is not nothing
	}
	fill := min(max(level-row*8, 0), 8)
	ch, gap := eighths[fill], " "
	if fill == 0 && mark {
		ch = "┈"
	}
	if mark {
		gap = "┈"
	}
	if w == 1 {
		return ch
	}
	return strings.Repeat(ch, w-1) + gap
}

func (c Chart) axisValue(v float64) string {
	s := FormatHours(math.Round(v*10) / 10)
	if c.Unit == "%" {
		s += "%"
	}
	return s
}

// axisLabels puts the first bar's label at the left and the last's at the right.
func (c Chart) axisLabels(indent, width int) string {
	first, last := c.Bars[0].Label, c.Bars[len(c.Bars)-1].Label
	if len(c.Bars) == 1 || displayWidth(first)+displayWidth(last)+1 > width {
		return strings.Repeat(" ", indent) + first
	}
	gap := width - displayWidth(first) - displayWidth(last)
	return strings.Repeat(" ", indent) + first + strings.Repeat(" ", gap) + last
}

// Markdown is the report as Markdown: pipe tables, charts in a fenced
// block, dates DD/MM/YYYY.
func (r Report) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(r.Title))
	if r.School != "" {
		fmt.Fprintf(&b, "**%s**\n\n", mdEscape(r.School))
	}
	fmt.Fprintf(&b, "%s\n\n", r.periodLine())
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(n))
	}
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "## %s\n\n", mdEscape(s.Title))
		for _, c := range s.Charts {
			fmt.Fprintf(&b, "**%s**\n\n```text\n%s\n```\n\n", mdEscape(c.Title), strings.Join(c.TextLines(), "\n"))
		}
		if len(s.Rows) == 0 && s.Empty != "" {
			fmt.Fprintf(&b, "_%s_\n\n", mdEscape(s.Empty))
		} else if len(s.Columns) > 0 {
			mdTable(&b, s.Columns, s.Rows)
		}
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "%s\n\n", mdEscape(n))
		}
	}
	return b.Bytes()
}

func mdTable(b *bytes.Buffer, cols []Column, rows [][]Cell) {
	heads, rules := make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		heads[i], rules[i] = mdEscape(c.Head), "---"
		if c.Number {
			rules[i] = "---:"
		}
	}
	fmt.Fprintf(b, "| %s |\n| %s |\n", strings.Join(heads, " | "), strings.Join(rules, " | "))
	for _, row := range rows {
		cells := make([]string, len(cols))
		for i := range cols {
			if i < len(row) {
				cells[i] = mdEscape(row[i].Text)
			}
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	b.WriteString("\n")
}

// mdEscape keeps a name such as "Sam_*Taylor*" or "A|B" from turning into
// emphasis or a new table column.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range CleanText(s, false) {
		if strings.ContainsRune("\\`*_[]<>|#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CSV is the report as spreadsheet-safe CSV (CSVWriter): each table's
// heading row and its rows, dates YYYY-MM-DD (said in the heading). A
// report of several tables puts each under a row with its title and a
// blank row between them; one of a single table is that table alone,
// ready for a machine to read.
func (r Report) CSV() []byte {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	var tables []Section
	for _, s := range r.Sections {
		if len(s.Columns) > 0 {
			tables = append(tables, s)
		}
	}
	for i, s := range tables {
		if len(tables) > 1 {
			if i > 0 {
				w.Write([]string{})
			}
			w.Write([]string{s.Title})
		}
		heads := make([]string, len(s.Columns))
		for j, c := range s.Columns {
			heads[j] = c.CSVHead()
		}
		w.Write(heads)
		for _, row := range s.Rows {
			cells := make([]string, len(s.Columns))
			for j := range cells {
				if j < len(row) {
					cells[j] = row[j].Machine()
				}
			}
			w.Write(cells)
		}
		if len(s.Rows) == 0 && s.Empty != "" && len(tables) > 1 {
			w.Write([]string{s.Empty})
		}
	}
	w.Flush() // a bytes.Buffer does not fail
	return b.Bytes()
}
