package forms

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"reintegrate/model"
)

// Validate checks a record against its template, in the form's order:
// every value reads (UK dates, yes/no, the choices offered), every
// required field is filled, and the template's own checks hold (end after
// start, review dates inside the plan). Each message says what to type.
func (t *Template) Validate(rec model.FormRecord, c model.Case) []FieldError {
	return t.validate(rec, c, true)
}

// Problems is Validate without the blanks: what is wrong with the answers
// given, which a draft may not keep either.
func (t *Template) Problems(rec model.FormRecord, c model.Case) []FieldError {
	return t.validate(rec, c, false)
}

func (t *Template) validate(rec model.FormRecord, c model.Case, blanks bool) []FieldError {
	r := Record{Fields: rec.Fields}
	if r.Fields == nil {
		r.Fields = map[string]string{}
	}
	var errs []FieldError
	for _, in := range t.allInputs() {
		if fe := in.check(r.Get(in.key), c); fe != nil && (blanks || r.Get(in.key) != "") {
			errs = append(errs, *fe)
		}
	}
	errs = append(errs, timetableErrors(r.Fields)...)
	for _, chk := range t.Checks {
		errs = append(errs, chk(t, r, c)...)
	}
	return errs
}

// check is one input's own problem, if any.
func (in input) check(raw string, c model.Case) *FieldError {
	if raw != "" {
		if _, err := in.parse(raw); err != nil {
			return &FieldError{Field: in.label, Key: in.key, Message: err.Error()}
		}
		return nil
	}
	if why, needed := in.needed(c); needed {
		return &FieldError{Field: in.label, Key: in.key, Message: why + in.hint()}
	}
	return nil
}

// needed reports whether the input must be filled for this case, and why
// when the reason is the pupil's circumstances.
func (in input) needed(c model.Case) (string, bool) {
	if in.required {
		return "this is needed: ", true
	}
	f := in.field
	if f.NeededWhen != nil && (in.key == f.inputs()[0].key || f.Kind == Signature) {
		if why, ok := f.NeededWhen(c); ok {
			return "this is needed because " + why + ": ", true
		}
	}
	return "", false
}

// hint says what to type in the input.
func (in input) hint() string {
	switch in.kind {
	case Date:
		return dateHint
	case YesNo:
		labels := yesNoLabels(in.options)
		return "choose " + labels[0] + " or " + labels[1]
	case Choice, Rating, MultiChoice:
		return choose(in.options)
	}
	switch {
	case in.key == in.field.Key && in.field.Hint != "":
		return in.field.Hint
	case in.field.Kind == Person:
		return "type the name of the person who attends for them"
	case in.field.Kind == Signature:
		return "type the name of the person who signs"
	}
	return "type the " + lowerFirst(trimThe(unbracket(in.label)))
}

// unbracket drops the brackets round a letter's blank: "(date)".
func unbracket(s string) string {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return s[1 : len(s)-1]
	}
	return s
}

// trimThe drops a leading "the": "type the named person...", not "type
// the the named person...".
func trimThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// lowerFirst puts a title in the middle of a sentence: its first letter in
// lower case unless the first word is an acronym ("SEND status"); the rest
// keeps its capitals ("the planned September destination").
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if word == strings.ToUpper(word) && strings.ToUpper(word) != strings.ToLower(word) {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// labelOf is how messages name the input with the key.
func (t *Template) labelOf(key string) string {
	for _, in := range t.allInputs() {
		if in.key == key {
			return in.label
		}
	}
	return key
}

func (t *Template) errAt(key, format string, a ...any) FieldError {
	return FieldError{Field: t.labelOf(key), Key: key, Message: fmt.Sprintf(format, a...)}
}

// dateOr is the record's date under key, or the fallback when the form has
// none (the case's own date).
func dateOr(r Record, key string, fallback model.Date) model.Date {
	if d, ok := r.Date(key); ok {
		return d
	}
	return fallback
}

// planEnd is the plan's end: the form's end date (or the case's planned
// end), moved by any extension the case records.
func planEnd(r Record, key string, c model.Case) model.Date {
	end := dateOr(r, key, c.PlannedEnd)
	for _, e := range c.Extensions {
		end = model.MaxDate(end, e.NewEnd)
	}
	return end
}

// inOrder checks that the later date falls after the earlier one: a plan's
// end after its start, an agreement's end after its start. An empty key
// stands for the case's start.
func inOrder(earlierKey, laterKey, what string) Check {
	return func(t *Template, r Record, c model.Case) []FieldError {
		first := dateOr(r, earlierKey, c.Start)
		last, ok := r.Date(laterKey)
		if !ok || first.IsZero() || last.After(first) {
			return nil
		}
		return []FieldError{t.errAt(laterKey, "the %s must be after %s (%s): type a later date as DD/MM/YYYY, for example %s",
			what, t.nameOf(earlierKey), first.UK(), first.AddDays(42).UK())}
	}
}

// nameOf names a date field in a message, in lower case.
func (t *Template) nameOf(key string) string {
	if key == "" {
		return "the start date"
	}
	return "the " + strings.ToLower(t.labelOf(key))
}

// reviewsInPlan checks review dates (001 initial meeting; 002 appendix 1):
// each after the start and the one before it, each within its number of
// weeks of the start (0: no limit), none after the plan's end.
func reviewsInPlan(startKey, endKey string, keys []string, weeks []int) Check {
	return func(t *Template, r Record, c model.Case) []FieldError {
		start := dateOr(r, startKey, c.Start)
		end := planEnd(r, endKey, c)
		var errs []FieldError
		prev := start
		for i, key := range keys {
			d, ok := r.Date(key)
			if !ok {
				continue
			}
			switch {
			case !prev.IsZero() && !d.After(prev):
				what := "the start date"
				if prev != start {
					what = "the review before it"
				}
				errs = append(errs, t.errAt(key, "the review must come after %s (%s): type a later date as DD/MM/YYYY", what, prev.UK()))
			case !start.IsZero() && weeks[i] > 0 && d.After(start.AddDays(7*weeks[i])):
				errs = append(errs, t.errAt(key, "the review must be within %d weeks of the start date, by %s: type that date or an earlier one as DD/MM/YYYY",
					weeks[i], start.AddDays(7*weeks[i]).UK()))
			case !end.IsZero() && d.After(end):
				errs = append(errs, t.errAt(key, "the review must fall inside the plan, which ends on %s: type a date on or before it as DD/MM/YYYY", end.UK()))
			}
			prev = d
		}
		return errs
	}
}
