package model

import "slices"

// The Hillingdon pack: London Borough of Hillingdon, reintegration web
// guidance (seed 004), for pupils placed in alternative provision.
var hillingdonRules = []Rule{
	{ID: "hillingdon.plan-from-start", Pack: Hillingdon, Severity: Warning, Source: "004", check: hillingdonPlanFromStart},
	{ID: "hillingdon.weekly-contact", Pack: Hillingdon, Severity: Warning, Source: "004", check: hillingdonWeeklyContact},
	{ID: "hillingdon.ks4-destination", Pack: Hillingdon, Severity: Warning, Source: "004", check: hillingdonKS4Destination},
}

// apModes are the sessions spent in alternative provision: approved
// off-site (B, the code a school-commissioned AP placement takes), dual
// registered (D) and LA-arranged (K).
var apModes = []Mode{Offsite, Dual, LAProvision}

const notInAP = "not an alternative provision placement"

// hillingdonInAP reports whether the case is an AP placement: an AP
// reintegration (the return from one), a case with a Hillingdon placement
// record, or a timetable with sessions in AP (B, D or K).
func hillingdonInAP(c Case) bool {
	_, placement := c.Form(TemplateHillingdonPlacement)
	return c.Kind == APReintegration || placement || timetableHas(c, apModes...)
}

// hillingdonPlacement is the placement's first and last day: the placement
// form's dates, else the first and last planned AP session. For an AP
// reintegration the timetable is the return, not the placement, so its
// start comes from the form only, and without an end the placement ends
// the day before the return (or on the last dual session). Either may be
// zero when not known.
func hillingdonPlacement(c Case) (first, last Date) {
	rec, _ := c.Form(TemplateHillingdonPlacement)
	first, _ = rec.DateAnswer(FieldPlacementStart)
	last, _ = rec.DateAnswer(FieldPlacementEnd)
	apFirst, apLast := apSessionSpan(c)
	if c.Kind != APReintegration {
		return firstSet(first, apFirst), firstSet(last, apLast)
	}
	if last.IsZero() && !c.Start.IsZero() {
		last = MaxDate(c.Start.AddDays(-1), apLast)
	}
	return first, last
}

// apSessionSpan is the first and last day with a planned AP session.
func apSessionSpan(c Case) (first, last Date) {
	for _, w := range c.Timetable {
		for i, day := range w.Days {
			if slices.Contains(apModes, day[AM].Mode) || slices.Contains(apModes, day[PM].Mode) {
				d := w.WeekBeginning.AddDays(i)
				first, last = MinDate(first, d), MaxDate(last, d)
			}
		}
	}
	return first, last
}

// hillingdonPlanFromStart: commissioners "include the reintegration plan
// within any planning from the start" and the school "begins planning their
// return from the start of the placement" (004). A dated duty with deadline
// the placement's first day (a condition when it is not known), done the
// day the placement record was first completed, unless its return plan
// field is blank.
func hillingdonPlanFromStart(f *facts) verdict {
	c := f.c
	if !hillingdonInAP(c) {
		return notApplicable(notInAP)
	}
	first, _ := hillingdonPlacement(c)
	var done Date
	if rec, ok := c.CompletedForm(TemplateHillingdonPlacement); ok {
		if v, asked := rec.Answer(FieldReturnPlan); !asked || v != "" {
			done = c.FirstCompleted(TemplateHillingdonPlacement)
		}
	}
	v := localDuty("return plan recorded", first, done, f.on)
	if done.IsZero() {
		v.message += " (record the plan for the return on the placement form, " + TemplateHillingdonPlacement + ")"
	}
	return v
}

// hillingdonWeeklyContact: the child "keeps in regular weekly contact with
// the home school" (004). For each week (Monday to Sunday) of a running
// placement that has a school day, from the placement's first week to this
// one: a dated entry in the placement form's contact log, a held review, or
// a planned in-school session on a school day that week (the pupil is in
// the home school, so in contact). A past week without any is overdue (due
// = its Sunday); this week without one is due.
func hillingdonWeeklyContact(f *facts) verdict {
	c := f.c
	switch {
	case !hillingdonInAP(c):
		return notApplicable(notInAP)
	case c.Status == Closed:
		return notApplicable("the case is closed")
	case c.Kind != APReintegration && c.Status != Active:
		return notApplicable("the placement is not running yet")
	}
	first, last := hillingdonPlacement(c)
	switch {
	case !last.IsZero() && last.Before(f.on):
		return notApplicable("the AP placement ended on %s", last.UK())
	case first.IsZero():
		return unmet("record the AP placement's start date on the placement form (%s) so weekly contact can be checked", TemplateHillingdonPlacement)
	case first.After(f.on):
		return notApplicable("the AP placement starts on %s", first.UK())
	}
	contacts := hillingdonContacts(c, f.cal, f.on)
	for monday := first.Monday(); !monday.After(f.on); monday = monday.AddDays(7) {
		sunday := monday.AddDays(6)
		if f.cal.SchoolDaysInWeek(monday) == 0 || slices.ContainsFunc(contacts, func(d Date) bool {
			return !d.Before(monday) && !d.After(sunday)
		}) {
			continue
		}
		if sunday.Before(f.on) {
			return verdict{status: Overdue, due: sunday, message: "no contact with the home school logged in the week beginning " + monday.UK()}
		}
		return verdict{status: Due, due: sunday, message: "log this week's contact with the home school by " + sunday.UK()}
	}
	return met("contact with the home school logged every week since %s", first.UK())
}

// hillingdonContacts are the days, up to on, the pupil was in contact with
// the home school: the contact log, held reviews, planned in-school
// sessions (on the plan's school days: Calendar.Day). Later dates have not happened yet, so they do not count.
func hillingdonContacts(c Case, cal *Calendar, on Date) []Date {
	rec, _ := c.Form(TemplateHillingdonPlacement)
	contacts := rec.DateList(FieldContactLog)
	for _, r := range c.Reviews {
		if !r.Held.IsZero() {
			contacts = append(contacts, r.Held)
		}
	}
	for _, w := range c.Timetable {
		for _, day := range cal.WeekDays(w.WeekBeginning, c.Dates()) {
			if day.SessionIn(w, AM).Mode == InSchool || day.SessionIn(w, PM).Mode == InSchool {
				contacts = append(contacts, day.Date)
			}
		}
	}
	return slices.DeleteFunc(contacts, func(d Date) bool { return d.After(on) })
}

// hillingdonKS4Destination: for Key Stage 4 pupils in AP, schools work "to
// plan and move on into suitable education, or employment alongside
// part-time study or training, identifying their planned September
// destination" (004). Applies to Y10 and Y11 pupils in an AP placement (as
// hillingdonInAP). The placement form's destination field, filled in: a
// blank one is not done, nor a completed form without the field.
func hillingdonKS4Destination(f *facts) verdict {
	c := f.c
	if y := c.Pupil.YearGroup; y != "Y10" && y != "Y11" {
		return notApplicable("not in Key Stage 4 (Y10-Y11)")
	}
	if !hillingdonInAP(c) {
		return notApplicable(notInAP)
	}
	rec, _ := c.Form(TemplateHillingdonPlacement)
	if v, _ := rec.Answer(FieldSeptemberDestination); v != "" {
		return met("planned September (post-16) destination recorded")
	}
	return unmet("record the pupil's planned September (post-16) destination on the placement form (%s)", TemplateHillingdonPlacement)
}
