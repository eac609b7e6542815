package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/forms"
	"reintegrate/model"
)

// caseDetails is the New case form: a new pupil's details when adding
// one, then the plan. The answers are bound to its fields.
type caseDetails struct {
	form       *huh.Form
	pupil      *model.Pupil  // nil when adding a pupil
	newPupil   *pupilAnswers // the new pupil's details, when adding one
	kind       model.Kind
	reasons    []model.Reason
	start      string
	end        string
	named      string
	forms      []string
	packs      model.Packs
	catalogue  FormCatalogue
	withForms  bool
	longAgreed string // the start and end of a long plan already warned about
}

// newCaseDetails starts the form; others are the pupils on roll (a new
// pupil's UPN must not be one of theirs).
func newCaseDetails(c *Common, p *model.Pupil, typed string, others []model.Pupil) *caseDetails {
	start := firstSchoolDay(c.Cal, c.On)
	d := &caseDetails{pupil: p, kind: model.ReducedTimetable, start: start.UK(), end: c.Cal.PlanEnd(start, 6).UK(),
		packs: c.School.Packs, catalogue: c.Forms, withForms: c.Forms != nil}
	if p == nil {
		d.newPupil = newPupilAnswers(model.Pupil{Name: strings.TrimSpace(typed)}, others, c.On)
	}
	d.rebuild()
	return d
}

// rebuild makes a fresh form over the same answers (huh v2 has no reset):
// after a refused save, the person is back at the first question with
// everything they typed still there.
func (d *caseDetails) rebuild() {
	groups := []*huh.Group{}
	if d.newPupil != nil {
		groups = append(groups, d.newPupil.wizardGroup("New pupil"))
	}
	groups = append(groups, d.planGroup())
	if d.withForms {
		groups = append(groups, d.formsGroup())
	}
	d.form = huh.NewForm(groups...)
}

// firstSchoolDay is the date itself or the next day pupils are in.
func firstSchoolDay(cal *model.Calendar, on model.Date) model.Date {
	if cal.IsSchoolDay(on) {
		return on
	}
	return cal.AddSchoolDays(on, 1)
}

// noteBirth lets a new pupil's typed date of birth set the year group.
func (d *caseDetails) noteBirth() {
	if d.newPupil != nil {
		d.newPupil.noteBirth()
	}
}

func (d *caseDetails) planGroup() *huh.Group {
	kinds := make([]huh.Option[model.Kind], len(model.Kinds))
	for i, k := range model.Kinds {
		kinds[i] = huh.NewOption(k.Label(), k)
	}
	reasons := make([]huh.Option[model.Reason], len(model.Reasons))
	for i, r := range model.Reasons {
		reasons[i] = huh.NewOption(reasonWord(r), r)
	}
	return huh.NewGroup(
		huh.NewSelect[model.Kind]().Title("Kind of plan").Options(kinds...).Value(&d.kind),
		huh.NewMultiSelect[model.Reason]().Title("Reasons (space to tick)").Options(reasons...).Value(&d.reasons).
			Height(len(reasons)+1), // "other" is the last: it must not scroll off
		huh.NewInput().Title("Start (DD/MM/YYYY)").Value(&d.start).Validate(requiredDate("Start")),
		huh.NewInput().Title("Planned end (DD/MM/YYYY)").Value(&d.end).Validate(d.checkEnd),
		huh.NewInput().Title("Named person (who leads the plan)").Value(&d.named),
	).Title("The plan")
}

func (d *caseDetails) formsGroup() *huh.Group {
	return huh.NewGroup(
		huh.NewMultiSelect[string]().Title("Forms to fill now (space to tick; the rest wait on the Forms tab)").
			Value(&d.forms).OptionsFunc(d.formOptions, &d.kind),
	).Title("Forms")
}

// formOptions are the packs' templates for a case of the chosen kind.
func (d *caseDetails) formOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, t := range d.catalogue.ForCase(model.Case{Kind: d.kind}, d.packs) {
		out = append(out, huh.NewOption(t.Title(), t.ID()))
	}
	return out
}

func (d *caseDetails) checkEnd(s string) error {
	end, err := model.ParseDate(s)
	if err != nil {
		return forms.FieldError{Field: "Planned end", Message: err.Error()}
	}
	start, err := model.ParseDate(d.start)
	if err != nil {
		return nil // the start's own check says what is wrong with it
	}
	if end.Before(start) {
		return forms.FieldError{Field: "Planned end", Message: "it must be on or after the start, " + start.UK()}
	}
	return d.checkLength(start, end)
}

// checkLength says, before anything is saved, when the plan runs past the
// protocols' limit (duration.limit: 6 weeks; 000; 001 process 4; 002
// s5.10). It is a warning, not a refusal: pressing enter again on the same
// dates keeps them, and the Findings then ask for the extension's reasons.
func (d *caseDetails) checkLength(start, end model.Date) error {
	weeks, last := d.packs.Params.LengthLimit(start)
	key := start.String() + " " + end.String()
	if !end.After(last) || d.longAgreed == key {
		return nil
	}
	d.longAgreed = key
	return forms.FieldError{Field: "Planned end", Message: fmt.Sprintf("%d weeks is past the %d-week limit "+
		"(duration.limit), which ends %s. Type an earlier date, or press enter again to keep it.",
		(start.DaysUntil(end)+7)/7, weeks, last.UK())}
}

func needText(field, what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s: type %s", field, what)
		}
		return nil
	}
}

func (d *caseDetails) heading(c *Common) string {
	if d.pupil == nil {
		return "New case for a new pupil"
	}
	return "New case for " + c.Name(*d.pupil)
}

// build turns the answers into the pupil and a draft case with its weeks
// laid out, empty, from start to planned end.
func (d *caseDetails) build(c *Common) (model.Case, model.Pupil, bool, error) {
	start, err := model.ParseDate(d.start)
	if err != nil {
		return model.Case{}, model.Pupil{}, false, errors.New("Start: " + err.Error())
	}
	if err := d.checkEnd(d.end); err != nil {
		return model.Case{}, model.Pupil{}, false, err
	}
	end, _ := model.ParseDate(d.end)
	pupil, isNew := model.Pupil{}, d.pupil == nil
	if isNew {
		if pupil, err = d.newPupil.pupil(model.Pupil{}); err != nil {
			return model.Case{}, model.Pupil{}, false, err
		}
	} else {
		pupil = *d.pupil
	}
	cs := model.Case{Pupil: pupil, Kind: d.kind, Reasons: d.reasons, Start: start, PlannedEnd: end,
		Status: model.Draft, NamedPerson: strings.TrimSpace(sanitise(d.named))}
	for m := start.Monday(); !m.After(end); m = m.AddDays(7) {
		cs.Timetable = append(cs.Timetable, emptyWeek(m))
	}
	return cs, pupil, isNew, nil
}
