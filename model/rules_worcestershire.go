package model

import (
	"slices"
	"strings"
)

// The Worcestershire pack: Reintegration Protocol for Worcestershire Schools
// (seed 001), for pupils coming back from alternative provision through Fair
// Access. Every rule applies to AP reintegration cases only.
var worcestershireRules = []Rule{
	{ID: "worcs.consent-before-approach", Pack: Worcestershire, Severity: Blocker, Source: "001", check: worcsConsentBeforeApproach},
	{ID: "worcs.information-form", Pack: Worcestershire, Severity: Warning, Source: "001", check: worcsInformationForm},
	{ID: "worcs.child-views", Pack: Worcestershire, Severity: Warning, Source: "001", check: worcsChildViews},
	{ID: "worcs.initial-meeting", Pack: Worcestershire, Severity: Blocker, Source: "001", check: worcsInitialMeeting},
	{ID: "worcs.final-review-6-weeks", Pack: Worcestershire, Severity: Warning, Source: "001", check: worcsFinalReview},
	{ID: "worcs.dual-registration", Pack: Worcestershire, Severity: Warning, Source: "001 process 5", check: worcsDualRegistration},
	{ID: "worcs.emergency-review", Pack: Worcestershire, Severity: Blocker, Source: "001 process 7", check: worcsEmergencyReview},
	{ID: "worcs.outcome-form", Pack: Worcestershire, Severity: Warning, Source: "001 process 9", check: worcsOutcomeForm},
	{ID: "worcs.transport", Pack: Worcestershire, Severity: Warning, Source: "001", check: worcsTransport},
}

const notFromAP = "not a reintegration from alternative provision"

// worcsApproach is when another school was first approached: the Fair
// Access referral or the first notification to School Admissions or the
// host school (001 process 2: the LA is told once consent is in), else the
// start, since nobody starts at a school that was never approached.
func worcsApproach(c Case) Date {
	approach := c.Referral.FairAccessReferred
	for _, to := range []Role{SchoolAdmissions, HostSchool} {
		n, _ := c.NotifiedFirst(to, "")
		approach = MinDate(approach, n.Sent)
	}
	return firstSet(approach, c.Start)
}

// worcsConsentBeforeApproach: "Consent to be gained from parent by current
// setting prior to approaching another school" (001, Consent Form; process
// 1). Done on the parent's signature date, else the day the form was first
// completed; a "no" to "Does the parent agree to a reintegration?" is unmet
// outright.
func worcsConsentBeforeApproach(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	var done Date
	if rec, ok := c.CompletedForm(TemplateWorcsConsent); ok {
		if yes, said := rec.YesNo(FieldParentAgrees); said && !yes {
			return unmet("the parent does not agree to a reintegration (Consent form): another school must not be approached")
		}
		done, _ = signedOn(rec, FieldParentSigned, c.FirstCompleted(TemplateWorcsConsent))
	}
	return localDuty("Consent form signed by the parent/carer", worcsApproach(c), done, f.on)
}

// worcsMeetingDate is the Initial Meeting's date: the form's meeting date,
// else the day it was completed, else the start (001 process 4 holds the
// meeting before the start).
func worcsMeetingDate(c Case) Date {
	if rec, ok := c.Form(TemplateWorcsInitialMeeting); ok {
		if d, ok := rec.DateAnswer(FieldMeetingDate); ok {
			return d
		}
		if !rec.Completed.IsZero() {
			return rec.Completed
		}
	}
	return c.Start
}

// worcsInformationForm: "Information to be completed by Alternative
// Provision setting and parent prior Reintegration Initial Meeting" (001).
// Done the day the form was first completed, due by the meeting.
func worcsInformationForm(f *facts) verdict {
	if f.c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	done := f.c.FirstCompleted(TemplateWorcsInformation)
	return localDuty("Reintegration Information form completed", worcsMeetingDate(f.c), done, f.on)
}

