package ui

import (
	"charm.land/huh/v2"

	"reintegrate/model"
)

// FormCatalogue is what the screens need of the forms package: which
// protocol templates a case has, given the packs that are on.
type FormCatalogue interface {
	ForCase(c model.Case, packs model.Packs) []FormTemplate
}

// FormTemplate is one protocol template (a seed's form).
type FormTemplate interface {
	ID() string    // "bwmat.plan"
	Title() string // the seed's own title for the form
	// Edit builds a fresh draft of the form for the case, pre-filled from
	// the prior record when resuming or redoing one.
	Edit(c model.Case, school model.School, prior *model.FormRecord, accessible bool) FormDraft
	// Missing lists what a draft record still needs, on the day on, before
	// it counts as completed: field titles as the form shows them.
	Missing(c model.Case, rec model.FormRecord, on model.Date) []string
}

// FormDraft is one open form: its huh form and what to keep when done.
type FormDraft interface {
	Form() *huh.Form
	// Validate checks the answers as a whole (huh checks each field):
	// answers that do not read or fit; blanks are not problems.
	Validate() error
	// Record is the stored form; a zero completed date keeps it a draft.
	Record(completed model.Date) model.FormRecord
	// Apply writes the answers that are case data (dates, consent, flags,
	// timetable) into the case so the rules see them.
	Apply(c *model.Case) error
}

// finisher is a draft that decides how it ends: completed on its own date
// (the meeting's, the signature's), or kept as a draft with what is still
// to fill. A draft without it (a review, a change of status) is recorded
// whole, completed on the day.
type finisher interface {
	Finish(on model.Date) (model.FormRecord, []string)
}

// formStatus says where a case stands with one template.
func formStatus(c model.Case, template string) (word string, rec *model.FormRecord) {
	r, ok := c.Form(template)
	switch {
	case !ok:
		return "not started", nil
	case r.Completed.IsZero():
		return "draft", &r
	}
	return "completed " + r.Completed.UK(), &r
}

// putForm keeps the record in the case: a part-done record replaces the
// earlier part-done one of the same template; a completed one is added as
// the next version, so earlier signed copies stay on file.
func putForm(c *model.Case, rec model.FormRecord) {
	latest := 0
	kept := c.Forms[:0:0]
	for _, f := range c.Forms {
		if f.Template == rec.Template && f.Completed.IsZero() {
			continue
		}
		if f.Template == rec.Template {
			latest = max(latest, f.Version)
		}
		kept = append(kept, f)
	}
	rec.Version = latest + 1
	c.Forms = append(kept, rec)
}
