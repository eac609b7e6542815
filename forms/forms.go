// Package forms holds every protocol template in the seeds (../shared/seeds)
// as one definition: its sections and fields in the seed's order, with the
// seed's own wording as titles. The huh form, the validation, the stored
// record, the case data a field fills and the printed document (Markdown and
// PDF) are all derived from that definition, so a field is listed once.
//
// # Record keys
//
// A completed form or a draft is kept as a model.FormRecord whose Fields
// map holds text only, under these keys:
//
//   - a plain field: its key ("meeting_date"), dates as YYYY-MM-DD, yes/no
//     as "yes" or "no", a choice or rating as the option's value, a
//     multi-choice as the chosen values one per line;
//   - a date with a time of day: "key" for the date and "key.time";
//   - a person: "key.name", "key.role", "key.attended" (yes/no);
//   - a signature: "key" the date signed (or "yes" where the seed has no
//     date line) and "key.name" who signs;
//   - a table of rows: "key.N.column", rows counted from 0
//     ("actions.0.action", "actions.0.by_when");
//   - the timetable as it stood when the form was saved:
//     "timetable.N.week" (the Monday, YYYY-MM-DD) and
//     "timetable.N.mon.am" ... "timetable.N.fri.pm" (see FormatSession).
//
// A blank answer is kept as "" (the rules read a present blank as "not
// given", see model/formkeys.go); blank table cells are left out. Every
// value is passed through Clean first.
package forms

import (
	"slices"
	"strings"
	"sync"

	"reintegrate/model"
)

// FieldKind is what sort of answer a field takes.
type FieldKind int

const (
	ShortText   FieldKind = iota // one line
	LongText                     // several lines
	Date                         // DD/MM/YYYY typed, YYYY-MM-DD stored
	YesNo                        // yes, no or not answered
	Choice                       // one of Options
	MultiChoice                  // any of Options ("tick all that apply")
	Rating                       // one of Options in a tick-box grid (Good/Satisfactory/Poor)
	Person                       // name, role and whether they attended
	Signature                    // name and date, with a line to sign on paper
	Rows                         // a repeating table with Columns
	Heading                      // seed text printed as a heading, no answer
	Note                         // seed text printed as is, no answer
	Timetable                    // the case's am/pm grid with its Time in Education column
)

var kindNames = []string{"short text", "long text", "date", "yes/no", "choice",
	"multi-choice", "rating", "person", "signature", "rows", "heading", "note", "timetable"}

