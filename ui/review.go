package ui

import (
	"errors"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// reviewDraft records a review meeting. It is not a protocol template of
// its own (worcs.review and the bwmat plan carry theirs), but every pack
// needs reviews on file for reviews.scheduled and reviews.pupil-and-parent
// (RULES.md; 001 initial meeting; 002 appendix 1: reviews at 2, 4 and 6
// weeks).
type reviewDraft struct {
	form                       *huh.Form
	kind, due, held, notes     string
	pupilViews, parentAttended bool
}

func newReviewDraft(cs model.Case, on model.Date) *reviewDraft {
	d := &reviewDraft{kind: "review", held: on.UK(), due: nextReviewDue(cs, on).UK()}
	d.form = huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title("Kind of review").Value(&d.kind).Options(
			huh.NewOption("Planned review", "review"),
			huh.NewOption("Emergency review", "emergency"),
			huh.NewOption("Final review", "final")),
		huh.NewInput().Title("Due (DD/MM/YYYY)").Value(&d.due).Validate(optionalDate("Due")),
		huh.NewInput().Title("Held on (DD/MM/YYYY)").Value(&d.held).Validate(requiredDate("Held on")),
		huh.NewConfirm().Title("Were the pupil's views recorded?").Value(&d.pupilViews),
		huh.NewConfirm().Title("Did a parent or carer attend (or give views)?").Value(&d.parentAttended),
		huh.NewText().Title("Notes").Value(&d.notes).Lines(3),
	))
	return d
}

// nextReviewDue is the first fortnightly due date (start + 14k days) on or
// after the date, the default a review is recorded against.
func nextReviewDue(cs model.Case, on model.Date) model.Date {
	if cs.Start.IsZero() {
		return model.Date{}
	}
	d := cs.Start.AddDays(14)
	for d.Before(on) {
		d = d.AddDays(14)
	}
	return d
}

func (d *reviewDraft) Form() *huh.Form { return d.form }
func (d *reviewDraft) wholeOnly()      {}

func (d *reviewDraft) Validate() error {
	if err := requiredDate("Held on")(d.held); err != nil {
		return err
	}
	return optionalDate("Due")(d.due)
}

// Record is empty: a review lives in the case's reviews, not as a form.
func (d *reviewDraft) Record(model.Date) model.FormRecord { return model.FormRecord{} }

func (d *reviewDraft) Apply(c *model.Case) error {
	held, err := model.ParseDate(d.held)
	if err != nil {
		return errors.New("Held on: " + err.Error())
	}
	var due model.Date
	if strings.TrimSpace(d.due) != "" {
		if due, err = model.ParseDate(d.due); err != nil {
			return errors.New("Due: " + err.Error())
		}
	}
	c.Reviews = append(append([]model.Review(nil), c.Reviews...), model.Review{Due: due, Held: held,
		Kind: d.kind, PupilViews: d.pupilViews, ParentAttended: d.parentAttended,
		Notes: strings.TrimSpace(d.notes)})
	return nil
}

// requiredDate checks a typed date and names the field when it is wrong.
func requiredDate(field string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(field + ": type a date as DD/MM/YYYY, for example 16/11/2026")
		}
		if _, err := model.ParseDate(s); err != nil {
			return errors.New(field + ": " + err.Error())
		}
		return nil
	}
}

// optionalDate is requiredDate for a date that may be left blank.
func optionalDate(field string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return requiredDate(field)(s)
	}
}
