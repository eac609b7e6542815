package forms

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"reintegrate/model"
)

// Markdown prints a form record as Markdown in the template's layout: the
// school's name, the seed's sections, tables and tick boxes, and signature
// and date lines. Dates are DD/MM/YYYY.
func Markdown(t *Template, rec model.FormRecord, c model.Case, school model.School) []byte {
	var b bytes.Buffer
	writeMarkdown(&b, layout(t, rec, c, school))
	return b.Bytes()
}

// CasePackMarkdown prints every completed form of the case, in protocol
// order, one after another.
func CasePackMarkdown(c model.Case, school model.School) []byte {
	var b bytes.Buffer
	for i, p := range casePack(c) {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		writeMarkdown(&b, layout(p.t, p.rec, c, school))
	}
	return b.Bytes()
}

func writeMarkdown(b *bytes.Buffer, doc document) {
	if doc.school != "" {
		fmt.Fprintf(b, "**%s**\n\n", mdEscape(doc.school))
	}
	if !doc.letter {
		fmt.Fprintf(b, "# %s\n\n", mdEscape(doc.title))
	}
	for _, bl := range doc.blocks {
		writeMarkdownBlock(b, bl)
	}
	if doc.footer != "" {
		fmt.Fprintf(b, "_%s_\n", mdEscape(doc.footer))
	}
}

func writeMarkdownBlock(b *bytes.Buffer, bl block) {
	switch bl.kind {
	case bHeading:
		fmt.Fprintf(b, "## %s\n\n", mdEscape(bl.text))
	case bPara:
		writeMarkdownPara(b, bl.text)
	case bPairs:
		b.WriteString("| | |\n| --- | --- |\n")
		for _, p := range bl.pairs {
			fmt.Fprintf(b, "| **%s** | %s |\n", mdCell(p.label), mdCell(p.value))
		}
		b.WriteString("\n")
	case bChoice:
		fmt.Fprintf(b, "**%s**\n\n", mdEscape(bl.text))
		for _, t := range bl.ticks {
			fmt.Fprintf(b, "- %s %s\n", box(t.on), mdEscape(t.label))
		}
		b.WriteString("\n")
	case bTable:
		if bl.text != "" {
			fmt.Fprintf(b, "**%s**\n\n", mdEscape(bl.text))
		}
		writeMarkdownTable(b, bl.head, bl.rows)
	case bSigns:
		for _, s := range bl.signs {
			writeMarkdownSign(b, s)
		}
		b.WriteString("\n")
	case bGrid:
		writeMarkdownGrid(b, bl)
	}
}

func writeMarkdownPara(b *bytes.Buffer, text string) {
	bullets := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "- "):
			fmt.Fprintf(b, "- %s\n", mdEscape(strings.TrimPrefix(line, "- ")))
			bullets = true
		default:
			if bullets {
				b.WriteString("\n")
				bullets = false
			}
			fmt.Fprintf(b, "%s\n\n", mdEscape(line))
		}
	}
	if bullets {
		b.WriteString("\n")
	}
}

func writeMarkdownTable(b *bytes.Buffer, head []string, rows [][]string) {
	b.WriteString("|")
	for _, h := range head {
		fmt.Fprintf(b, " %s |", mdCell(h))
	}
	b.WriteString("\n|")
	for range head {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, row := range rows {
		b.WriteString("|")
		for _, cell := range row {
			fmt.Fprintf(b, " %s |", mdCell(cell))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

const signLine = "____________________"

func writeMarkdownSign(b *bytes.Buffer, s sign) {
	var parts []string
	if s.label != "" {
		parts = append(parts, "**"+mdEscape(s.label)+"**")
	}
	for _, p := range s.parts {
		value := cmp.Or(mdEscape(p.value), signLine)
		if p.line {
			value = signLine
		}
		parts = append(parts, mdEscape(p.label)+" "+value)
	}
	b.WriteString(strings.Join(parts, " · ") + "  \n")
}

func writeMarkdownGrid(b *bytes.Buffer, bl block) {
	if bl.text != "" {
		fmt.Fprintf(b, "**%s**\n\n", mdEscape(bl.text))
	}
	head := []string{"Week beginning:"}
	for _, d := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"} {
		head = append(head, d+" am", d+" pm")
	}
	head = append(head, "Time in Education")
	var rows [][]string
	for _, g := range bl.grid {
		rows = append(rows, append(append([]string{g.week}, g.cells[:]...), g.time))
	}
	if len(rows) == 0 {
		rows = [][]string{make([]string, len(head))}
	}
	writeMarkdownTable(b, head, rows)
	fmt.Fprintf(b, "_%s_\n\n", mdEscape(gridKey))
}

// mdEscape keeps typed text from turning into Markdown: emphasis, links,
// HTML, headings and table bars are written as the characters typed.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdCell is text fit for one table cell: escaped, lines joined with <br>.
func mdCell(s string) string {
	return strings.ReplaceAll(mdEscape(strings.TrimSpace(s)), "\n", "<br>")
}
