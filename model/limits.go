package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what one record may hold. Each is far beyond anything a school
// writes (README, "Limits", says why each number), so a real record never
// meets one; they are there so that a pasted novel, a runaway script or a
// hostile file is refused at once, with the field and the limit named,
// rather than taking minutes and hundreds of megabytes in every command
// that reads the case afterwards.
const (
	// MaxNameLength is the most characters a one-line field holds: a
	// person's name, a relationship, a UPN or URN as typed, a form's
	// template and each field's key, the school's name, a closure's name.
	MaxNameLength = 200
	// MaxNoteLength is the most characters a free-text field holds: notes,
	// reasons, the outcome, home learning, each value of a form.
	MaxNoteLength = 20_000
	// MaxCaseText is the most characters of text one case holds, all its
	// fields and forms together.
	MaxCaseText = 1_000_000
	// MaxWeeks is the most weeks one case's timetable plans.
	MaxWeeks = 104
	// MaxListItems is the most entries in each other list: a case's
	// involvement, notifications, extensions, reviews and forms, a case
	// file's earlier plans, the school's closures.
	MaxListItems = 500
	// MaxFormFields is the most fields one form record holds.
	MaxFormFields = 1_000
	// MaxCaseFileBytes is the largest case file read (8 MiB).
	MaxCaseFileBytes = 8 << 20
	// MaxPupilsCSVBytes is the largest pupils CSV read (32 MiB), and
	// MaxPupilsCSVRows the most pupils it may list.
	MaxPupilsCSVBytes = 32 << 20
	MaxPupilsCSVRows  = 50_000
)

// LimitError is a piece of text, a list or a file past its limit.
type LimitError struct {
	Field string // what is too long, in words: "review 3: notes"
	Unit  string // characters, weeks, entries, fields, bytes
	Limit int
	Got   int
}

// Error names the field, if it has one (a reader that names fields its own
// way, by a case file's JSON path, leaves it out).
func (e *LimitError) Error() string {
	if e.Field == "" {
		return e.problem()
	}
	return e.Field + " " + e.problem()
}

func (e *LimitError) problem() string {
	if e.Unit == "bytes" {
		return fmt.Sprintf("is %s: the most it may be is %s; %s", Size(e.Got), Size(e.Limit), e.advice())
	}
	return fmt.Sprintf("has %s %s: the most it may have is %s; %s", Thousands(e.Got), e.Unit, Thousands(e.Limit), e.advice())
}

func (e *LimitError) advice() string {
	switch e.Unit {
	case "characters":
		return "shorten it"
	case "bytes":
		return "check it is the file you meant"
	}
	return "remove the ones not needed"
}

// CheckLength refuses text longer than limit characters, naming the field.
func CheckLength(field, s string, limit int) error {
	if len(s) <= limit { // a character is at least one byte
		return nil
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return &LimitError{Field: field, Unit: "characters", Limit: limit, Got: n}
	}
	return nil
}

// CheckCount refuses a list of more than limit entries, naming it.
func CheckCount(field string, n, limit int, unit string) error {
	if n > limit {
		return &LimitError{Field: field, Unit: unit, Limit: limit, Got: n}
	}
	return nil
}

// CheckLimits refuses a pupil whose name or UPN is past its limit.
func (p Pupil) CheckLimits() error {
	if err := CheckLength("pupil's name", p.Name, MaxNameLength); err != nil {
		return err
	}
	if err := CheckLength("pupil's preferred name", p.PreferredName, MaxNameLength); err != nil {
		return err
	}
	return CheckLength("pupil's UPN", p.UPN, MaxNameLength)
}

// CheckLimits refuses a school profile past its limits.
func (s School) CheckLimits() error {
	for _, f := range []struct{ name, value string }{{"school name", s.Name}, {"URN", s.URN},
		{"local authority", s.LocalAuthority}, {"trust", s.Trust}} {
		if err := CheckLength(f.name, f.value, MaxNameLength); err != nil {
			return err
		}
	}
	if err := CheckCount("the school's closures", len(s.Closures), MaxListItems, "entries"); err != nil {
		return err
	}
	for i, cl := range s.Closures {
		if err := CheckLength(fmt.Sprintf("closure %d: name", i+1), cl.Name, MaxNameLength); err != nil {
			return err
		}
	}
	return nil
}

// CheckLimits refuses a case with a field, a list or its text as a whole
// past its limit, naming the first it finds.
func (c Case) CheckLimits() error {
	if err := c.Pupil.CheckLimits(); err != nil {
		return err
	}
	if err := c.checkCounts(); err != nil {
		return err
	}
	total := 0
	var err error
	c.eachText(func(field func() string, s string, limit int) bool {
		total += len(s)
		if len(s) > limit && utf8.RuneCountInString(s) > limit {
			err = &LimitError{Field: field(), Unit: "characters", Limit: limit, Got: utf8.RuneCountInString(s)}
		}
		return err == nil
	})
	if err != nil || total <= MaxCaseText { // bytes: never fewer than the characters
		return err
	}
	n := 0
	c.eachText(func(_ func() string, s string, _ int) bool { n += utf8.RuneCountInString(s); return true })
	return CheckCount("the case's text, all its fields and forms together,", n, MaxCaseText, "characters")
}

