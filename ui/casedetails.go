package ui

import (
	"errors"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// The case's own details (c on the Overview): the parent's written
// agreement and who authorised the leave (consent.parent, reg 11(6);
// consent.authorised-by, reg 11(1)), the risk assessment (002 s5.6), the
// plan's agreement, named person and home learning (002 s5.8), and for a
// reintegration from AP the Fair Access referral and the place offered
// (School Admissions Code 2021). The protocol forms fill the same
// details where a pack has one; this is where a school on the national
// pack alone types them, and where any school puts one right.

// typedDetails is the details as typed: dates as DD/MM/YYYY, blank when
// not recorded.
type typedDetails struct {
	parent, relationship, signed, authorisedBy string
	livesWith, significantRisk                 bool
	agreed, named, riskDone, homeLearning      string
	referred, offered, plannedEnd              string
}

func detailsOf(cs model.Case) *typedDetails {
	c := cs.Consent
	return &typedDetails{parent: c.ParentName, relationship: c.Relationship, signed: dateOr(c.Signed, ""),
		authorisedBy: c.AuthorisedBy, livesWith: c.LivesWithPupil, significantRisk: cs.RiskAssessment.SignificantRisk,
		agreed: dateOr(cs.Agreed, ""), named: cs.NamedPerson, riskDone: dateOr(cs.RiskAssessment.Completed, ""),
		homeLearning: cs.HomeLearning, referred: dateOr(cs.Referral.FairAccessReferred, ""),
		offered: dateOr(cs.Referral.PlaceOffered, ""), plannedEnd: dateOr(cs.PlannedEnd, "")}
}

// optionalHappened is happened for a date that may be left blank.
func optionalHappened(field, verb string, on model.Date) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return happened(field, verb, on, model.Date{})(s)
	}
}

func newDetailsDraft(cs model.Case, on model.Date) *caseChangeDraft {
	v := detailsOf(cs)
	d := &caseChangeDraft{done: "Case details saved."}
	d.build = func() *huh.Form { return huh.NewForm(v.groups(cs, on)...) }
	d.check = func() error { return v.check(cs, on) }
	d.apply = func(c *model.Case) error {
		if err := v.check(cs, on); err != nil {
			return err
		}
		v.applyTo(c)
		return nil
	}
	d.form = d.build()
	return d
}

// groups are the form's pages: the consent, the plan, and the Fair Access
// referral for a reintegration from AP.
func (v *typedDetails) groups(cs model.Case, on model.Date) []*huh.Group {
	consent := huh.NewGroup(
		huh.NewInput().Title("Parent or carer who agreed in writing").Value(&v.parent),
		huh.NewInput().Title("Their relationship to the pupil").Value(&v.relationship),
		huh.NewConfirm().Title("Does the pupil normally live with them?").Value(&v.livesWith),
		huh.NewInput().Title("Signed on (DD/MM/YYYY)").Value(&v.signed).Validate(optionalHappened("Signed on", "signed", on)),
		huh.NewInput().Title("Leave authorised by (the member of staff)").Value(&v.authorisedBy),
	).Title("Consent (reg 11(6) and 11(1) 2024 Regs)")
	plan := []huh.Field{
		huh.NewInput().Title("Plan agreed on (DD/MM/YYYY)").Value(&v.agreed).Validate(optionalHappened("Plan agreed on", "agreed", on)),
		huh.NewInput().Title("Named person (who leads the plan)").Value(&v.named),
		huh.NewInput().Title("Risk assessment completed on (DD/MM/YYYY)").Value(&v.riskDone).
			Validate(optionalHappened("Risk assessment completed on", "completed", on)),
		huh.NewConfirm().Title("Does it conclude the pupil faces significant risk out of school?").Value(&v.significantRisk),
		huh.NewText().Title("How work is set, sent home and marked (002 s5.8)").Value(&v.homeLearning).Lines(2),
	}
	if cs.Status == model.Draft {
		plan = append(plan, huh.NewInput().Title("Planned end (DD/MM/YYYY)").Value(&v.plannedEnd).
			Validate(func(string) error { return v.checkEnd(cs) }))
	}
	groups := []*huh.Group{consent, huh.NewGroup(plan...).Title("The plan")}
	if cs.Kind == model.APReintegration {
		groups = append(groups, huh.NewGroup(
			huh.NewInput().Title("Referred to the Fair Access panel on (DD/MM/YYYY)").Value(&v.referred).
				Validate(optionalHappened("Referred to Fair Access on", "referred", on)),
			huh.NewInput().Title("School place offered on (DD/MM/YYYY)").Value(&v.offered).
				Validate(func(string) error { return v.checkOffered(on) }),
		).Title("Fair Access (School Admissions Code 2021: an offer within 20 school days)"))
	}
	return groups
}

