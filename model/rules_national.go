package model

import (
	"fmt"
	"slices"
	"strings"
)

// The national pack: DfE Working together to improve school attendance
// (2024), the 2024 Pupil Registration Regulations, LGSCO (2011), the School
// Admissions Code 2021 and DfE suspension guidance 2024 (RULES.md). Each
// rule's doc comment records what it decides where the catalogue is silent.
var nationalRules = []Rule{
	{ID: "consent.parent", Pack: National, Severity: Blocker, Source: "reg 11(6) 2024 Regs; WTIA 2024; 000; 002 s5.2-5.3", check: consentParent},
	{ID: "consent.authorised-by", Pack: National, Severity: Warning, Source: "reg 11(1) 2024 Regs", check: consentAuthorisedBy},
	{ID: "end-date.set", Pack: National, Severity: Blocker, Source: "WTIA 2024", check: endDateSet},
	{ID: "duration.limit", Pack: National, Severity: Warning, Source: "000; 001 process 4; 002 s5.10", check: durationLimit},
	{ID: "extension.justified", Pack: National, Severity: Blocker, Source: "002 s5.10; WTIA 2024", check: extensionJustified},
	{ID: "timetable.covers-plan", Pack: National, Severity: Warning, Source: "000; 002 appendix 1", check: timetableCoversPlan},
	{ID: "timetable.full-time-by-end", Pack: National, Severity: Warning, Source: "000; 002 s5.7", check: timetableFullTimeByEnd},
	{ID: "timetable.steps-up", Pack: National, Severity: Info, Source: `000 ("planned progression"); 002 s5.7`, check: timetableStepsUp},
	{ID: "reviews.scheduled", Pack: National, Severity: Warning, Source: "001 initial meeting; 002 appendix 1; WTIA 2024", check: reviewsScheduled},
	{ID: "reviews.pupil-and-parent", Pack: National, Severity: Warning, Source: "WTIA 2024; 001 process 6", check: reviewsPupilAndParent},
	{ID: "risk-assessment.before-start", Pack: National, Severity: Blocker, Source: "000; 002 s5.6", check: riskAssessmentBeforeStart},
	{ID: "risk-assessment.significant-risk", Pack: National, Severity: Blocker, Source: "002 s4", check: riskAssessmentSignificantRisk},
	{ID: "professionals.social-worker", Pack: National, Severity: Blocker, Source: "002 s5.4; WTIA 2024", check: professionalsSocialWorker},
	{ID: "professionals.virtual-school", Pack: National, Severity: Blocker, Source: "000; 002 s1, s7", check: professionalsVirtualSchool},
	{ID: "professionals.send-team", Pack: National, Severity: Blocker, Source: "000; 002 s5.5; WTIA 2024", check: professionalsSENDTeam},
	{ID: "professionals.youth-justice", Pack: National, Severity: Warning, Source: "000; 002 s4", check: professionalsYouthJustice},
	{ID: "professionals.early-help", Pack: National, Severity: Warning, Source: "000; 002 s5.4", check: professionalsEarlyHelp},
	{ID: "reason.not-behaviour", Pack: National, Severity: Warning, Source: "WTIA 2024", check: reasonNotBehaviour},
	{ID: "reason.send-discrimination", Pack: National, Severity: Info, Source: "002 s1", check: reasonSENDDiscrimination},
	{ID: "repeat.behaviour", Pack: National, Severity: Warning, Source: "002 s5.10", check: repeatBehaviour},
	{ID: "work.home-learning", Pack: National, Severity: Warning, Source: "002 s5.8", check: workHomeLearning},
	{ID: "notify.la", Pack: National, Severity: Warning, Source: "000; 002 s7", check: notifyLA},
	{ID: "closure.copies", Pack: National, Severity: Warning, Source: "002 s7", check: closureCopies},
	{ID: "fair-access.20-school-days", Pack: National, Severity: Warning, Source: "School Admissions Code 2021; 001", check: fairAccess},
	{ID: "suspension.no-condition", Pack: National, Severity: Info, Source: "DfE suspension guidance 2024", check: suspensionNoCondition},
}