// checkCounts refuses a list past its limit.
func (c Case) checkCounts() error {
	counts := []struct {
		field    string
		n, limit int
		unit     string
	}{
		{"the timetable", len(c.Timetable), MaxWeeks, "weeks"},
		{"the involvement list", len(c.Involvement), MaxListItems, "entries"},
		{"the notifications", len(c.Notifications), MaxListItems, "entries"},
		{"the extensions", len(c.Extensions), MaxListItems, "entries"},
		{"the reviews", len(c.Reviews), MaxListItems, "entries"},
		{"the blockers open at closing", len(c.ClosedOver.Blockers), MaxListItems, "entries"},
		{"the forms", len(c.Forms), MaxListItems, "entries"},
	}
	for i, f := range c.Forms {
		counts = append(counts, struct {
			field    string
			n, limit int
			unit     string
		}{fmt.Sprintf("form %d (%s)", i+1, cut(f.Template)), len(f.Fields), MaxFormFields, "fields"})
	}
	for _, n := range counts {
		if err := CheckCount(n.field, n.n, n.limit, n.unit); err != nil {
			return err
		}
	}
	return nil
}

// eachText hands every piece of text the case holds to visit, with its
// field's name (made only when asked for) and its limit, until visit
// returns false.
func (c Case) eachText(visit func(field func() string, s string, limit int) bool) {
	named := func(s string) func() string { return func() string { return s } }
	nth := func(list string, i int, field string) func() string {
		return func() string { return fmt.Sprintf("%s %d: %s", list, i+1, field) }
	}
	for _, t := range []struct {
		field, s string
		limit    int
	}{
		{"outcome note", c.OutcomeNote, MaxNoteLength}, {"closed by", c.ClosedBy, MaxNameLength},
		{"closed with blockers open: reason", c.ClosedOver.Reason, MaxNoteLength},
		{"named person", c.NamedPerson, MaxNameLength},
		{"home learning", c.HomeLearning, MaxNoteLength},
		{"consent: parent's name", c.Consent.ParentName, MaxNameLength},
		{"consent: relationship", c.Consent.Relationship, MaxNameLength},
		{"consent: authorised by", c.Consent.AuthorisedBy, MaxNameLength},
	} {
		if !visit(named(t.field), t.s, t.limit) {
			return
		}
	}
	for i, in := range c.Involvement {
		if !visit(nth("involvement", i, "name"), in.Name, MaxNameLength) {
			return
		}
	}
	for i, n := range c.Notifications {
		if !visit(nth("notification", i, "what"), n.What, MaxNameLength) ||
			!visit(nth("notification", i, "sent by"), n.SentBy, MaxNameLength) {
			return
		}
	}
	for i, e := range c.Extensions {
		if !visit(nth("extension", i, "reason"), e.Reason, MaxNoteLength) {
			return
		}
	}
	for i, id := range c.ClosedOver.Blockers {
		if !visit(nth("closed with blockers open: rule", i, "ID"), id, MaxNameLength) {
			return
		}
	}
	for i, r := range c.Reviews {
		if !r.eachText(i, visit) {
			return
		}
	}
	for i, f := range c.Forms {
		if !f.eachText(i, visit) {
			return
		}
	}
}

// eachText is Case.eachText for the i-th review.
func (r Review) eachText(i int, visit func(field func() string, s string, limit int) bool) bool {
	for _, t := range []struct {
		field, s string
		limit    int
	}{
		{"kind", r.Kind, MaxNameLength}, {"notes", r.Notes, MaxNoteLength},
		{"the pupil's views", r.PupilViewsText, MaxNoteLength}, {"the parent's views", r.ParentViewsText, MaxNoteLength},
		{"decisions", r.Decisions, MaxNoteLength}, {"why it was struck out", r.StruckOut.Reason, MaxNoteLength},
	} {
		field := t.field
		if !visit(func() string { return fmt.Sprintf("review %d: %s", i+1, field) }, t.s, t.limit) {
			return false
		}
	}
	return true
}

// eachText is Case.eachText for the i-th form record.
func (f FormRecord) eachText(i int, visit func(field func() string, s string, limit int) bool) bool {
	form := func() string { return fmt.Sprintf("form %d (%s)", i+1, cut(f.Template)) }
	if !visit(func() string { return fmt.Sprintf("form %d: template", i+1) }, f.Template, MaxNameLength) {
		return false
	}
	for k, v := range f.Fields {
		if !visit(func() string { return form() + ": the name of field " + strconv.Quote(cut(k)) }, k, MaxNameLength) ||
			!visit(func() string { return form() + ": field " + strconv.Quote(cut(k)) }, v, MaxNoteLength) {
			return false
		}
	}
	return true
}

// cut shortens a key for a message.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:39]) + "…"
}

// Thousands writes a count with commas: 20000 as "20,000".
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Size writes a number of bytes for people, in binary units as the limits
// are set: "8 MB", "1.5 MB", "512 KB", "900 bytes".
func Size(n int) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MB"
	case n >= 1<<10:
		return strconv.Itoa(n>>10) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}
