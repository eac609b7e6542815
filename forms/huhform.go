package forms

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// page is one huh group being built: a section, or one row of a table.
type page struct {
	title  string
	help   string
	fields []huh.Field
	inputs int
	hide   func() bool
}

// build makes the huh form: a page per section, a page per table row
// (later rows appear once the row before has something in it), the seed's
// notes shown with the questions that follow them.
func (d *Draft) build(school model.School) *huh.Form {
	var pages []page
	cur := page{}
	flush := func(title string) {
		if cur.inputs == 0 {
			return // notes wait for the next page with a question
		}
		if title == "" && len(pages) == 0 {
			title = d.Template.Title
		}
		cur.title = title
		pages = append(pages, cur)
		cur = page{}
	}
	for _, s := range d.Template.Sections {
		for i := range s.Fields {
			f := &s.Fields[i]
			switch f.Kind {
			case Heading, Note:
				if d.Template.Letter {
					continue // the letter's paragraphs print around these answers
				}
				cur.fields = append(cur.fields, huh.NewNote().Title(f.Title).Description(f.Text))
			case Timetable:
				cur.fields = append(cur.fields, huh.NewNote().Title(f.Title).Description(d.timetableNote(school)))
			case Rows:
				flush(s.Title)
				pages = append(pages, d.rowPages(f, cur.fields)...)
				cur = page{}
			default:
				for _, in := range f.inputs() {
					cur.fields = append(cur.fields, d.huhField(in))
					cur.inputs++
				}
			}
		}
		flush(s.Title)
	}
	if len(cur.fields) > 0 && len(pages) > 0 {
		last := &pages[len(pages)-1]
		last.fields = append(last.fields, cur.fields...)
	}
	groups := make([]*huh.Group, len(pages))
	for i, p := range pages {
		if d.accessible && p.title != "" {
			// huh's plain prompts do not print a page's title: say it, so a
			// screen reader hears which part of the form it is in.
			p.fields = append([]huh.Field{huh.NewNote().Title(p.title).Description(p.help)}, p.fields...)
		}
		groups[i] = huh.NewGroup(p.fields...).Title(p.title).Description(p.help)
		if p.hide != nil {
			groups[i] = groups[i].WithHideFunc(p.hide)
		}
	}
	return huh.NewForm(groups...).WithAccessible(d.accessible).WithShowHelp(true)
}

// rowPages makes a page per row of a table. In accessible mode, where huh
// asks every question in turn, a free table offers the rows filled and two
// more rather than all of them.
func (d *Draft) rowPages(f *Field, notes []huh.Field) []page {
	ins := f.inputs()
	rows := f.rowCount()
	if d.accessible && len(f.RowTitles) == 0 {
		rows = min(rows, d.filledRows(f, ins)+2)
	}
	var pages []page
	for r := range rows {
		p := page{title: rowTitle(f, r), help: f.Help}
		if r == 0 {
			p.fields = append(p.fields, notes...)
		}
		for _, in := range ins {
			if in.row == r {
				p.fields = append(p.fields, d.huhField(in))
				p.inputs++
			}
		}
		if r > 0 && len(f.RowTitles) == 0 && !d.accessible {
			p.hide = func() bool { return d.rowEmpty(ins, r-1) && d.rowEmpty(ins, r) }
		}
		pages = append(pages, p)
	}
	return pages
}

func rowTitle(f *Field, r int) string {
	if r < len(f.RowTitles) {
		return label(f.Title) + ": " + f.RowTitles[r]
	}
	return fmt.Sprintf("%s (row %d of %d)", label(f.Title), r+1, f.rowCount())
}

func (d *Draft) rowEmpty(ins []input, row int) bool {
	for _, in := range ins {
		if in.row == row && strings.TrimSpace(*d.text[in.key]) != "" {
			return false
		}
	}
	return true
}

