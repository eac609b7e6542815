package forms

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"reintegrate/model"
)

// A document is a form laid out for printing, the same for Markdown and
// PDF: the template's sections in order, each field as the seed draws it.
type document struct {
	title, school, footer string
	letter                bool // printed as the letter it is: no form heading
	blocks                []block
}

type blockKind int

const (
	bHeading blockKind = iota
	bPara              // seed text; lines starting "- " are bullets
	bPairs             // label | answer rows
	bChoice            // a title and tick boxes, one a line
	bTable             // a header and rows
	bSigns             // signature and date lines
	bGrid              // the am/pm timetable
)

type block struct {
	kind   blockKind
	text   string
	pairs  []pair
	ticks  []tick
	head   []string
	rows   [][]string
	signs  []sign
	grid   []gridRow
	widths []float64 // bTable: shares of the width
	lines  int       // bTable: lines of space a row leaves to write in
}

type pair struct {
	label, value string
	lines        int // lines of space to leave when blank
}

type tick struct {
	label string
	on    bool
}

// sign is one signatory: a label, then its parts in the seed's order
// (name, date and a line to sign, or as the seed's columns give them).
type sign struct {
	label string
	parts []signPart
}

type signPart struct {
	label, value string
	line         bool // a line to sign on paper
}

const (
	boxOn  = "☒"
	boxOff = "☐"
)

func box(on bool) string {
	if on {
		return boxOn
	}
	return boxOff
}

// layout builds the document of a record.
func layout(t *Template, rec model.FormRecord, c model.Case, school model.School) document {
	r := Record{Fields: printedValues(t, rec, c, school)}
	doc := document{title: t.Title, school: school.Name, footer: footer(t, rec), letter: t.Letter}
	if t.Letter {
		doc.footer = "" // the letter goes to the family: no form reference
	}
	var blocks []block
	for _, s := range t.Sections {
		if s.Title != "" {
			blocks = append(blocks, block{kind: bHeading, text: s.Title})
		}
		for i := range s.Fields {
			blocks = appendField(blocks, t, &s.Fields[i], r, c, school)
		}
	}
	doc.blocks = blocks
	return doc
}

// printedValues are the record's values, with the case's own for every
// field the record does not hold at all: a form never filled in (printed
// blank to fill by hand at the meeting), or a record from an older
// version or a case file, still prints the pupil's name, the dates and
// the school the case knows. A field the record holds, even blank, prints
// as recorded: a completed form is not rewritten by later changes.
func printedValues(t *Template, rec model.FormRecord, c model.Case, school model.School) map[string]string {
	fields := map[string]string{}
	for _, f := range t.Fields() {
		// Only case data: a default offered for editing (the letter's
		// support list) is not the case's, and a blank prints the seed's.
		if b := f.Bind; b != nil && b.Case != "" && b.Fill != nil && !holds(rec.Fields, f.Key) {
			b.Fill(c, school, Value{Field: f, rec: Record{Fields: fields}})
		}
	}
	for k, v := range rec.Fields {
		fields[k] = v
	}
	return fields
}

// holds reports whether fields has the key, or a part of it, at all.
func holds(fields map[string]string, key string) bool {
	for k := range fields {
		if partOf(k, key) {
			return true
		}
	}
	return false
}

// partOf reports whether k is the field key or one of its parts
// ("plan" holds "plan" and "plan.0.action", not "planned").
func partOf(k, key string) bool { return k == key || strings.HasPrefix(k, key+".") }

func footer(t *Template, rec model.FormRecord) string {
	s := t.ID
	if rec.Version > 0 {
		s += " version " + strconv.Itoa(rec.Version)
	}
	if rec.Completed.IsZero() {
		return s + " · not yet completed"
	}
	return s + " · completed " + rec.Completed.UK()
}

// appendField adds a field to the blocks, joining it to the last block
// when the seed draws them as one table (answers, ratings, people,
// signatures).
func appendField(blocks []block, t *Template, f *Field, r Record, c model.Case, school model.School) []block {
	last := func(k blockKind) *block {
		if n := len(blocks); n > 0 && blocks[n-1].kind == k {
			return &blocks[n-1]
		}
		blocks = append(blocks, block{kind: k})
		return &blocks[len(blocks)-1]
	}
	switch {
	case f.Kind == Heading:
		return append(blocks, block{kind: bHeading, text: f.Title})
	case f.Kind == Note:
		return appendNote(blocks, t, f, r)
	case t.Letter && f.Kind != Signature:
		return blocks // a letter prints its fields in its paragraphs' blanks
	case f.Kind == Timetable:
		weeks := decodeTimetable(r.Fields)
		if len(weeks) == 0 {
			weeks = c.Timetable
		}
		return append(blocks, block{kind: bGrid, text: f.Title, grid: timetableGrid(weeks, c, school)})
	case f.Kind == Choice || f.Kind == MultiChoice:
		return append(blocks, choiceBlock(f, r))
	case f.Kind == Rating:
		b := last(bTable)
		if b.head == nil {
			b.head = append([]string{""}, f.Options...)
			b.widths = ratingWidths(len(f.Options))
		}
		b.rows = append(b.rows, ratingRow(f, r))
	case f.Kind == Person:
		b := last(bTable)
		if b.head == nil {
			b.head = []string{"", "Name", "Role", "Attended? (Y/N)"}
			b.widths = []float64{3, 3, 3, 1.6}
		}
		b.rows = append(b.rows, personRow(f, r))
	case f.Kind == Signature:
		b := last(bSigns)
		b.signs = append(b.signs, signOf(f, r))
	case f.Kind == Rows:
		return append(blocks, rowsBlock(f, r))
	default:
		b := last(bPairs)
		b.pairs = append(b.pairs, pairOf(f, r))
	}
	return blocks
}

