package forms

import (
	"strings"

	"reintegrate/model"
)

// A form counts as completed only once every field it needs is filled
// (the required ones, and those the pupil's circumstances call for) and
// its own date has come. Until then it is kept as a draft, and the case's
// Forms tab lists what is still to fill. A completed record is dated by
// the form's own date (the meeting, the signature), not by the day it was
// typed, so the rules' deadlines read the day it happened.

// datedField is the field whose date is the form's own, or nil for a form
// with none (the day it is saved dates it).
func (t *Template) datedField() *Field {
	for _, f := range t.Fields() {
		if f.Dates {
			return f
		}
	}
	return nil
}

// completedOn is the date a finished record is completed on: the form's own
// date, else on.
func (t *Template) completedOn(r Record, on model.Date) model.Date {
	if f := t.datedField(); f != nil {
		if d, ok := r.Date(f.Key); ok {
			return d
		}
	}
	return on
}

// Missing lists what the record still needs before it counts as completed
// on the day on, in the form's order: each field as messages name it
// (with the parts still blank of a signature or a person), then the form's
// own date if it is after on (a meeting not yet held).
func (t *Template) Missing(rec model.FormRecord, c model.Case, on model.Date) []string {
	r := Record{Fields: rec.Fields}
	var out []string
	for _, f := range t.Fields() {
		if f.Kind == Timetable && f.Required && r.Get(timetableKey+".0.week") == "" {
			out = append(out, "the timetable: plan its weeks on the timetable grid (t on the case)")
		}
		var parts []string
		ins := f.inputs()
		for _, in := range ins {
			if _, needed := in.needed(c); needed && strings.TrimSpace(r.Get(in.key)) == "" {
				parts = append(parts, in.label)
			}
		}
		switch {
		case len(parts) == 0:
		case len(ins) == 1:
			out = append(out, parts[0])
		default:
			name := label(f.Title)
			for i, p := range parts {
				parts[i] = strings.TrimPrefix(p, name+", ")
			}
			out = append(out, name+": "+strings.Join(parts, ", "))
		}
	}
	if f := t.datedField(); f != nil && !on.IsZero() {
		if d, ok := r.Date(f.Key); ok && d.After(on) {
			out = append(out, label(f.Title)+": "+d.UK()+" is after today, so the form is completed once that day has come")
		}
	}
	return out
}

// Finish is the form as it ends when the last page is submitted on the day
// on: completed, dated by its own date, when nothing is missing; else a
// draft (zero completed date) and what is still to fill.
func (d *Draft) Finish(on model.Date) (model.FormRecord, []string) {
	rec := d.Record(model.Date{})
	missing := d.Template.Missing(rec, d.c, on)
	if len(missing) == 0 {
		rec.Completed = d.Template.completedOn(Record{Fields: rec.Fields}, on)
	}
	return rec, missing
}