func (d *Draft) filledRows(f *Field, ins []input) int {
	n := 0
	for r := range f.rowCount() {
		if !d.rowEmpty(ins, r) {
			n = r + 1
		}
	}
	return n
}

// huhField is the huh field for one input.
func (d *Draft) huhField(in input) huh.Field {
	title, desc := in.title, ""
	if in.key == in.field.inputs()[0].key && in.field.Kind != Rows {
		desc = in.field.Help // once, on a field's first part; a table's page carries its own
	}
	validate := d.validator(in)
	switch in.kind {
	case LongText:
		return huh.NewText().Key(in.key).Title(title).Description(desc).Lines(4).
			Value(d.text[in.key]).Validate(validate)
	case YesNo, Choice, Rating:
		s := huh.NewSelect[string]().Key(in.key).Title(title).Description(desc).
			Options(selectOptions(in)...).Value(d.text[in.key]).Validate(validate)
		return s.Inline(in.kind == YesNo && !d.accessible)
	case MultiChoice:
		return huh.NewMultiSelect[string]().Key(in.key).Title(title).Description(desc).
			Options(multiOptions(in)...).Value(d.multi[in.key]).
			Validate(func(v []string) error { return validate(strings.Join(v, "\n")) })
	case Date:
		desc = strings.TrimSpace(desc + "\nDD/MM/YYYY, for example 02/11/2026")
		if d.accessible {
			title += " (DD/MM/YYYY)"
		}
		return huh.NewInput().Key(in.key).Title(title).Description(desc).Placeholder("DD/MM/YYYY").
			Value(d.text[in.key]).Validate(validate)
	}
	return huh.NewInput().Key(in.key).Title(title).Description(desc).Value(d.text[in.key]).Validate(validate)
}

// notAnswered is the first option of every select: an answer is never
// picked for the user by passing through.
const notAnswered = "Not answered"

func selectOptions(in input) []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption(notAnswered, "")}
	if in.kind == YesNo {
		labels := yesNoLabels(in.options)
		return append(opts, huh.NewOption(labels[0], "yes"), huh.NewOption(labels[1], "no"))
	}
	for i, o := range in.options {
		opts = append(opts, huh.NewOption(o, optionValue(in.options, in.values, i)))
	}
	return opts
}

func multiOptions(in input) []huh.Option[string] {
	var opts []huh.Option[string]
	for i, o := range in.options {
		opts = append(opts, huh.NewOption(o, optionValue(in.options, in.values, i)))
	}
	return opts
}

// validator checks one input as the template's Problems would, so the
// form, accessible prompts and Problems agree: a blank passes (the form is
// then kept as a draft, Finish), an answer that does not read or fit is
// refused with what to type. In accessible mode an empty answer keeps the
// value shown, as huh does.
func (d *Draft) validator(in input) func(string) error {
	return func(s string) error {
		if s == "" && d.accessible && (in.kind == ShortText || in.kind == LongText || in.kind == Date) {
			s = *d.text[in.key]
		}
		stored, err := in.parse(s)
		if err != nil {
			return FieldError{Field: in.label, Key: in.key, Message: err.Error()}
		}
		if stored == "" {
			return nil
		}
		fields := d.values()
		fields[in.key] = stored
		for _, chk := range d.Template.Checks {
			for _, fe := range chk(d.Template, Record{Fields: fields}, d.c) {
				if fe.Key == in.key {
					return fe
				}
			}
		}
		return nil
	}
}

// timetableNote shows the timetable the form will print, week by week.
func (d *Draft) timetableNote(school model.School) string {
	if len(d.weeks) == 0 {
		return "No timetable yet: plan the weeks on the Timetable screen; the form prints it as it stands when saved."
	}
	var b strings.Builder
	for _, g := range timetableGrid(d.weeks, d.c, school) {
		fmt.Fprintf(&b, "w/b %s: %s\n", g.week, g.time)
	}
	b.WriteString("The form prints this timetable as it stands when saved; change it on the Timetable screen.")
	return b.String()
}