// worcsChildViews: the Views form goes with the information before the
// meeting (001 process 3), and "The views of the child/young person should
// be gathered prior to each review" (001 process 6). Each held review
// (emergency and final included) needs the pupil's views recorded on it, or
// a Views form completed since the review (or meeting) before it. The
// before-the-meeting part is a dated duty; a review without views makes the
// whole unmet.
func worcsChildViews(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	meeting := worcsMeetingDate(c)
	v := localDuty("Views of the Child/YP and Family recorded", meeting, c.FirstCompleted(TemplateWorcsViews), f.on)
	missed := worcsReviewsWithoutViews(c, meeting)
	if len(missed) == 0 {
		return v
	}
	note := "views not gathered for the review on " + listPhrase(missed)
	if v.status == Met || v.status == Due {
		return verdict{status: Unmet, due: v.due, message: note}
	}
	v.message += "; " + note
	return v
}

// worcsReviewsWithoutViews lists the held reviews (as DD/MM/YYYY) with no
// views gathered for them.
func worcsReviewsWithoutViews(c Case, meeting Date) []string {
	held := slices.DeleteFunc(slices.Clone(c.Reviews), func(r Review) bool { return r.Held.IsZero() })
	slices.SortFunc(held, func(a, b Review) int { return a.Held.Time().Compare(b.Held.Time()) })
	var missed []string
	since := meeting
	for _, r := range held {
		covered := r.PupilViews || slices.ContainsFunc(c.Forms, func(rec FormRecord) bool {
			return rec.Template == TemplateWorcsViews && !rec.Completed.IsZero() &&
				rec.Completed.After(since) && !rec.Completed.After(r.Held)
		})
		if !covered {
			missed = append(missed, r.Held.UK())
		}
		since = r.Held
	}
	return missed
}

// worcsSigners are the Initial Meeting form's signatories that 001 process 4
// requires ("completed and signed by all parties"); "Other" is optional.
var worcsSigners = []struct{ key, who string }{
	{FieldParentSigned, "the parent/carer"},
	{FieldChildSigned, "the child/young person"},
	{FieldAPSigned, "the AP setting"},
	{FieldHostSigned, "the host school"},
}

var worcsReviewDates = []struct{ key, label string }{
	{FieldReview2Weeks, "first interim (2 weeks)"},
	{FieldReview4Weeks, "second interim (4 weeks)"},
	{FieldReviewFinal, "final (6 weeks)"},
}

// worcsInitialMeeting: "The Reintegration Initial Meeting Form should be
// completed and signed by all parties at this meeting. Review dates
// including the final placement review will also be agreed on this form"
// (001 process 4). Unmet when the form is not completed, a signature field
// is blank or "no", or a review date field is present but not a date. How
// far the final review is from the start is worcs.final-review-6-weeks'
// business; the interim dates are taken as agreed.
func worcsInitialMeeting(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	rec, ok := c.CompletedForm(TemplateWorcsInitialMeeting)
	if !ok {
		return unmet("the Initial Meeting form (%s) is not completed: complete it at the meeting, signed by the parent/carer, child, AP setting and host school", TemplateWorcsInitialMeeting)
	}
	var unsigned, undated []string
	for _, s := range worcsSigners {
		if _, missing := signedOn(rec, s.key, rec.Completed); missing {
			unsigned = append(unsigned, s.who)
		}
	}
	for _, r := range worcsReviewDates {
		if _, asked := rec.Answer(r.key); asked {
			if _, ok := rec.DateAnswer(r.key); !ok {
				undated = append(undated, r.label)
			}
		}
	}
	var gaps []string
	if len(unsigned) > 0 {
		gaps = append(gaps, "not signed by "+listPhrase(unsigned))
	}
	if len(undated) > 0 {
		gaps = append(gaps, "missing the "+listPhrase(undated)+" review date")
	}
	if len(gaps) > 0 {
		return unmet("the Initial Meeting form is %s", strings.Join(gaps, " and "))
	}
	return met("Initial Meeting form signed by all parties on %s, with the review dates", worcsMeetingDate(c).UK())
}

