package forms

import (
	"slices"

	"reintegrate/model"
)

// packForm is one form of a case pack.
type packForm struct {
	t   *Template
	rec model.FormRecord
}

// casePack lists the case's completed forms in protocol order: the latest
// completed version of each form, and every completed meeting of a form
// that repeats (reviews, the child's views), oldest first. Forms of
// templates this version does not know are left out.
func casePack(c model.Case) []packForm {
	var out []packForm
	for _, t := range all() {
		if !t.Repeats {
			if rec, ok := c.Form(t.ID); ok && !rec.Completed.IsZero() {
				out = append(out, packForm{t, rec})
			}
			continue
		}
		var recs []model.FormRecord
		for _, f := range c.Forms {
			if f.Template == t.ID && !f.Completed.IsZero() {
				recs = append(recs, f)
			}
		}
		slices.SortStableFunc(recs, func(a, b model.FormRecord) int {
			if d := a.Completed.Time().Compare(b.Completed.Time()); d != 0 {
				return d
			}
			return a.Version - b.Version
		})
		for _, rec := range recs {
			out = append(out, packForm{t, rec})
		}
	}
	return out
}

// AddRecord keeps a saved form with the case: a part-done record of the
// same template and version is replaced (the form was resumed); anything
// else is added, so a completed form is never overwritten.
func AddRecord(c *model.Case, rec model.FormRecord) {
	c.Forms = slices.Clone(c.Forms)
	for i, f := range c.Forms {
		if f.Template == rec.Template && f.Version == rec.Version && f.Completed.IsZero() {
			c.Forms[i] = rec
			return
		}
	}
	c.Forms = append(c.Forms, rec)
}
