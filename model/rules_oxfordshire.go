package model

import (
	"slices"
	"strings"
	"time"
)

// The Oxfordshire pack: Oxfordshire County Council, reintegration timetable
// guidance (seed 000). Every rule applies to reduced timetables only.
var oxfordshireRules = []Rule{
	{ID: "oxon.attendance-team", Pack: Oxfordshire, Severity: Warning, Source: "000", check: oxonAttendanceTeam},
	{ID: "oxon.meeting", Pack: Oxfordshire, Severity: Blocker, Source: "000", check: oxonMeeting},
	{ID: "oxon.plan-contents", Pack: Oxfordshire, Severity: Warning, Source: "000", check: oxonPlanContents},
	{ID: "oxon.la-copy-2-days", Pack: Oxfordshire, Severity: Warning, Source: "000", check: oxonLACopy},
	{ID: "oxon.eha-considered", Pack: Oxfordshire, Severity: Info, Source: "000", check: oxonEHAConsidered},
	{ID: "oxon.half-termly-share", Pack: Oxfordshire, Severity: Warning, Source: "000", check: oxonHalfTermlyShare},
}

// oxonMeetingDate is when the planning meeting was held: the oxon.plan's
// meeting date, else the day the plan was completed; zero if neither.
func oxonMeetingDate(c Case) Date {
	rec, ok := c.Form(TemplateOxonPlan)
	if !ok {
		return Date{}
	}
	if d, ok := rec.DateAnswer(FieldMeetingDate); ok {
		return d
	}
	return rec.Completed
}

// oxonAttendanceTeam: "the school must notify the County Attendance Team"
// when it "considers that a reintegration timetable for a pupil is needed"
// (000). The proposal is not a recorded event, so the deadline is the
// planning meeting that discusses it (oxon.plan's meeting date), else the
// agreement, else the start. Any notification to attendance_team counts.
func oxonAttendanceTeam(f *facts) verdict {
	if f.c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	deadline := firstSet(oxonMeetingDate(f.c), f.c.Agreed, f.c.Start)
	n, _ := f.c.NotifiedFirst(AttendanceTeam, "")
	return localDuty("County Attendance Team notified", deadline, n.Sent, f.on)
}

// oxonAttendee is who must be at the planning meeting for a pupil with one of
// the flags (000): any one of the roles will do.
type oxonAttendee struct {
	flags []Flag
	roles []Role
	who   string
}

// oxonAttendees follows 000: the Virtual School for a child "We Care For"
// (looked after; the seed does not name previously looked-after children),
// the YJES worker under a Court Order, the social worker or Early Help worker
// for a Child Protection, Child in Need or Team Around the Family plan (the
// seed pairs them, so either counts for any of the three), the SEN officer
// for an EHCP.
var oxonAttendees = []oxonAttendee{
	{[]Flag{LookedAfter}, []Role{VirtualSchool}, "the Virtual School"},
	{[]Flag{YouthJustice}, []Role{YouthJusticeRole}, "the YJES worker"},
	{[]Flag{ChildProtection, ChildInNeed, EarlyHelp}, []Role{SocialWorker, EarlyHelpRole}, "the social worker or Early Help worker"},
	{[]Flag{EHCP}, []Role{SENDTeam}, "the SEN officer"},
}

