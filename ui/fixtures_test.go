package ui

import "reintegrate/model"

// The screens' test data: a school and six cases that between them show
// every state a screen draws. The as-of date is Wednesday 04/11/2026; the
// school has an INSET day on Friday 06/11/2026, so that week is short.
var testOn = model.MustDate("2026-11-04")

func testSchool() model.School {
	s := model.DefaultSchool()
	s.Name, s.URN, s.LocalAuthority, s.Trust = "St George's School", "123456", "Somerset", "BWMAT"
	s.Closures = []model.Closure{
		{First: model.MustDate("2026-11-06"), Last: model.MustDate("2026-11-06"), Name: "INSET"},
		{First: model.MustDate("2026-12-21"), Last: model.MustDate("2027-01-01"), Name: "Christmas holiday"},
	}
	s.Packs.On = []model.Pack{model.National, model.BWMAT}
	return s
}

// week builds a week from ten session letters, Monday am first: S school,
// B off-site, D dual, K LA provision, H home learning, - none; a number
// after a letter makes it a part session ("S90").
func week(monday string, sessions ...string) model.Week {
	w := emptyWeek(model.MustDate(monday))
	for i, s := range sessions {
		var sess model.Session
		switch s[0] {
		case 'S':
			sess.Mode = model.InSchool
		case 'B':
			sess.Mode = model.Offsite
		case 'D':
			sess.Mode = model.Dual
		case 'K':
			sess.Mode = model.LAProvision
		case 'H':
			sess.Mode = model.HomeLearning
		default:
			sess.Mode = model.NoSession
		}
		if len(s) > 1 {
			n := 0
			for _, r := range s[1:] {
				n = n*10 + int(r-'0')
			}
			sess.Minutes, sess.Partial = n, true
		}
		w.Days[i/2][i%2] = sess
	}
	return w
}

// mornings is a week in school every morning, nothing in the afternoons.
func mornings(monday string) model.Week {
	return week(monday, "S", "-", "S", "-", "S", "-", "S", "-", "S", "-")
}

func fullWeek(monday string) model.Week {
	return week(monday, "S", "S", "S", "S", "S", "S", "S", "S", "S", "S")
}

func date(s string) model.Date { return model.MustDate(s) }