// consentParent: no part-time timetable without a parent's written
// agreement (reg 11(6); 000; 002 s5.2-5.3). A dated duty due by the start.
// Consent counts only from a named parent/carer with a stated relationship
// who lives with the pupil (002 s5.3: "from those that have day to day
// care"); a record that says otherwise is unmet whatever its date, naming
// what is missing. A record with no name, relationship or date at all is
// consent not yet given: due before the start, overdue after it.
func consentParent(f *facts) verdict {
	if v, ok := reducedHours(f); !ok {
		return v
	}
	c := f.c.Consent
	blank := isBlank(c.ParentName) && isBlank(c.Relationship) && c.Signed.IsZero()
	var gaps []string
	if isBlank(c.ParentName) {
		gaps = append(gaps, "no parent/carer name")
	}
	if isBlank(c.Relationship) {
		gaps = append(gaps, "no relationship to the pupil")
	}
	if !c.LivesWithPupil {
		gaps = append(gaps, "not recorded as living with the pupil")
	}
	if len(gaps) > 0 && !blank {
		return unmet("parental consent does not count yet: %s; it must come from a parent/carer the pupil normally lives with", strings.Join(gaps, ", "))
	}
	who := "written parental consent"
	if !blank {
		who = fmt.Sprintf("consent signed by %s (%s)", strings.TrimSpace(c.ParentName), strings.TrimSpace(c.Relationship))
	}
	return f.dutyFromStart(0, who, c.Signed)
}

// consentAuthorisedBy: reg 11(1) makes the part-time absence leave granted
// by the school, so someone on the staff must be named as authorising it.
// Applies where consent.parent does.
func consentAuthorisedBy(f *facts) verdict {
	if v, ok := reducedHours(f); !ok {
		return v
	}
	if isBlank(f.c.Consent.AuthorisedBy) {
		return unmet("no member of staff is recorded as authorising the part-time absence: enter who authorised it")
	}
	return met("authorised by %s", strings.TrimSpace(f.c.Consent.AuthorisedBy))
}

// reducedHours is the consent rules' "any case with a week below full
// time". A pupil with no year group (or one the catalogue does not know)
// has no known full time, so the rules cannot say they do not apply: they
// are unmet until the year group is entered, rather than silently n/a.
func reducedHours(f *facts) (verdict, bool) {
	switch {
	case !slices.Contains(YearGroups, f.c.Pupil.YearGroup):
		return unmet("%s", yearGroupMissing), false
	case !f.belowFullTime():
		return notApplicable("no planned week is below full time, so there are no reduced hours to agree"), false
	}
	return verdict{}, true
}

const yearGroupMissing = "the pupil's year group is not known, so neither is full time: enter it (N1, N2, R or Y1 to Y13)"

// endDateSet: a part-time plan must have a time limit (WTIA 2024).
func endDateSet(f *facts) verdict {
	if f.c.PlannedEnd.IsZero() {
		return unmet("no planned end date: a reduced timetable must have a time limit")
	}
	return met("planned to end on %s", f.c.End().UK())
}

// durationLimit: six weeks at most (000; 001 process 4; 002 s5.10). The
// limit is on the planned end as first agreed; any recorded extension meets
// the rule, because extension.justified is what judges the extension. A
// plan missing its start or end cannot show it is within the limit: unmet.
func durationLimit(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable && c.Kind != APReintegration {
		return notApplicable("applies to reduced timetables and reintegrations from AP; %s", kindPhrase(c.Kind))
	}
	if len(c.Extensions) > 0 {
		return met("extended to %s (extension.justified checks the extension)", c.End().UK())
	}
	if c.Start.IsZero() || c.PlannedEnd.IsZero() {
		return unmet("the length cannot be checked: enter the start and planned end dates")
	}
	weeks, limit := f.params.LengthLimit(c.Start)
	if c.PlannedEnd.After(limit) {
		return unmet("planned end %s is %s past the %d-week limit (%s): shorten the plan or record an agreed extension",
			c.PlannedEnd.UK(), days(limit.DaysUntil(c.PlannedEnd)), weeks, limit.UK())
	}
	return met("%s from %s to %s, within %d weeks", days(c.Start.DaysUntil(c.PlannedEnd)), c.Start.UK(), c.PlannedEnd.UK(), weeks)
}

// LengthLimit is the longest a plan starting on start may run before it
// needs an extension: max_weeks (6 in every seed) and the last day that
// allows (duration.limit; 000; 001 process 4; 002 s5.10).
func (p Params) LengthLimit(start Date) (weeks int, last Date) {
	weeks = positive(p.MaxWeeks, DefaultParams().MaxWeeks)
	return weeks, start.AddDays(weeks * 7)
}

// extensionJustified: an extension only in exceptional circumstances, with
// parental agreement, and the plan revised to say why (002 s5.10). Every
// extension is checked, not only the latest: each moved the end.
func extensionJustified(f *facts) verdict {
	if len(f.c.Extensions) == 0 {
		return notApplicable("no extension is recorded")
	}
	var problems []string
	for i, e := range f.c.Extensions {
		var gaps []string
		if isBlank(e.Reason) {
			gaps = append(gaps, "no reason")
		}
		if !e.ParentAgreed {
			gaps = append(gaps, "no parental agreement")
		}
		if e.NewEnd.IsZero() {
			gaps = append(gaps, "no revised end date")
		}
		if len(gaps) > 0 {
			problems = append(problems, fmt.Sprintf("extension %d%s: %s", i+1, agreedOn(e.Agreed), strings.Join(gaps, ", ")))
		}
	}
	if len(problems) > 0 {
		return unmet("%s; record why it was needed, the parent's agreement and the new end date", strings.Join(problems, "; "))
	}
	return met("%d extension(s) with reason, parental agreement and new end; now ends %s", len(f.c.Extensions), f.c.End().UK())
}

