package forms

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"reintegrate/model"
)

// Record reads a form record's values by key (see the package comment).
type Record struct {
	Fields map[string]string
}

// Get is the value under the key, or "".
func (r Record) Get(key string) string { return r.Fields[key] }

// Date is the value under the key as a date; ok is false when it is empty
// or not a date.
func (r Record) Date(key string) (model.Date, bool) {
	s := r.Fields[key]
	if s == "" {
		return model.Date{}, false
	}
	d, err := model.ParseDate(s)
	return d, err == nil
}

// Value is one field's part of a record, as a Binding reads and fills it:
// Get("") is the plain value, Get("name") the key's "name" part,
// Get("0.action") a table cell.
type Value struct {
	Field *Field
	rec   Record
}

func (v Value) key(part string) string {
	if part == "" {
		return v.Field.Key
	}
	return v.Field.Key + "." + part
}

// Get is the part's stored value.
func (v Value) Get(part string) string { return v.rec.Fields[v.key(part)] }

// Date is the part as a date (zero when empty or not a date).
func (v Value) Date(part string) model.Date {
	d, _ := v.rec.Date(v.key(part))
	return d
}

// Set stores a part's value (cleaned; empty removes it).
func (v Value) Set(part, s string) {
	s = Clean(s, true)
	if s == "" {
		delete(v.rec.Fields, v.key(part))
		return
	}
	v.rec.Fields[v.key(part)] = s
}

// Other reads another field of the same record by its key.
func (v Value) Other(key string) string { return v.rec.Fields[key] }

// input is one thing a person types or picks: a plain field, or one part of
// a person, a signature or a table row.
type input struct {
	key      string
	field    *Field
	kind     FieldKind
	title    string // as the form shows it
	label    string // as messages name it
	options  []string
	values   []string
	required bool
	row      int // the table row, or -1
}

// defaultRows is how many rows a free table offers when the seed does not
// number them.
const defaultRows = 6

// rowCount is how many rows a Rows field has.
func (f *Field) rowCount() int {
	switch {
	case len(f.RowTitles) > 0:
		return len(f.RowTitles)
	case f.MaxRows > 0:
		return f.MaxRows
	}
	return defaultRows
}

// part finds a Person or Signature part's title, renamed by Columns.
func (f *Field) part(key, fallback string) (string, bool) {
	if len(f.Columns) == 0 {
		return fallback, true
	}
	for _, c := range f.Columns {
		if c.Key == key {
			return c.Title, true
		}
	}
	return "", false
}

// inputs lists the field's inputs in order.
func (f *Field) inputs() []input {
	one := func(key, title, lbl string, kind FieldKind, req bool) input {
		return input{key: key, field: f, kind: kind, title: title, label: lbl, required: req, row: -1}
	}
	name := label(f.Title)
	partTitle := func(t string) string {
		if label(t) == name {
			return name // "Name of parent:" names its own name part
		}
		return name + ": " + label(t)
	}
	switch f.Kind {
	case Heading, Note, Timetable:
		return nil
	case Person:
		var out []input
		for _, p := range []struct {
			key, title string
			kind       FieldKind
		}{{"name", "Name", ShortText}, {"role", "Role", ShortText}, {"attended", "Attended? (Y/N)", YesNo}} {
			if t, ok := f.part(p.key, p.title); ok {
				out = append(out, one(f.Key+"."+p.key, partTitle(t), name+", "+strings.ToLower(label(t)), p.kind, f.Required && p.key == "name"))
			}
		}
		return out
	case Signature:
		// The plain key holds the date signed (model.FieldParentSigned and
		// the like), or "yes" where the seed has no date line.
		var out []input
		if t, ok := f.part("name", "Name"); ok {
			out = append(out, one(f.Key+".name", partTitle(t), name+", name", ShortText, f.Required))
		}
		if t, ok := f.part("date", "Date"); ok {
			out = append(out, one(f.Key, name+": "+label(t)+" signed", name+", date signed", Date, f.Required))
		} else {
			out = append(out, one(f.Key, name+": signed?", name+", signed", YesNo, f.Required))
		}
		return out
	case Rows:
		return f.rowInputs()
	}
	in := one(f.Key, f.Title, name, f.Kind, f.Required)
	in.options, in.values = f.Options, f.Values
	out := []input{in}
	if f.Kind == Date && f.WithTime {
		out = append(out, one(f.Key+".time", name+": time", name+", time", ShortText, false))
	}
	return out
}

func (f *Field) rowInputs() []input {
	var out []input
	for r := range f.rowCount() {
		rowName := fmt.Sprintf("%s, row %d", label(f.Title), r+1)
		if r < len(f.RowTitles) {
			rowName = label(f.Title) + ", " + label(f.RowTitles[r])
		}
		if label(f.Title) == "" {
			rowName = strings.TrimPrefix(rowName, ", ")
		}
		for ci, c := range f.Columns {
			if c.Kind == Signature {
				continue // a line to sign on paper
			}
			out = append(out, input{key: fmt.Sprintf("%s.%d.%s", f.Key, r, c.Key), field: f, kind: c.Kind,
				title: label(c.Title), label: rowName + ", " + strings.ToLower(label(c.Title)),
				options: c.Options, required: f.Required && r == 0 && ci == 0, row: r})
		}
	}
	return out
}