// seed fills the fake store with the test cases and returns them.
func seed(f *fakeStore) []model.Case {
	sam := f.addPupil(model.Pupil{Name: "Sam Taylor", DateOfBirth: date("2013-04-02"), UPN: "A123456789012",
		YearGroup: "Y8", Flags: []model.Flag{model.ChildInNeed, model.SENSupport}})
	zoe := f.addPupil(model.Pupil{Name: "Zoë Brontë", DateOfBirth: date("2018-06-11"), YearGroup: "Y3"})
	lukasz := f.addPupil(model.Pupil{Name: "Łukasz Nowak", DateOfBirth: date("2011-01-20"), YearGroup: "Y10",
		Flags: []model.Flag{model.LookedAfter}})
	an := f.addPupil(model.Pupil{Name: "Nguyễn Văn An", DateOfBirth: date("2009-10-03"), YearGroup: "Y12"})
	aisha := f.addPupil(model.Pupil{Name: "Aisha Khan", DateOfBirth: date("2011-05-05"), YearGroup: "Y11"})
	oliver := f.addPupil(model.Pupil{Name: "Oliver Smith", DateOfBirth: date("2014-02-14"), YearGroup: "Y7"})
	consent := model.Consent{ParentName: "J Taylor", Relationship: "mother", LivesWithPupil: true,
		Signed: date("2026-10-30"), AuthorisedBy: "Mr T Green"}
	return []model.Case{
		f.addCase(model.Case{Pupil: sam, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.MentalHealth},
			Start: date("2026-11-02"), PlannedEnd: date("2026-12-11"), Status: model.Active,
			Agreed: date("2026-10-30"), NamedPerson: "Ms R Khan", Consent: consent,
			RiskAssessment: model.RiskAssessment{Completed: date("2026-10-29")},
			Involvement:    []model.Involvement{{Role: model.SocialWorker, Name: "A Patel", Agreed: date("2026-10-29"), AttendedMeeting: true}},
			HomeLearning:   "Work set on the class page, marked weekly by the form tutor",
			Timetable: []model.Week{
				week("2026-11-02", "S", "-", "S", "B", "S", "-", "S", "-", "S", "-"),
				mornings("2026-11-09"),
				week("2026-11-16", "S", "S", "S", "-", "S", "S", "S", "-", "S", "-"),
				week("2026-11-23", "S", "S", "S", "S", "S", "S", "S", "-", "S", "-"),
				fullWeek("2026-11-30"), fullWeek("2026-12-07")},
			Reviews: []model.Review{{Due: date("2026-11-16"), Kind: "review"}}}),
		f.addCase(model.Case{Pupil: zoe, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.PhysicalHealth},
			Start: date("2026-10-19"), PlannedEnd: date("2026-11-27"), Status: model.Active,
			Timetable: []model.Week{
				week("2026-10-19", "S120", "-", "S120", "-", "S120", "-", "S120", "-", "S120", "-"),
				week("2026-11-02", "S", "-", "S", "H60", "S", "-", "S", "-", "S", "-"),
				mornings("2026-11-09"), mornings("2026-11-16"),
				week("2026-11-23", "S", "S", "S", "S", "S", "-", "S", "S", "S", "-")}}),
		f.addCase(model.Case{Pupil: lukasz, Kind: model.APReintegration, Reasons: []model.Reason{model.Reintegration},
			Start: date("2026-11-02"), PlannedEnd: date("2026-12-11"), Status: model.Active, Consent: consent,
			Timetable: []model.Week{
				week("2026-11-02", "D", "S", "D", "S", "D", "S", "D", "S", "D", "S"),
				week("2026-11-09", "S", "S", "D", "S", "S", "S", "D", "S", "S", "S")}}),
		f.addCase(model.Case{Pupil: an, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.MentalHealth},
			Start: date("2026-11-02"), PlannedEnd: date("2026-11-20"), Status: model.Active,
			Timetable: []model.Week{mornings("2026-11-02")}}),
		f.addCase(model.Case{Pupil: aisha, Kind: model.SuspensionReintegration, Reasons: []model.Reason{model.Behaviour},
			Start: date("2026-11-16"), PlannedEnd: date("2026-11-27"), Status: model.Draft}),
		f.addCase(model.Case{Pupil: oliver, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Transition},
			Start: date("2026-09-07"), PlannedEnd: date("2026-10-16"), Status: model.Closed, Closed: date("2026-10-16")}),
	}
}

// pinnedCheck stands in for model.Check in golden tests, so the goldens
// show the screens' layout and do not move when a rule's wording does. It
// still looks at the case: a case with no consent gets the blocker.
func pinnedCheck(c model.Case, _ []model.PastCase, _ *model.Calendar, _ model.Packs, _ model.Date) []model.Finding {
	f := []model.Finding{
		{Rule: "end-date.set", Pack: model.National, Status: model.Met, Severity: model.Blocker,
			Message: "planned to end on " + c.End().UK(), Source: "WTIA 2024"},
		{Rule: "notify.la", Pack: model.National, Status: model.Overdue, Severity: model.Warning,
			Due: c.Start, Message: "the local authority was not sent the plan: overdue since " + c.Start.UK(), Source: "000; 002 s7"},
		{Rule: "reviews.scheduled", Pack: model.National, Status: model.Due, Severity: model.Info,
			Due: c.Start.AddDays(14), Message: "review due by " + c.Start.AddDays(14).UK(), Source: "001 initial meeting; 002 appendix 1"},
		{Rule: "timetable.full-time-by-end", Pack: model.National, Status: model.Unmet, Severity: model.Warning,
			Message: "the last planned week is not full time", Source: "000; 002 s5.7"},
		{Rule: "fair-access.20-school-days", Pack: model.National, Status: model.NotApplicable, Severity: model.Warning,
			Message: "not a reintegration from AP", Source: "School Admissions Code 2021"},
	}
	if c.Consent.ParentName == "" {
		f = append(f, model.Finding{Rule: "consent.parent", Pack: model.National, Status: model.Unmet,
			Severity: model.Blocker, Message: "no written agreement from a parent or carer", Source: "reg 11(6) 2024 Regs; 002 s5.2-5.3"})
	}
	return f
}
