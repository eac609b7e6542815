package forms

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// Draft is one opening of a form: a fresh huh form (huh v2 has no reset)
// bound to the values being typed, the case it fills and the version its
// record will carry.
type Draft struct {
	Form       *huh.Form
	Template   *Template
	c          model.Case
	inputs     []input
	text       map[string]*string   // every input but the multi-choices, as the form shows it
	multi      map[string]*[]string // multi-choices, by stored value
	weeks      []model.Week         // the timetable the record keeps
	version    int
	accessible bool
}

// Edit opens the form for a case: pre-filled from prior (a part-done or an
// earlier completed record) where prior has the field, else from the case,
// its pupil and the school. accessible builds plain sequential prompts
// (huh's accessible mode) with the same validation.
func (t *Template) Edit(c model.Case, school model.School, prior *model.FormRecord, accessible bool) *Draft {
	d := &Draft{Template: t, c: c, accessible: accessible,
		text: map[string]*string{}, multi: map[string]*[]string{}}
	start := t.prefill(c, school, prior)
	d.version = t.nextVersion(c, prior)
	d.weeks = c.Timetable
	if len(d.weeks) == 0 && prior != nil {
		d.weeks = decodeTimetable(prior.Fields)
	}
	d.inputs = t.allInputs()
	for _, in := range d.inputs {
		v := start[in.key]
		if in.kind == MultiChoice {
			var chosen []string
			if v != "" {
				chosen = strings.Split(v, "\n")
			}
			d.multi[in.key] = &chosen
			continue
		}
		if in.kind == Date {
			v = in.display(v)
		}
		d.text[in.key] = &v
	}
	d.Form = d.build(school)
	return d
}

// prefill is the values a form opens with: the case's, then prior's for
// every field prior has (a field is taken whole from one or the other, so
// a table never mixes rows from both).
func (t *Template) prefill(c model.Case, school model.School, prior *model.FormRecord) map[string]string {
	r := Record{Fields: map[string]string{}}
	for _, f := range t.Fields() {
		if f.Bind != nil && f.Bind.Fill != nil {
			f.Bind.Fill(c, school, Value{Field: f, rec: r})
		}
	}
	if prior == nil {
		return r.Fields
	}
	for _, f := range t.Fields() {
		if !hasAnswer(prior.Fields, f.Key) {
			continue
		}
		for k := range r.Fields {
			if partOf(k, f.Key) {
				delete(r.Fields, k)
			}
		}
		for k, v := range prior.Fields {
			if partOf(k, f.Key) {
				r.Fields[k] = v
			}
		}
	}
	return r.Fields
}

// hasAnswer reports whether the field has a non-blank value in fields: a
// blank left in a part-done record does not hide what the case now knows.
func hasAnswer(fields map[string]string, key string) bool {
	for k, v := range fields {
		if v != "" && partOf(k, key) {
			return true
		}
	}
	return false
}

// nextVersion: resuming a part-done record keeps its version; anything
// else is one more than the case's latest, so a completed form is never
// silently overwritten.
func (t *Template) nextVersion(c model.Case, prior *model.FormRecord) int {
	if prior != nil && prior.Completed.IsZero() && prior.Version > 0 {
		return prior.Version
	}
	latest := 0
	for _, f := range c.Forms {
		if f.Template == t.ID {
			latest = max(latest, f.Version)
		}
	}
	if prior != nil {
		latest = max(latest, prior.Version)
	}
	return latest + 1
}

// values are the typed values in their stored form; a value that does
// not read yet (a half-typed date) is kept as typed, for Validate to name.
func (d *Draft) values() map[string]string {
	fields := map[string]string{}
	for _, in := range d.inputs {
		raw := ""
		if p, ok := d.multi[in.key]; ok {
			raw = strings.Join(*p, "\n")
		} else {
			raw = *d.text[in.key]
		}
		stored, err := in.parse(raw)
		if err != nil {
			stored = Clean(raw, in.kind == LongText)
		}
		// A blank answer is kept (""), a blank table cell is not: the
		// rules read a present blank as "not given" (model/formkeys.go).
		if stored != "" || in.row < 0 {
			fields[in.key] = stored
		}
	}
	encodeTimetable(d.weeks, fields)
	return fields
}

// Record is the form as typed so far. A zero completed date saves it
// part-done; AddRecord keeps it with the case.
func (d *Draft) Record(completed model.Date) model.FormRecord {
	return model.FormRecord{Template: d.Template.ID, Completed: completed, Version: d.version, Fields: d.values()}
}

// Apply writes the form's case data (dates, consent, flags, involvement,
// notifications, reviews...) into the case, so the rules see it. Nothing
// is written while a value does not read.
func (d *Draft) Apply(c *model.Case) error {
	return ApplyRecord(d.Template, d.Record(model.Date{}), c)
}

// Validate lists the form's problems in the user's terms, or nil: answers
// that do not read or do not fit together. Blanks are not problems: a
// form with fields still to fill is kept as a draft (Finish).
func (d *Draft) Validate() error {
	var errs []error
	for _, fe := range d.Template.Problems(d.Record(model.Date{}), d.c) {
		errs = append(errs, fe)
	}
	return errors.Join(errs...)
}

// ApplyRecord writes a record's case data into the case: what Draft.Apply
// does, for a record saved earlier or read from a case file. A blank field
// leaves the case as it is; the timetable is taken from the record only
// when the case has none (the timetable grid is where it is edited).
func ApplyRecord(t *Template, rec model.FormRecord, c *model.Case) error {
	r := Record{Fields: map[string]string{}}
	var errs []error
	for _, in := range t.allInputs() {
		raw := rec.Fields[in.key]
		if raw == "" {
			continue
		}
		stored, err := in.parse(raw)
		if err != nil {
			errs = append(errs, FieldError{Field: in.label, Key: in.key, Message: err.Error()})
			continue
		}
		r.Fields[in.key] = stored
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s was not written into the case: %w", t.Title, errors.Join(errs...))
	}
	next := *c
	for _, f := range t.Fields() {
		if f.Bind != nil && f.Bind.Apply != nil {
			f.Bind.Apply(&next, Value{Field: f, rec: r})
		}
	}
	if len(next.Timetable) == 0 {
		next.Timetable = decodeTimetable(rec.Fields)
	}
	*c = next
	return nil
}