// worcsFinalReview: "The final placement review should be within 6 weeks of
// the start date proposed" (001 process 4): a dated duty with deadline start
// + 6 weeks (param FinalReviewWeeks; 0 or less means 6), met by a held
// review of kind "final". Before it is held, a final review planned after
// the deadline (a review of kind final with that due date, else the
// Initial Meeting form's final review date) is unmet at once, so it can be
// moved in time.
func worcsFinalReview(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	if c.Start.IsZero() {
		return unmet("no start date: the final review must be within 6 weeks of the start")
	}
	weeks := positive(f.params.FinalReviewWeeks, DefaultParams().FinalReviewWeeks)
	deadline := c.Start.AddDays(7 * weeks)
	held, planned := worcsFinalReviewDates(c)
	if held.IsZero() && planned.After(deadline) {
		return verdict{status: Unmet, due: deadline, message: "the final review is planned for " + planned.UK() +
			", " + days(deadline.DaysUntil(planned)) + " after the 6 weeks end on " + deadline.UK() + ": bring it forward"}
	}
	return duty("final placement review held", deadline, held, f.on)
}

// worcsFinalReviewDates are the first held final review and the planned one.
func worcsFinalReviewDates(c Case) (held, planned Date) {
	for _, r := range c.Reviews {
		if reviewIs(r, ReviewKindFinal) {
			held = MinDate(held, r.Held)
			planned = MinDate(planned, r.Due)
		}
	}
	if planned.IsZero() {
		if rec, ok := c.Form(TemplateWorcsInitialMeeting); ok {
			planned, _ = rec.DateAnswer(FieldReviewFinal)
		}
	}
	return held, planned
}

// worcsDualRegistration: "the pupil should appear on both registers - the
// receiving school must complete a Joiners Form ... The Alternative
// Provision setting should mark the register as code D" (001 process 5).
// On both registers: the timetable has dual (D) sessions. The Joiners Form:
// a notification to school_admissions of what NotifyJoinerForm, or the
// Successful Outcome form's FieldJoinerForm answered yes.
func worcsDualRegistration(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration || c.Status != Active {
		return notApplicable("not an active reintegration from alternative provision")
	}
	var gaps []string
	if !timetableHas(c, Dual) {
		gaps = append(gaps, "the timetable has no dual-registered (D) sessions at the AP setting")
	}
	if !worcsJoinerFormDone(c) {
		gaps = append(gaps, "the Joiners Form is not recorded (notify school_admissions: joiner_form)")
	}
	if len(gaps) > 0 {
		return unmet("the pupil should be on both registers: %s", strings.Join(gaps, "; "))
	}
	return met("dual registered (D) and the Joiners Form is done")
}

func worcsJoinerFormDone(c Case) bool {
	for _, n := range c.Notifications {
		if n.To == SchoolAdmissions && strings.EqualFold(n.What, NotifyJoinerForm) && !n.Sent.IsZero() {
			return true
		}
	}
	rec, _ := c.Form(TemplateWorcsOutcomeSuccessful)
	yes, _ := rec.YesNo(FieldJoinerForm)
	return yes
}

// timetableHas reports whether any planned session has one of the modes.
func timetableHas(c Case, modes ...Mode) bool {
	for _, w := range c.Timetable {
		for _, day := range w.Days {
			if slices.Contains(modes, day[AM].Mode) || slices.Contains(modes, day[PM].Mode) {
				return true
			}
		}
	}
	return false
}

// worcsFailed reports whether the reintegration ended (or is ending)
// unsuccessfully: the case's typed outcome is unsuccessful, or the
// failed-reintegration letter or the Unsuccessful
// Outcome form is completed. end is the closure date, else the letter's
// "with effect from" date, else the return to the AP setting; zero when
// none is known yet.
func worcsFailed(c Case) (end Date, failed bool) {
	letter, hasLetter := c.CompletedForm(TemplateWorcsFailedLetter)
	form, hasForm := c.CompletedForm(TemplateWorcsOutcomeUnsuccessful)
	failed = hasLetter || hasForm || c.Outcome.Failed()
	if !failed {
		return Date{}, false
	}
	effective, _ := letter.DateAnswer(FieldEndDate)
	returned, _ := form.DateAnswer(FieldReturnToAP)
	return firstSet(c.Closed, effective, returned), true
}

