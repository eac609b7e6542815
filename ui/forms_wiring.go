package ui

import (
	"errors"

	"charm.land/huh/v2"

	"reintegrate/forms"
	"reintegrate/model"
)

// defaultForms is the protocol form catalogue the app uses when the caller
// gives none: the protocol templates of the forms package.
func defaultForms() FormCatalogue { return protocolForms{} }

// protocolForms puts the forms package behind the FormCatalogue the
// screens speak, so tests can swap in two small templates.
type protocolForms struct{}

func (protocolForms) ForCase(c model.Case, packs model.Packs) []FormTemplate {
	ts := forms.ForCase(c, packs)
	out := make([]FormTemplate, len(ts))
	for i, t := range ts {
		out[i] = protocolForm{t}
	}
	return out
}

// protocolForm is one forms.Template as a FormTemplate.
type protocolForm struct{ t *forms.Template }

func (f protocolForm) ID() string    { return f.t.ID }
func (f protocolForm) Title() string { return f.t.Title }
func (f protocolForm) Edit(c model.Case, school model.School, prior *model.FormRecord, accessible bool) FormDraft {
	return protocolDraft{f.t.Edit(c, school, prior, accessible)}
}

func (f protocolForm) Missing(c model.Case, rec model.FormRecord, on model.Date) []string {
	return f.t.Missing(rec, c, on)
}

// protocolDraft is a forms.Draft as a FormDraft (its huh form is a field
// there, a method here).
type protocolDraft struct{ *forms.Draft }

func (d protocolDraft) Form() *huh.Form { return d.Draft.Form }

// futureSignatures refuses a signing date still to come, naming each.
func (d protocolDraft) futureSignatures(on model.Date) error {
	var errs []error
	for _, fe := range d.Template.FutureSignatures(d.Record(model.Date{}), on) {
		errs = append(errs, fe)
	}
	return errors.Join(errs...)
}