// oxonMeeting: "School must convene a meeting to discuss the proposals ...
// This must include the parent/carer" and, by flag, the LA (000). The
// meeting is evidenced by a completed oxon.plan; the parent counts as present
// unless FieldParentAttended says no; professionals come from the case's
// involvement (attended_meeting). The catalogue gives no date, so this is a
// condition; timing is for consent.parent and risk-assessment.before-start.
func oxonMeeting(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	rec, ok := c.CompletedForm(TemplateOxonPlan)
	if !ok {
		return unmet("no planning meeting recorded: complete the Oxfordshire plan (%s) at the meeting with the parent/carer", TemplateOxonPlan)
	}
	var missing []string
	if yes, said := rec.YesNo(FieldParentAttended); said && !yes {
		missing = append(missing, "the parent/carer")
	}
	for _, a := range oxonAttendees {
		if c.Pupil.Has(a.flags...) && !attendedMeeting(c, a.roles) {
			missing = append(missing, a.who)
		}
	}
	when := oxonMeetingDate(c).UK()
	if len(missing) > 0 {
		return unmet("the planning meeting on %s did not include %s", when, listPhrase(missing))
	}
	return met("planning meeting held on %s with everyone the pupil's flags require", when)
}

// attendedMeeting reports whether someone in one of the roles attended.
func attendedMeeting(c Case, roles []Role) bool {
	return slices.ContainsFunc(c.Involvement, func(in Involvement) bool {
		return in.AttendedMeeting && slices.Contains(roles, in.Role)
	})
}

// oxonContent is one of the nine things the plan "details" (000). typed, when
// set, finds it in the case's own data, which a form fills in place of its
// field.
type oxonContent struct {
	key, label string
	typed      func(Case) bool
}

var oxonContents = []oxonContent{
	{FieldTimetableSupport, "the proposed timetable with reintegration support", func(c Case) bool { return len(c.Timetable) > 0 }},
	{FieldReviewSchedule, "the review schedule", func(c Case) bool {
		return slices.ContainsFunc(c.Reviews, func(r Review) bool { return !r.Due.IsZero() })
	}},
	{FieldInterventions, "the supportive interventions", nil},
	{FieldSchoolChanges, "the changes within school and new skills", nil},
	{FieldExitStrategies, "the outcome and exit strategies", nil},
	{FieldNamedPerson, "the named person", func(c Case) bool { return strings.TrimSpace(c.NamedPerson) != "" }},
	{FieldSafeguarding, "the safeguarding measures and risk assessment (CSE/CDE)", func(c Case) bool { return !c.RiskAssessment.Completed.IsZero() }},
	{FieldExternalSupport, "external behaviour / early help support considered", nil},
	{FieldAPConsidered, "alternative provision considered", nil},
}

// oxonPlanContents: the plan details nine things (000). A content is there
// when the case's typed data holds it or the completed oxon.plan has it
// filled in: a field left blank, or missing from the record (a case file
// written without our keys), is not done.
func oxonPlanContents(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	rec, ok := c.CompletedForm(TemplateOxonPlan)
	if !ok {
		return unmet("the plan is not completed: record its nine contents on the Oxfordshire plan (%s)", TemplateOxonPlan)
	}
	var missing []string
	for _, content := range oxonContents {
		if content.typed != nil && content.typed(c) {
			continue
		}
		if v, _ := rec.Answer(content.key); v == "" {
			missing = append(missing, content.label)
		}
	}
	if len(missing) > 0 {
		return unmet("the plan does not record %s", listPhrase(missing))
	}
	return met("the plan records all nine contents")
}

// oxonLACopy: "Send the Local Authority a copy of the hours agreed and the
// plan upon which it was agreed within 2 days" (000), calendar days from
// the agreement: the case's agreed date, else the meeting, else the parent's
// signature, else the start (nothing starts unagreed). A notification to
// local_authority counts unless it is about something later (isStartCopy:
// closure, extension, nil return, a change of hours, the joiner form); so
// does oxon.plan's FieldLACopySent. A parameter
// of 0 or less means the default, 2.
func oxonLACopy(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	days := positive(f.params.OxonLACopyDays, DefaultParams().OxonLACopyDays)
	agreed := firstSet(c.Agreed, oxonMeetingDate(c), c.Consent.Signed, c.Start)
	var deadline Date
	if !agreed.IsZero() {
		deadline = agreed.AddDays(days)
	}
	var sent Date
	for _, n := range c.Notifications {
		if n.To == LocalAuthority && isStartCopy(n) {
			sent = MinDate(sent, n.Sent)
		}
	}
	if rec, ok := c.Form(TemplateOxonPlan); ok {
		d, _ := rec.DateAnswer(FieldLACopySent)
		sent = MinDate(sent, d)
	}
	return localDuty("copy of the hours and plan sent to the local authority", deadline, sent, f.on)
}