// worcsEmergencyReview: "If the receiving school is considering ending the
// reintegration, the head teacher ... should hold an emergency review
// meeting and this must include representatives of the Alternative
// Provision setting, family and Local Authority" (001 process 7). A dated
// duty with deadline the end (see worcsFailed; a plain condition while the
// end is not known), met by a held review of kind "emergency" that the
// parent attended and whose worcs.review form (matched by meeting date) does
// not say the AP setting or the LA was absent.
func worcsEmergencyReview(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	end, failed := worcsFailed(c)
	if !failed {
		return notApplicable("the reintegration has not ended unsuccessfully")
	}
	var held Date
	var gaps []string
	for _, r := range c.Reviews {
		if !reviewIs(r, ReviewKindEmergency) || r.Held.IsZero() {
			continue
		}
		if gap := worcsEmergencyGap(c, r); gap != "" {
			gaps = append(gaps, gap)
			continue
		}
		held = MinDate(held, r.Held)
	}
	v := localDuty("emergency review with the AP setting, family and LA held", end, held, f.on)
	if held.IsZero() && len(gaps) > 0 {
		v.message += "; " + strings.Join(gaps, "; ")
	}
	return v
}

// worcsEmergencyGap says who was missing from an emergency review, or "".
func worcsEmergencyGap(c Case, r Review) string {
	var absent []string
	if !r.ParentAttended {
		absent = append(absent, "the family")
	}
	for _, rec := range c.Forms {
		if d, ok := rec.DateAnswer(FieldMeetingDate); rec.Template != TemplateWorcsReview || !ok || !d.Equal(r.Held) {
			continue
		}
		if yes, said := rec.YesNo(FieldAPAttended); said && !yes {
			absent = append(absent, "the AP setting")
		}
		if yes, said := rec.YesNo(FieldLAAttended); said && !yes {
			absent = append(absent, "the local authority")
		}
		break
	}
	if len(absent) == 0 {
		return ""
	}
	return "the emergency review on " + r.Held.UK() + " did not include " + listPhrase(absent)
}

// worcsOutcomeForm: "The outcome record sheet must be completed and returned
// via the Children's Services Portal" (001 process 9); School Admissions
// adjusts the Fair Access weightings from it. It applies once a final
// review is held, and also when the reintegration has ended (closed, or
// ended unsuccessfully after an emergency review, which has no final
// review). The form is the Unsuccessful one when the reintegration failed
// (see worcsFailed), else the Successful one. Sent means a notification to
// school_admissions dated on or after the final review (or, without one,
// the end or the form's completion), so copies of earlier paperwork do not
// count.
func worcsOutcomeForm(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	end, failed := worcsFailed(c)
	final, _ := worcsFinalReviewDates(c)
	if final.IsZero() && !failed && c.Status != Closed {
		return notApplicable("no final review held yet")
	}
	template, which, by := TemplateWorcsOutcomeSuccessful, "Successful Outcome form", "the host school"
	if failed {
		template, which, by = TemplateWorcsOutcomeUnsuccessful, "Unsuccessful Outcome form", "the home school"
	}
	rec, ok := c.CompletedForm(template)
	if !ok {
		return unmet("%s should complete the %s (%s) and send it to School Admissions", by, which, template)
	}
	since := firstSet(final, MinDate(end, rec.Completed))
	var sent Date
	for _, n := range c.Notifications {
		if n.To == SchoolAdmissions && !n.Sent.Before(since) {
			sent = MinDate(sent, n.Sent)
		}
	}
	if sent.IsZero() {
		return unmet("the %s was completed on %s but not sent to School Admissions", which, rec.Completed.UK())
	}
	return met("%s completed on %s and sent to School Admissions on %s", which, rec.Completed.UK(), sent.UK())
}

// worcsTransport: "Transport arrangements (if required) must be considered
// at the planning meeting" (001, Transport): the Initial Meeting form's
// "Transport Arrangements:" is filled in ("none needed" is an answer); a
// blank one, or a completed form without the field, is not done.
func worcsTransport(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	rec, ok := c.CompletedForm(TemplateWorcsInitialMeeting)
	if !ok {
		return unmet("record the transport arrangements on the Initial Meeting form (%s)", TemplateWorcsInitialMeeting)
	}
	if v, _ := rec.Answer(FieldTransport); v == "" {
		return unmet("the Initial Meeting form has no transport arrangements: write them, or that none are needed")
	}
	return met("transport arrangements recorded at the Initial Meeting")
}