func appendNote(blocks []block, t *Template, f *Field, r Record) []block {
	text := strings.TrimSpace(f.Title + "\n" + f.Text)
	if t.Letter {
		text = fillBlanks(t, text, r)
	}
	blocks = append(blocks, block{kind: bPara, text: text})
	if len(f.Table) > 0 {
		blocks = append(blocks, block{kind: bTable, head: f.Table[0], rows: f.Table[1:]})
	}
	return blocks
}

// fillBlanks puts each {key} field's value in a letter's paragraph, or the
// seed's own placeholder wording (the field's Sample, else its title)
// while it is blank.
func fillBlanks(t *Template, text string, r Record) string {
	for _, f := range t.Fields() {
		blank := "{" + f.Key + "}"
		if !strings.Contains(text, blank) {
			continue
		}
		value := displayField(f, r)
		if value == "" {
			value = cmp.Or(f.Sample, f.Title)
		}
		text = strings.ReplaceAll(text, blank, value)
	}
	return text
}

// displayField is a plain field's value as printed.
func displayField(f *Field, r Record) string {
	ins := f.inputs()
	if len(ins) == 0 {
		return ""
	}
	s := ins[0].display(r.Get(ins[0].key))
	if f.Kind == Date && f.WithTime && r.Get(f.Key+".time") != "" {
		s += " at " + r.Get(f.Key+".time")
	}
	if f.Kind == YesNo {
		labels := yesNoLabels(f.Options)
		v := r.Get(f.Key)
		return box(v == "yes") + " " + labels[0] + "   " + box(v == "no") + " " + labels[1]
	}
	return s
}

func pairOf(f *Field, r Record) pair {
	lines := 1
	if f.Kind == LongText {
		lines = max(f.Lines, 3)
	}
	return pair{label: f.Title, value: displayField(f, r), lines: lines}
}

func choiceBlock(f *Field, r Record) block {
	b := block{kind: bChoice, text: f.Title}
	chosen := strings.Split(r.Get(f.Key), "\n")
	for i, o := range f.Options {
		v := optionValue(f.Options, f.Values, i)
		on := false
		for _, c := range chosen {
			on = on || c == v
		}
		b.ticks = append(b.ticks, tick{label: o, on: on})
	}
	return b
}

func ratingWidths(n int) []float64 {
	w := []float64{2}
	for range n {
		w = append(w, 1)
	}
	return w
}

func ratingRow(f *Field, r Record) []string {
	row := []string{f.Title}
	for i := range f.Options {
		row = append(row, box(r.Get(f.Key) == optionValue(f.Options, f.Values, i)))
	}
	return row
}

func personRow(f *Field, r Record) []string {
	att := r.Get(f.Key + ".attended")
	return []string{f.Title, r.Get(f.Key + ".name"), r.Get(f.Key + ".role"),
		box(att == "yes") + " Y  " + box(att == "no") + " N"}
}

func signOf(f *Field, r Record) sign {
	s := sign{label: f.Title}
	cols := f.Columns
	if len(cols) == 0 {
		cols = []Column{col("name", "Name:"), dateCol("date", "Date:"), signCol("Signature:")}
	}
	for _, c := range cols {
		switch c.Key {
		case "name":
			s.parts = append(s.parts, signPart{label: c.Title, value: r.Get(f.Key + ".name")})
		case "date":
			d, _ := r.Date(f.Key)
			s.parts = append(s.parts, signPart{label: c.Title, value: d.UK()})
		case "signature":
			s.parts = append(s.parts, signPart{label: c.Title, line: true})
		}
	}
	if len(s.parts) > 0 && s.parts[0].label == s.label {
		s.label = "" // "Name of parent:" is its own label
	}
	return s
}

// printedRows is how many rows of a free table print: those filled, and
// at least the seed's numbered rows (up to six) to write in by hand.
func printedRows(f *Field, r Record) int {
	if len(f.RowTitles) > 0 {
		return len(f.RowTitles)
	}
	n := min(f.rowCount(), defaultRows)
	for row := range f.rowCount() {
		for _, c := range f.Columns {
			if r.Get(fmt.Sprintf("%s.%d.%s", f.Key, row, c.Key)) != "" {
				n = max(n, row+1)
			}
		}
	}
	return n
}

func rowsBlock(f *Field, r Record) block {
	b := block{kind: bTable, text: f.Title, lines: 1}
	b.head = []string{""}
	b.widths = []float64{0.5}
	if len(f.RowTitles) > 0 {
		b.widths[0] = 2
	}
	for _, c := range f.Columns {
		b.head = append(b.head, c.Title)
		b.widths = append(b.widths, cmpWidth(c.Width))
		if c.Kind == LongText || c.Kind == Signature {
			b.lines = 2 // room to write by hand
		}
	}
	byKey := map[string]input{}
	for _, in := range f.inputs() {
		byKey[in.key] = in
	}
	for row := range printedRows(f, r) {
		cells := []string{strconv.Itoa(row+1) + "."}
		if row < len(f.RowTitles) {
			cells[0] = f.RowTitles[row]
		}
		for _, c := range f.Columns {
			key := fmt.Sprintf("%s.%d.%s", f.Key, row, c.Key)
			cells = append(cells, byKey[key].display(r.Get(key)))
		}
		b.rows = append(b.rows, cells)
	}
	return b
}

func cmpWidth(w float64) float64 {
	if w <= 0 {
		return 1
	}
	return w
}