// oxonEHAConsidered: "Consider the need to carry out an Early Help
// Assessment" (000). Met when the pupil already has Early Help (the flag or
// an early help worker involved: the need was plainly considered), or
// oxon.plan says it was considered, or the completed plan has no such
// field. The half-termly names sent to Early Help (oxon.half-termly-share)
// are not a consideration of the family's needs, so they do not count.
func oxonEHAConsidered(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	_, involved := c.Involved(EarlyHelpRole)
	if c.Pupil.Has(EarlyHelp) || involved {
		return met("Early Help is already involved with the pupil")
	}
	rec, ok := c.CompletedForm(TemplateOxonPlan)
	if !ok {
		return unmet("record on the Oxfordshire plan (%s) whether an Early Help Assessment was considered", TemplateOxonPlan)
	}
	v, asked := rec.Answer(FieldEHAConsidered)
	if yes, said := rec.YesNo(FieldEHAConsidered); (asked && v == "") || (said && !yes) {
		return unmet("an Early Help Assessment has not been considered: consider whether the family needs one (contact LCSS)")
	}
	return met("an Early Help Assessment was considered")
}

// oxonShareTargets are who get the names once per half term (000).
var oxonShareTargets = []struct {
	to  Role
	who string
}{
	{SocialCare, "Social Care"},
	{YouthJusticeRole, "the Youth Justice operational group"},
	{EarlyHelpRole, "the Early Help and Prevention Team"},
}

// oxonHalfTermlyShare: names "are passed from Education to Social Care, the
// Youth Justice Team Operational Group and the Early Help and Prevention
// Team once per half term" (000). Each half term in which the case was
// active (from the start to the closure, or to today) needs a notification
// to each of social_care, youth_justice and early_help dated within it. A
// past half term without all three is overdue (due = its last day); the
// current one is due. Half terms come from the school calendar (see
// halfTerms); a half term runs to the end of the holiday that follows it,
// so names shared in the holiday count for the half term just ended.
func oxonHalfTermlyShare(f *facts) verdict {
	c := f.c
	switch {
	case c.Kind != ReducedTimetable:
		return notApplicable("not a reduced timetable")
	case c.Status == Draft || c.Start.IsZero() || c.Start.After(f.on):
		return notApplicable("the timetable is not running yet")
	}
	last := f.on
	if !c.Closed.IsZero() && c.Closed.Before(last) {
		last = c.Closed
	}
	if last.Before(c.Start) {
		return notApplicable("the case closed before its start")
	}
	periods := halfTerms(f.cal, c.Start, last)
	for _, p := range periods {
		missing := oxonUnshared(c, p)
		if len(missing) == 0 {
			continue
		}
		if p.last.Before(f.on) {
			return verdict{status: Overdue, due: p.last, message: "names not shared with " + listPhrase(missing) +
				" in the half term " + p.first.UK() + " to " + p.last.UK()}
		}
		return verdict{status: Due, due: p.last, message: "share the pupil's name with " + listPhrase(missing) +
			" by " + p.last.UK() + " (end of this half term)"}
	}
	v := met("names shared with Social Care, Youth Justice and Early Help in each half term since %s", c.Start.UK())
	v.due = periods[len(periods)-1].last
	return v
}

// oxonUnshared lists who was not sent the names within the half term.
func oxonUnshared(c Case, p teachingPeriod) []string {
	var missing []string
	for _, t := range oxonShareTargets {
		shared := slices.ContainsFunc(c.Notifications, func(n Notification) bool {
			return n.To == t.to && !n.Sent.Before(p.first) && !n.Sent.After(p.last)
		})
		if !shared {
			missing = append(missing, t.who)
		}
	}
	return missing
}

