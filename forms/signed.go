package forms

import (
	"fmt"
	"slices"

	"reintegrate/model"
)

// FutureSignatures lists the record's signing dates that fall after on: a
// signature is something that has happened, so its date cannot be still
// to come. Each names the field and says what to type. The dates signed
// are a Signature's date and the date beside a table row's line to sign
// (the school's representatives on the BWMAT plan).
func (t *Template) FutureSignatures(rec model.FormRecord, on model.Date) []FieldError {
	var out []FieldError
	for _, in := range t.allInputs() {
		if in.kind != Date || !in.signs() {
			continue
		}
		d, err := model.ParseDate(rec.Fields[in.key])
		if err != nil || !d.After(on) {
			continue
		}
		out = append(out, FieldError{Field: in.label, Key: in.key, Message: fmt.Sprintf(
			"%s is in the future (today is %s): type the date it was signed, on or before %s", d.UK(), on.UK(), on.UK())})
	}
	return out
}

// signs reports whether the input is a date something was signed on.
func (in input) signs() bool {
	switch in.field.Kind {
	case Signature:
		return true
	case Rows:
		return slices.ContainsFunc(in.field.Columns, func(c Column) bool { return c.Kind == Signature })
	}
	return false
}