// check refuses the details as a whole: every date reads, none that
// happened is in the future, the place is not offered before the
// referral, and a planned end is not before the start.
func (v *typedDetails) check(cs model.Case, on model.Date) error {
	var errs []error
	for _, f := range []struct{ field, verb, value string }{{"Signed on", "signed", v.signed},
		{"Plan agreed on", "agreed", v.agreed}, {"Risk assessment completed on", "completed", v.riskDone},
		{"Referred to Fair Access on", "referred", v.referred}} {
		errs = append(errs, optionalHappened(f.field, f.verb, on)(f.value))
	}
	return errors.Join(errors.Join(errs...), v.checkOffered(on), v.checkEnd(cs))
}

// checkOffered: the place is offered on a day that has come, not before
// the referral.
func (v *typedDetails) checkOffered(on model.Date) error {
	if err := optionalHappened("School place offered on", "offered", on)(v.offered); err != nil {
		return err
	}
	referred, offered := parsedOrZero(v.referred), parsedOrZero(v.offered)
	if !referred.IsZero() && !offered.IsZero() && offered.Before(referred) {
		return errors.New("School place offered on: " + offered.UK() + " is before the referral on " + referred.UK() + ": type the date the place was offered")
	}
	return nil
}

// checkEnd: a draft's planned end reads and is not before its start.
func (v *typedDetails) checkEnd(cs model.Case) error {
	if err := optionalDate("Planned end")(v.plannedEnd); err != nil {
		return err
	}
	if end := parsedOrZero(v.plannedEnd); !end.IsZero() && !cs.Start.IsZero() && end.Before(cs.Start) {
		return errors.New("Planned end: " + end.UK() + " is before the start on " + cs.Start.UK() + ": type a later date")
	}
	return nil
}

func parsedOrZero(s string) model.Date {
	d, _ := model.ParseDate(s)
	return d
}

func (v *typedDetails) applyTo(c *model.Case) {
	c.Consent = model.Consent{ParentName: strings.TrimSpace(sanitise(v.parent)),
		Relationship: strings.TrimSpace(sanitise(v.relationship)), LivesWithPupil: v.livesWith,
		Signed: parsedOrZero(v.signed), AuthorisedBy: strings.TrimSpace(sanitise(v.authorisedBy))}
	c.Agreed, c.NamedPerson = parsedOrZero(v.agreed), strings.TrimSpace(sanitise(v.named))
	c.RiskAssessment = model.RiskAssessment{Completed: parsedOrZero(v.riskDone), SignificantRisk: v.significantRisk}
	c.HomeLearning = strings.TrimSpace(sanitiseLines(v.homeLearning))
	if c.Kind == model.APReintegration {
		c.Referral = model.Referral{FairAccessReferred: parsedOrZero(v.referred), PlaceOffered: parsedOrZero(v.offered)}
	}
	if c.Status == model.Draft {
		c.PlannedEnd = parsedOrZero(v.plannedEnd)
	}
}