// The helpers below are shared by the local packs.

// firstSet is the first of the dates that is set, or the zero Date.
func firstSet(dates ...Date) Date {
	for _, d := range dates {
		if !d.IsZero() {
			return d
		}
	}
	return Date{}
}

// localDuty is duty, or, when the deadline is not known (the case lacks the
// date it hangs on), a plain condition: met when done, unmet otherwise.
func localDuty(what string, deadline, done, on Date) verdict {
	switch {
	case !deadline.IsZero():
		return duty(what, deadline, done, on)
	case !done.IsZero():
		return met("%s on %s", what, done.UK())
	}
	return unmet("%s: not recorded", what)
}

// teachingPeriod is a half term or a term, first to last day. Periods tile
// the year: each runs from the first school day after a holiday to the last
// day of the next holiday.
type teachingPeriod struct{ first, last Date }

// halfTerms lists the half terms that cover from..to, in order. A half term
// starts on a school day that follows at least a week (five weekdays) of
// closure; INSET days and long weekends do not divide half terms. Where the
// school calendar has no such holiday within 100 days, the boundary falls
// back to six fixed English half terms starting 1 September, 1 November,
// 1 January, 22 February, 15 April and 1 June: approximate, so schools
// should keep their holidays in the calendar.
func halfTerms(cal *Calendar, from, to Date) []teachingPeriod {
	var out []teachingPeriod
	for d := from; !d.After(to) && len(out) < 200; {
		p := periodAround(cal, d, 5, 100, fixedHalfTermStarts)
		out = append(out, p)
		d = p.last.AddDays(1)
	}
	return out
}

var fixedHalfTermStarts = [][2]int{{1, 1}, {2, 22}, {4, 15}, {6, 1}, {9, 1}, {11, 1}}

// periodAround finds the period that holds d: back to the nearest school day
// that follows minBreak closed weekdays, forward to the day before the next
// one, each searched up to reach days away and otherwise taken from the
// fixed starts (month, day; in calendar order).
func periodAround(cal *Calendar, d Date, minBreak, reach int, fixed [][2]int) teachingPeriod {
	p := fixedPeriod(d, fixed)
	for s, stop := d, d.AddDays(-reach); !s.Before(stop); s = s.AddDays(-1) {
		if opensAfterBreak(cal, s, minBreak) {
			p.first = s
			break
		}
	}
	for s, stop := d.AddDays(1), d.AddDays(reach); !s.After(stop); s = s.AddDays(1) {
		if opensAfterBreak(cal, s, minBreak) {
			p.last = s.AddDays(-1)
			break
		}
	}
	return p
}

// opensAfterBreak reports whether s is a school day straight after at least
// minBreak weekdays on which the school was shut.
func opensAfterBreak(cal *Calendar, s Date, minBreak int) bool {
	if !cal.IsSchoolDay(s) {
		return false
	}
	d := s
	for n := 0; n < minBreak; {
		d = d.AddDays(-1)
		if d.IsWeekend() {
			continue
		}
		if cal.IsSchoolDay(d) {
			return false
		}
		n++
	}
	return true
}

// fixedPeriod is the fixed period holding d.
func fixedPeriod(d Date, starts [][2]int) teachingPeriod {
	var all []Date
	for y := d.Year() - 1; y <= d.Year()+1; y++ {
		for _, s := range starts {
			all = append(all, NewDate(y, time.Month(s[0]), s[1]))
		}
	}
	for i := len(all) - 2; i >= 0; i-- {
		if !all[i].After(d) {
			return teachingPeriod{first: all[i], last: all[i+1].AddDays(-1)}
		}
	}
	return teachingPeriod{first: d, last: d}
}
