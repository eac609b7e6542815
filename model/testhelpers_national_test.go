package model

import (
	"strings"
	"testing"
)

// Fixtures for the national pack's tests. The baseline case meets every
// national rule that applies to it: a Y8 reduced timetable from Monday
// 02/11/2026 to Friday 11/12/2026 (six weeks), stepping up one afternoon a
// week to full time, with consent, risk assessment and the LA told before the
// start, and the first fortnightly review held. Each test case changes one
// thing with a mod.

// natOn is the default as-of date: Friday of the plan's third week.
const natOn = "2026-11-20"

// natCal knows only weekends and the embedded bank holidays.
var natCal = NewCalendar()

// natChristmasCal adds the school's Christmas holidays (21/12/2026 to 01/01/2027).
var natChristmasCal = NewCalendar(Closure{First: MustDate("2026-12-21"), Last: MustDate("2027-01-01"), Name: "Christmas holidays"})

// natWeek is a week with every morning in school (15 h) and the first
// afternoons in school (2 h each): afternoons 5 makes 25 h, full time for
// Y7-Y10 (24 h, LGSCO via 002 s2).
func natWeek(monday string, afternoons int) Week {
	w := Week{WeekBeginning: MustDate(monday)}
	for day := range 5 {
		w.Days[day][AM] = Session{Mode: InSchool}
		w.Days[day][PM] = Session{Mode: NoSession}
		if day < afternoons {
			w.Days[day][PM] = Session{Mode: InSchool}
		}
	}
	return w
}

// natSteps is consecutive weeks from the Monday given, one natWeek each.
func natSteps(monday string, afternoons ...int) []Week {
	weeks := make([]Week, len(afternoons))
	for i, a := range afternoons {
		weeks[i] = natWeek(MustDate(monday).AddDays(7*i).String(), a)
	}
	return weeks
}

func natCase(mods ...func(*Case)) Case {
	c := Case{
		ID:    1,
		Pupil: Pupil{Name: "Zoë Nguyễn", DateOfBirth: MustDate("2013-04-02"), YearGroup: "Y8"},
		Kind:  ReducedTimetable, Reasons: []Reason{MentalHealth},
		Start: MustDate("2026-11-02"), PlannedEnd: MustDate("2026-12-11"), Status: Active,
		Agreed: MustDate("2026-10-30"), NamedPerson: "Ms R Khan",
		Consent: Consent{ParentName: "Łukasz Nowak", Relationship: "father", LivesWithPupil: true,
			Signed: MustDate("2026-10-30"), AuthorisedBy: "Mr T Green"},
		RiskAssessment: RiskAssessment{Completed: MustDate("2026-10-29")},
		Notifications:  []Notification{{To: LocalAuthority, Sent: MustDate("2026-11-02"), What: "plan"}},
		HomeLearning:   "Work set on the class page, marked weekly by the form tutor",
		Timetable:      natSteps("2026-11-02", 0, 1, 2, 3, 4, 5),
		Reviews: []Review{{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: "review",
			PupilViews: true, ParentAttended: true}},
	}
	for _, m := range mods {
		m(&c)
	}
	return c
}

// natAll combines mods into one.
func natAll(mods ...func(*Case)) func(*Case) {
	return func(c *Case) {
		for _, m := range mods {
			m(c)
		}
	}
}

func natKind(k Kind) func(*Case)         { return func(c *Case) { c.Kind = k } }
func natStatus(s CaseStatus) func(*Case) { return func(c *Case) { c.Status = s } }
func natYear(y YearGroup) func(*Case)    { return func(c *Case) { c.Pupil.YearGroup = y } }
func natFlags(f ...Flag) func(*Case)     { return func(c *Case) { c.Pupil.Flags = f } }
func natReasons(r ...Reason) func(*Case) { return func(c *Case) { c.Reasons = r } }
func natStart(s string) func(*Case)      { return func(c *Case) { c.Start = natDate(s) } }
func natEnd(s string) func(*Case)        { return func(c *Case) { c.PlannedEnd = natDate(s) } }

// natDate is MustDate, with "" for an unset date.
func natDate(s string) Date {
	if s == "" {
		return Date{}
	}
	return MustDate(s)
}

// natFullTime makes every planned week full time.
func natFullTime(c *Case) { c.Timetable = natSteps("2026-11-02", 5, 5, 5, 5, 5, 5) }

// natTimetable replaces the planned weeks.
func natTimetable(weeks ...Week) func(*Case) { return func(c *Case) { c.Timetable = weeks } }

// natInvolved adds a professional's involvement.
func natInvolved(role Role, agreed string, attended bool) func(*Case) {
	return func(c *Case) {
		c.Involvement = append(c.Involvement, Involvement{Role: role, Name: "A Patel",
			Agreed: natDate(agreed), AttendedMeeting: attended})
	}
}

// natNotified adds a notification.
func natNotified(to Role, sent, what string) func(*Case) {
	return func(c *Case) {
		c.Notifications = append(c.Notifications, Notification{To: to, Sent: natDate(sent), What: what})
	}
}

// natReviewsHeld replaces the reviews with ones held (pupil and parent
// there) on the dates given.
func natReviewsHeld(held ...string) func(*Case) {
	return func(c *Case) {
		c.Reviews = nil
		for _, h := range held {
			c.Reviews = append(c.Reviews, Review{Held: MustDate(h), Kind: "review", PupilViews: true, ParentAttended: true})
		}
	}
}

// natExtend records an extension to the new end.
func natExtend(newEnd, reason string, parentAgreed bool) func(*Case) {
	return func(c *Case) {
		c.Extensions = append(c.Extensions, Extension{Agreed: MustDate("2026-12-07"), NewEnd: natDate(newEnd),
			Reason: reason, ParentAgreed: parentAgreed})
	}
}

// natClosed closes the case on the date ("" leaves the date unset).
func natClosed(on string) func(*Case) {
	return func(c *Case) { c.Status, c.Closed = Closed, natDate(on) }
}

// natFinding runs Check and returns the one finding for the rule.
func natFinding(t *testing.T, c Case, history []PastCase, cal *Calendar, packs Packs, on Date, rule string) Finding {
	t.Helper()
	var found []Finding
	for _, f := range Check(c, history, cal, packs, on) {
		if f.Rule == rule {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("Check gave %d findings for %s, want 1", len(found), rule)
	}
	return found[0]
}

// natContains reports a missing piece of a message.
func natContains(t *testing.T, msg, want string) {
	t.Helper()
	if want != "" && !strings.Contains(msg, want) {
		t.Errorf("message %q does not mention %q", msg, want)
	}
}