// yesNoLabels are the words a yes/no field shows: the seed's own ("YES",
// "NO", "Y/N") when Options give them.
func yesNoLabels(options []string) [2]string {
	if len(options) == 2 {
		return [2]string{options[0], options[1]}
	}
	return [2]string{"Yes", "No"}
}

// parse turns what a person typed or picked into the stored value, or says
// what to type instead.
func (in input) parse(s string) (string, error) {
	if err := model.CheckLength("", s, model.MaxNoteLength); err != nil {
		return "", errors.New("the text " + err.Error())
	}
	switch in.kind {
	case LongText:
		if in.field != nil && in.field.DatedLines {
			return parseDatedLines(s)
		}
		return Clean(s, true), nil
	case Date:
		return parseDate(s)
	case YesNo:
		return parseYesNo(s, in.options)
	case Choice, Rating:
		return parseChoice(s, in.options, in.values)
	case MultiChoice:
		return parseMulti(s, in.options, in.values)
	}
	return Clean(s, false), nil
}

const dateHint = "type a date as DD/MM/YYYY, for example 02/11/2026"

func parseDate(s string) (string, error) {
	s = Clean(s, false)
	if s == "" {
		return "", nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date: %s", s, dateHint)
	}
	if d.Year() < 1900 || d.Year() > 2199 {
		return "", fmt.Errorf("%q is not a likely date: %s", s, dateHint)
	}
	return d.String(), nil
}

// parseDatedLines reads a log of one entry a line, each starting with its
// date; the dates are written DD/MM/YYYY.
func parseDatedLines(s string) (string, error) {
	var out []string
	for i, line := range strings.Split(Clean(s, true), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		first, rest, _ := strings.Cut(line, " ")
		d, err := parseDate(first)
		if err != nil || d == "" {
			return "", fmt.Errorf("line %d does not start with a date: start each line with the date of the contact, for example \"04/11/2026 phone call with form tutor\"", i+1)
		}
		date, _ := model.ParseDate(d)
		out = append(out, strings.TrimSpace(date.UK()+" "+strings.TrimSpace(rest)))
	}
	return strings.Join(out, "\n"), nil
}

func parseYesNo(s string, options []string) (string, error) {
	s = strings.ToLower(Clean(s, false))
	labels := yesNoLabels(options)
	switch {
	case s == "":
		return "", nil
	case s == "y" || s == "yes" || s == "true" || s == strings.ToLower(labels[0]):
		return "yes", nil
	case s == "n" || s == "no" || s == "false" || s == strings.ToLower(labels[1]):
		return "no", nil
	}
	return "", fmt.Errorf("%q is not an answer: type %s or %s", s, labels[0], labels[1])
}

// optionValue is the stored value of option i.
func optionValue(options, values []string, i int) string {
	if i < len(values) {
		return values[i]
	}
	return options[i]
}

func parseChoice(s string, options, values []string) (string, error) {
	s = Clean(s, false)
	if s == "" {
		return "", nil
	}
	for i, o := range options {
		v := optionValue(options, values, i)
		if strings.EqualFold(s, o) || strings.EqualFold(s, v) || s == strconv.Itoa(i+1) {
			return v, nil
		}
	}
	return "", fmt.Errorf("%q is not one of the choices: %s", s, choose(options))
}

func choose(options []string) string {
	var b strings.Builder
	b.WriteString("choose ")
	for i, o := range options {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d (%s)", i+1, o)
	}
	return b.String()
}

// parseMulti reads the chosen options one per line, in the options' order.
func parseMulti(s string, options, values []string) (string, error) {
	chosen := make([]bool, len(options))
	for _, line := range strings.Split(Clean(s, true), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		v, err := parseChoice(line, options, values)
		if err != nil {
			return "", err
		}
		for i := range options {
			if optionValue(options, values, i) == v {
				chosen[i] = true
			}
		}
	}
	var out []string
	for i, ok := range chosen {
		if ok {
			out = append(out, optionValue(options, values, i))
		}
	}
	return strings.Join(out, "\n"), nil
}

// display is a stored value as the form shows it: dates DD/MM/YYYY,
// choices by their wording.
func (in input) display(stored string) string {
	switch in.kind {
	case Date:
		if d, err := model.ParseDate(stored); err == nil {
			return d.UK()
		}
	case YesNo:
		labels := yesNoLabels(in.options)
		switch stored {
		case "yes":
			return labels[0]
		case "no":
			return labels[1]
		}
	case Choice, Rating:
		for i, o := range in.options {
			if optionValue(in.options, in.values, i) == stored {
				return o
			}
		}
	case MultiChoice:
		var out []string
		for i, o := range in.options {
			if slices.Contains(strings.Split(stored, "\n"), optionValue(in.options, in.values, i)) {
				out = append(out, o)
			}
		}
		return strings.Join(out, "\n")
	}
	return stored
}

// allInputs lists every input of the template in order.
func (t *Template) allInputs() []input {
	var out []input
	for _, f := range t.Fields() {
		out = append(out, f.inputs()...)
	}
	return out
}