// timetableCoversPlan: the plan is a week-by-week timetable (000; 002
// appendix 1). The plan runs to its end as moved by extensions, so the
// extended weeks need a timetable too. A week counts as a school week when
// at least one of its days between the start and the end is a school day,
// so holiday weeks need no timetable. Missing or reversed dates: unmet.
func timetableCoversPlan(f *facts) verdict {
	start, end := f.c.Start, f.c.End()
	switch {
	case start.IsZero() || end.IsZero():
		return unmet("the timetable cannot be checked against the plan: enter the start and planned end dates")
	case end.Before(start):
		return unmet("the planned end %s is before the start %s: correct the dates", end.UK(), start.UK())
	}
	planned := make(map[Date]bool, len(f.c.Timetable))
	for _, w := range f.c.Timetable {
		planned[w.WeekBeginning.Monday()] = true
	}
	var missing []string
	for monday := start.Monday(); !monday.After(end); monday = monday.AddDays(7) {
		first, last := MaxDate(monday, start), MinDate(monday.AddDays(4), end)
		if !planned[monday] && f.cal.SchoolDaysBetween(first, last) > 0 {
			missing = append(missing, monday.UK())
		}
	}
	if len(missing) > 0 {
		return unmet("no timetable for the week(s) beginning %s: plan every school week from %s to %s",
			shortList(missing, 6), start.UK(), end.UK())
	}
	return met("every school week from %s to %s has a timetable", start.UK(), end.UK())
}

// timetableFullTimeByEnd: the plan leads back to full time (000; 002 s5.7).
// "The last planned week" is the last one with any school day: a holiday
// week at the end asks for nothing and would prove nothing. A pupil with
// no threshold (nursery, post-16) has no full time to reach: n/a; one with
// no known year group is unmet, as for the consent rules.
func timetableFullTimeByEnd(f *facts) verdict {
	yg := f.c.Pupil.YearGroup
	if !slices.Contains(YearGroups, yg) {
		return unmet("%s", yearGroupMissing)
	}
	if _, ok := yg.FullTimeHours(); !ok {
		return notApplicable("no full-time threshold for %s (not of compulsory school age)", yg)
	}
	var last WeekHours
	for _, w := range f.weeks {
		if w.SchoolDays > 0 {
			last = w
		}
	}
	if last.SchoolDays == 0 {
		return unmet("no week with school days is planned: plan the weeks back to full time")
	}
	if last.FullTime {
		return met("the last planned week (w/c %s) is full time: %s of %s hours", last.WeekBeginning.UK(),
			FormatHours(last.HoursInEducation), FormatHours(last.ThresholdHours))
	}
	return unmet("the last planned week (w/c %s) has %s of the %s hours of full time: the plan must reach full time by its end",
		last.WeekBeginning.UK(), FormatHours(last.HoursInEducation), FormatHours(last.ThresholdHours))
}

// timetableStepsUp: a planned progression, never a step back (000; 002
// s5.7). Weeks are compared by minutes in education per school day, so a
// bank holiday or INSET week that is shorter but keeps the same daily
// pattern is not a fall; weeks with no school day are skipped. A plan with
// fewer than two such weeks cannot fall: met.
func timetableStepsUp(f *facts) verdict {
	var falls []string
	var prev WeekHours
	for _, w := range f.weeks {
		if w.SchoolDays == 0 {
			continue
		}
		if prev.SchoolDays > 0 {
			before, now := prev.MinutesSchool+prev.MinutesOffsite, w.MinutesSchool+w.MinutesOffsite
			if now*prev.SchoolDays < before*w.SchoolDays {
				falls = append(falls, fmt.Sprintf("w/c %s (%s h over %d days, after %s h over %d)", w.WeekBeginning.UK(),
					FormatHours(w.HoursInEducation), w.SchoolDays, FormatHours(prev.HoursInEducation), prev.SchoolDays))
			}
		}
		prev = w
	}
	if len(falls) > 0 {
		return unmet("hours in education fall in %s: each week should keep or add to the last", strings.Join(falls, "; "))
	}
	return met("hours in education never fall from one planned week to the next")
}