func (k FieldKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Column is one column of a Rows field (or one part of a Person or
// Signature field, where it only renames the part: keys name, role,
// attended, date and signature).
type Column struct {
	Key, Title string
	Kind       FieldKind // ShortText, LongText, Date, YesNo, Choice or Signature (a line to sign)
	Options    []string
	Width      float64 // share of the printed width; 0 shares equally
}

// Field is one question of a template.
type Field struct {
	Key     string
	Title   string // the seed's own wording
	Kind    FieldKind
	Options []string // Choice, MultiChoice, Rating (and YesNo labels when not Yes/No)
	Values  []string // stored value of each option; the option's wording when nil
	Columns []Column // Rows; renamed parts of Person and Signature
	// Required fields must be filled before the form counts as completed
	// (a Timetable, planned for at least a week):
	// until then it is kept as a draft (completion.go). Each template marks
	// the seed's musts and what its rules read (dates, signatures, the
	// consent choice, the contents a plan details).
	Required bool
	// Dates marks the field whose date is the form's own: the meeting's,
	// or the signature's where the form is a consent. A completed record is
	// dated by it, not by the day it was typed.
	Dates bool
	Help  string // shown under the title in the form, never printed
	// Hint says what to type when the field is needed and blank, where the
	// title does not read as what to type ("type your name").
	Hint string

	// Text is printed as is: the body of a Note, or a seed paragraph
	// around a letter's blanks, where {key} stands for a field's value.
	Text string
	// Table is a fixed seed table printed under a Note (first row the header).
	Table [][]string
	// RowTitles label a Rows table's fixed rows (one row each); MaxRows
	// bounds a free table (the seed's numbered rows).
	RowTitles []string
	MaxRows   int
	WithTime  bool // a Date that also takes a time of day ("start date and time")
	// DatedLines makes a LongText a log: each line starts with its date
	// (model.FieldContactLog).
	DatedLines bool
	Lines      int // LongText: lines of space to print when blank
	// Sample is what a letter prints in the field's blank while it is
	// empty: the seed's own sample wording (its title when "").
	Sample string
	Bind   *Binding
	// NeededWhen makes a field required for some cases only (the Oxfordshire
	// meeting's attendees by flag); the reason is said in the message.
	NeededWhen func(c model.Case) (why string, needed bool)
}

// Section is a titled part of a template, as the seed lays it out.
type Section struct {
	Title  string
	Fields []Field
}

// Check is a template's own validation across fields.
type Check func(t *Template, r Record, c model.Case) []FieldError

// Template is one protocol form.
type Template struct {
	ID       string
	Title    string // the seed's heading
	Pack     model.Pack
	Source   string       // seed file and section
	Kinds    []model.Kind // the case kinds it serves
	Sections []Section
	Checks   []Check
	// Letter prints the template as a letter: Notes are paragraphs with the
	// fields' values in their {key} blanks, other fields are not listed.
	Letter bool
	// Repeats marks a form filled again and again (a review meeting, the
	// child's views before each review), so every completed record prints.
	Repeats bool
}

// FieldError is one problem with a form, in the user's terms: the field's
// title and what to type.
type FieldError struct {
	Field   string // the field's title as the form shows it
	Key     string // the record key, so a form can point at the input
	Message string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// Templates lists every template in protocol order: Worcestershire, Bath
// and Wells, Oxfordshire, Havering, Hillingdon (DESIGN.md, The forms).
func Templates() []*Template {
	return slices.Clone(all())
}

// all is every template, built at first use rather than at start-up
// (where it was the longest package initialisation: a short command such
// as `today` never opens a form).
var all = sync.OnceValue(func() []*Template {
	return []*Template{newWorcsConsent(), newWorcsInformation(), newWorcsViews(), newWorcsInitialMeeting(), newWorcsReview(), newWorcsOutcomeSuccessful(), newWorcsOutcomeUnsuccessful(), newWorcsFailedLetter(), newWorcsTimetable(), newBwmatPlan(), newBwmatRiskAssessment(), newOxonPlan(), newHaveringPlan(), newHillingdonPlacement()}
})

// Lookup finds a template by its ID.
func Lookup(id string) (*Template, bool) {
	for _, t := range all() {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

// ForCase lists the templates for the case's kind from the packs that are
// on, in protocol order.
func ForCase(c model.Case, packs model.Packs) []*Template {
	var out []*Template
	for _, t := range all() {
		if packs.Enabled(t.Pack) && slices.Contains(t.Kinds, c.Kind) {
			out = append(out, t)
		}
	}
	return out
}

// Fields lists the template's fields in order, across sections.
func (t *Template) Fields() []*Field {
	var out []*Field
	for si := range t.Sections {
		for fi := range t.Sections[si].Fields {
			out = append(out, &t.Sections[si].Fields[fi])
		}
	}
	return out
}

// Field finds a field by its key.
func (t *Template) Field(key string) (*Field, bool) {
	for _, f := range t.Fields() {
		if f.Key == key {
			return f, true
		}
	}
	return nil, false
}

// label is a field's title shortened for messages: up to its first colon
// when more follows ("End date of timetable: Pupil should return..."),
// unless what follows is in brackets, with a trailing colon dropped.
func label(title string) string {
	title = strings.TrimSpace(title)
	if i := strings.Index(title, ":"); i > 0 && i < len(title)-1 {
		rest := strings.TrimSpace(title[i+1:])
		if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
			return title[:i] + " " + rest // "Review Meeting Dates (within 2 weeks of the start date)"
		}
		title = title[:i]
	}
	return strings.TrimSuffix(strings.TrimSpace(title), ":")
}

// answers reports whether the kind takes an answer (Headings, Notes and the
// timetable do not: the timetable is edited on the timetable grid).
func (k FieldKind) answers() bool {
	return k != Heading && k != Note && k != Timetable
}