// reviewsScheduled: fortnightly reviews (001 initial meeting; 002 appendix
// 1), by RULES.md's algorithm. A due date D has "passed" when D < on: on D
// itself the review can still be held, so it is due, not overdue. Any held
// review counts (review, emergency or final). When every due date up to and
// including the first on or after the end has passed with its review held,
// nothing more is due: met, with no date, asking for the case to be closed
// or extended. With no end date the reviews go on every 14 days.
func reviewsScheduled(f *facts) verdict {
	c := f.c
	if c.Status != Active {
		return notApplicable("applies to active cases; this case is %s", statusPhrase(c.Status))
	}
	if c.Start.IsZero() {
		return unmet("the review dates cannot be worked out: enter the start date")
	}
	every := positive(f.params.ReviewEveryDays, DefaultParams().ReviewEveryDays)
	end, held := c.End(), 0
	for due := c.Start.AddDays(every); ; due = due.AddDays(every) {
		if !due.Before(f.on) {
			return nextReview(f, due, held)
		}
		if !reviewHeldFor(c.Reviews, due, every) {
			return verdict{status: Overdue, due: due, severity: Warning,
				message: fmt.Sprintf("the review due by %s was not held (it falls in the %d days up to that date): hold it and record it", due.UK(), every)}
		}
		held++
		if !end.IsZero() && !due.Before(end) {
			return met("all %d reviews held on time, the last due by %s: close the case or extend it", held, due.UK())
		}
	}
}

// nextReview decides between due (soon) and met for the next due date.
func nextReview(f *facts, next Date, held int) verdict {
	away := f.on.DaysUntil(next)
	if away <= f.params.ReviewDueSoonDays {
		return verdict{status: Due, due: next, severity: Info,
			message: fmt.Sprintf("review due by %s (%s)", next.UK(), whenDue(away))}
	}
	v := met("%d review(s) held on time; next due by %s", held, next.UK())
	v.due = next
	return v
}

// reviewHeldFor reports whether a review was held after due-every and on or before due.
func reviewHeldFor(reviews []Review, due Date, every int) bool {
	from := due.AddDays(-every)
	for _, r := range reviews {
		if !r.Held.IsZero() && r.Held.After(from) && r.Held.OnOrBefore(due) {
			return true
		}
	}
	return false
}

// reviewsPupilAndParent: the pupil and parents are actively involved in
// reviewing the plan (WTIA 2024; 001 process 6). Every held review must
// record both the pupil's views and a parent's attendance; planned reviews
// not yet held are left to reviews.scheduled.
func reviewsPupilAndParent(f *facts) verdict {
	held := 0
	var gaps []string
	for _, r := range f.c.Reviews {
		if r.Held.IsZero() {
			continue
		}
		held++
		var missing []string
		if !r.PupilViews {
			missing = append(missing, "the pupil's views")
		}
		if !r.ParentAttended {
			missing = append(missing, "a parent's participation")
		}
		if len(missing) > 0 {
			gaps = append(gaps, fmt.Sprintf("review held %s has no record of %s", r.Held.UK(), strings.Join(missing, " or ")))
		}
	}
	if held == 0 {
		return notApplicable("no review has been held yet")
	}
	if len(gaps) > 0 {
		return unmet("%s: record them on the review", strings.Join(gaps, "; "))
	}
	return met("%d held review(s), each recording the pupil's views and a parent's participation", held)
}

// dutyFromStart is a duty due the given number of days after the start. A
// case with no start date yet has no deadline: done is met, not done is due.
func (f *facts) dutyFromStart(after int, what string, done Date) verdict {
	switch {
	case !f.c.Start.IsZero():
		return duty(what, f.c.Start.AddDays(after), done, f.on)
	case !done.IsZero():
		return met("%s on %s (no start date yet)", what, done.UK())
	}
	return verdict{status: Due, message: what + ": due by the start, and no start date is entered yet"}
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// positive guards a parameter that must be at least 1 against a zero or
// negative setting, which would make a rule loop or mean nothing.
func positive(n, fallback int) int {
	if n > 0 {
		return n
	}
	return fallback
}

func agreedOn(d Date) string {
	if d.IsZero() {
		return ""
	}
	return " (agreed " + d.UK() + ")"
}

func kindPhrase(k Kind) string {
	if k == "" {
		return "this case has no kind: choose reduced timetable, reintegration from AP or reintegration after suspension"
	}
	if !slices.Contains(Kinds, k) {
		return fmt.Sprintf("this case's kind %q is not one the catalogue knows", string(k))
	}
	label := k.Label()
	return "this case is a " + strings.ToLower(label[:1]) + label[1:]
}

func statusPhrase(s CaseStatus) string {
	switch s {
	case Draft:
		return "a draft"
	case "":
		return "without a status"
	}
	return string(s)
}

// listPhrase writes "a", "a and b", "a, b and c".
func listPhrase(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// shortList is listPhrase cut to max items, counting the rest.
func shortList(items []string, max int) string {
	if len(items) <= max {
		return listPhrase(items)
	}
	return strings.Join(items[:max], ", ") + fmt.Sprintf(" and %d more", len(items)-max)
}
