package storage

import (
	"time"

	"reintegrate/model"
)

// DemoCases are the demo's pupils and cases, dated around the as-of date so
// the demo always looks current: a clean plan, an overdue review, a draft
// with a blocker, an extension, an AP reintegration with dual registration,
// a suspension, a Reception child (code X), a closed case and a blocker on
// an active plan.
func DemoCases(on model.Date) []model.CaseFile {
	m, cal := on.Monday(), DemoSchool(on).Calendar()
	return []model.CaseFile{
		demoClean(on, m, cal),
		demoOverdueReview(on, m, cal),
		demoDraftBlocked(on, m, cal),
		demoExtended(on, m, cal),
		demoAPReintegration(on, m, cal),
		demoSuspension(on, m, cal),
		demoReception(on, m, cal),
		demoClosed(on, m, cal),
		demoBlockerActive(on, m, cal),
	}
}

// DemoPupils are pupils on roll with no case, as an MIS import gives them.
func DemoPupils(on model.Date) []model.Pupil {
	return []model.Pupil{
		{Name: "Aisha Rahman", DateOfBirth: birthday(on, "Y9", time.March, 14), UPN: "W801200001011", YearGroup: "Y9"},
		{Name: "Dylan Evans", DateOfBirth: birthday(on, "Y7", time.November, 2), UPN: "K801200001012", YearGroup: "Y7", Flags: []model.Flag{model.SENSupport}},
		{Name: "Freya Morgan", DateOfBirth: birthday(on, "Y3", time.July, 30), UPN: "Z801200001013", YearGroup: "Y3"},
		{Name: "Kacper Wiśniewski", DateOfBirth: birthday(on, "Y11", time.January, 8), UPN: "N801200001014", YearGroup: "Y11"},
	}
}

// demoCase is an active plan of so many weeks from its start, ending on the
// Friday of the last week or, when the school is shut that day, the last
// school day before it (as the new-case form sets it).
func demoCase(cal *model.Calendar, p model.Pupil, kind model.Kind, reason model.Reason, start model.Date, weeks int) model.Case {
	return model.Case{Pupil: p, Kind: kind, Reasons: []model.Reason{reason}, Start: start,
		PlannedEnd: cal.PlanEnd(start, weeks), Status: model.Active, NamedPerson: "Mrs H Ashworth (Pastoral Lead)",
		HomeLearning: "Work set on the class page each morning, marked weekly by the form tutor"}
}

func consented(c *model.Case, parent, relationship string) {
	c.Agreed = c.Start.AddDays(-3)
	c.Consent = model.Consent{ParentName: parent, Relationship: relationship, LivesWithPupil: true,
		Signed: c.Agreed, AuthorisedBy: "Mr T Green (Headteacher)"}
	c.RiskAssessment = model.RiskAssessment{Completed: c.Start.AddDays(-4)}
	c.Notifications = append(c.Notifications,
		model.Notification{To: model.LocalAuthority, Sent: c.Start.AddDays(-1), What: "plan", SentBy: "Mrs H Ashworth"},
		model.Notification{To: model.Governors, Sent: c.Agreed, What: "start", SentBy: "Mrs H Ashworth"})
	if c.Kind == model.ReducedTimetable {
		c.Forms = append(c.Forms, signedForm(model.TemplateBWMATPlan, c.Agreed, map[string]string{
			model.FieldMeetingDate: c.Agreed.String(), model.FieldParentAgrees: model.AnswerYes,
			model.FieldParentSigned: c.Agreed.String(), model.FieldSchoolSigned: c.Agreed.String(),
			"objectives": "Attend every planned session; build up to full days by the end of the plan",
		}))
	}
}

// signedForm is a completed first version of a protocol form.
func signedForm(template string, on model.Date, fields map[string]string) model.FormRecord {
	return model.FormRecord{Template: template, Completed: on, Version: 1, Fields: fields}
}

// worcsForms are the Worcestershire forms an AP reintegration has by its
// start: consent before the host school is approached, the information
// form and the child's views before the initial meeting, then the meeting.
func worcsForms(c *model.Case) {
	meeting := c.Start.AddDays(-5)
	c.Forms = append(c.Forms,
		signedForm(model.TemplateWorcsConsent, c.Referral.FairAccessReferred.AddDays(-3), map[string]string{
			model.FieldParentAgrees: model.AnswerYes, model.FieldParentSigned: c.Referral.FairAccessReferred.AddDays(-3).String()}),
		signedForm(model.TemplateWorcsInformation, meeting.AddDays(-4), nil),
		signedForm(model.TemplateWorcsViews, meeting.AddDays(-2), nil),
		signedForm(model.TemplateWorcsInitialMeeting, meeting, map[string]string{
			model.FieldMeetingDate: meeting.String(), model.FieldParentSigned: meeting.String(),
			model.FieldChildSigned: meeting.String(), model.FieldAPSigned: meeting.String(),
			model.FieldHostSigned:   meeting.String(),
			model.FieldReview2Weeks: c.Start.AddDays(14).String(), model.FieldReview4Weeks: c.Start.AddDays(28).String(),
			model.FieldReviewFinal: c.Start.AddDays(40).String(),
			model.FieldTransport:   "Taxi arranged by the LA for the first four weeks, then school bus"}))
}

// reviewsHeld records the fortnightly reviews that fell due before the date.
func reviewsHeld(c *model.Case, on model.Date, skipAfter int) {
	for k := 1; ; k++ {
		due := c.Start.AddDays(14 * k)
		if !due.Before(on) || due.After(c.End()) {
			return
		}
		if k > skipAfter {
			continue
		}
		c.Reviews = append(c.Reviews, model.Review{Due: due, Held: due.AddDays(-1), Kind: "review",
			PupilViews: true, ParentAttended: true, Notes: "Settling well; step up as planned."})
	}
}

func demoClean(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Zoë Clarke", DateOfBirth: birthday(on, "Y8", time.May, 19), UPN: "J801200000101",
		YearGroup: "Y8", Flags: []model.Flag{model.EarlyHelp}}
	c := demoCase(cal, p, model.ReducedTimetable, model.MentalHealth, m.AddDays(-14), 6)
	consented(&c, "Claire Clarke", "mother")
	c.Involvement = []model.Involvement{{Role: model.EarlyHelpRole, Name: "Ms D Okonjo", Agreed: c.Start.AddDays(-5), AttendedMeeting: true}}
	c.Timetable = plannedWeeks(c.Start, 6, 5, 10, model.InSchool)
	reviewsHeld(&c, on, 99)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoOverdueReview(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Łukasz Nowak", DateOfBirth: birthday(on, "Y10", time.February, 3), UPN: "Y801200000102", YearGroup: "Y10"}
	c := demoCase(cal, p, model.ReducedTimetable, model.Behaviour, m.AddDays(-35), 6)
	consented(&c, "Agnieszka Nowak", "mother")
	c.Timetable = plannedWeeks(c.Start, 6, 4, 10, model.InSchool)
	reviewsHeld(&c, on, 1)
	history := []model.PastCase{{Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour},
		Start: m.AddDays(-280), Closed: m.AddDays(-238)}}
	return model.CaseFile{Pupil: p, History: history, Case: c}
}

func demoDraftBlocked(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Nguyễn Thị Mai", DateOfBirth: birthday(on, "Y4", time.October, 11), UPN: "M801200000103",
		YearGroup: "Y4", Flags: []model.Flag{model.SENSupport}}
	c := demoCase(cal, p, model.ReducedTimetable, model.PhysicalHealth, m.AddDays(7), 4)
	c.Status = model.Draft
	c.HomeLearning = ""
	c.Timetable = plannedWeeks(c.Start, 4, 5, 10, model.InSchool)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoExtended(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Oliver O'Brien", DateOfBirth: birthday(on, "Y11", time.December, 24), UPN: "B801200000104",
		YearGroup: "Y11", Flags: []model.Flag{model.LookedAfter, model.EHCP}}
	c := demoCase(cal, p, model.ReducedTimetable, model.MentalHealth, m.AddDays(-42), 6)
	consented(&c, "Sandra Lewis", "foster carer")
	c.Involvement = []model.Involvement{
		{Role: model.VirtualSchool, Name: "Mr P Sandhu (Virtual School Head)", Agreed: c.Start.AddDays(-6), AttendedMeeting: true},
		{Role: model.SENDTeam, Name: "Ms L Fairweather (EHCP case officer)", Agreed: c.Start.AddDays(-6), AttendedMeeting: true, EarlyReviewAsked: true},
	}
	c.Extensions = []model.Extension{{Agreed: c.PlannedEnd.AddDays(-4), NewEnd: c.PlannedEnd.AddDays(14),
		Reason: "Anxiety after a family bereavement; afternoons still too much", ParentAgreed: true}}
	c.Timetable = plannedWeeks(c.Start, 8, 4, 10, model.InSchool)
	reviewsHeld(&c, on, 99)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoAPReintegration(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Amara Okafor", DateOfBirth: birthday(on, "Y9", time.April, 27), UPN: "Q801200000105", YearGroup: "Y9"}
	c := demoCase(cal, p, model.APReintegration, model.Reintegration, m.AddDays(-7), 6)
	consented(&c, "Grace Okafor", "mother")
	c.Referral = model.Referral{FairAccessReferred: c.Start.AddDays(-30), PlaceOffered: c.Start.AddDays(-12)}
	worcsForms(&c)
	c.Involvement = []model.Involvement{
		{Role: model.APSetting, Name: "Riverside Learning Centre", Agreed: c.Start.AddDays(-10), AttendedMeeting: true},
		{Role: model.SchoolAdmissions, Name: "Fair Access Panel", Agreed: c.Start.AddDays(-12)},
	}
	c.Timetable = plannedWeeks(c.Start, 6, 4, 10, model.InSchool)
	for i := range c.Timetable[:4] {
		for d := range 5 {
			if c.Timetable[i].Days[d][model.PM].Mode != model.InSchool {
				c.Timetable[i].Days[d][model.PM] = model.Session{Mode: model.Dual}
			}
		}
	}
	reviewsHeld(&c, on, 99)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoSuspension(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Jayden Smith", DateOfBirth: birthday(on, "Y7", time.January, 30), UPN: "E801200000106",
		YearGroup: "Y7", Flags: []model.Flag{model.YouthJustice}}
	c := demoCase(cal, p, model.SuspensionReintegration, model.Behaviour, m, 2)
	consented(&c, "Dean Smith", "father")
	c.Involvement = []model.Involvement{{Role: model.YouthJusticeRole, Name: "Mr K Adeyemi (YOT)", Agreed: c.Start.AddDays(-2)}}
	c.Timetable = plannedWeeks(c.Start, 2, 8, 10, model.InSchool)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoReception(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Ruby Patel", DateOfBirth: birthday(on, "R", time.June, 2), YearGroup: "R",
		Flags: []model.Flag{model.EHCP}}
	c := demoCase(cal, p, model.ReducedTimetable, model.Transition, m.AddDays(-7), 4)
	consented(&c, "Priya Patel", "mother")
	c.Involvement = []model.Involvement{{Role: model.SENDTeam, Name: "Ms L Fairweather (EHCP case officer)", Agreed: c.Start.AddDays(-5)}}
	c.Timetable = plannedWeeks(c.Start, 4, 5, 10, model.InSchool)
	reviewsHeld(&c, on, 99)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoClosed(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Ethan Hughes", DateOfBirth: birthday(on, "Y6", time.September, 9), UPN: "H801200000108",
		YearGroup: "Y6", Flags: []model.Flag{model.ChildInNeed}}
	c := demoCase(cal, p, model.ReducedTimetable, model.PhysicalHealth, m.AddDays(-133), 5)
	consented(&c, "Megan Hughes", "mother")
	c.Status, c.Closed, c.Outcome = model.Closed, c.PlannedEnd, model.Successful
	c.Involvement = []model.Involvement{{Role: model.SocialWorker, Name: "Ms A Patel", Agreed: c.Start.AddDays(-4), AttendedMeeting: true}}
	c.Notifications = append(c.Notifications, model.Notification{To: model.SocialWorker, Sent: c.Closed.AddDays(1), What: "closure", SentBy: "Mrs H Ashworth"})
	c.Timetable = plannedWeeks(c.Start, 5, 4, 10, model.InSchool)
	reviewsHeld(&c, c.Closed, 99)
	return model.CaseFile{Pupil: p, Case: c}
}

func demoBlockerActive(on, m model.Date, cal *model.Calendar) model.CaseFile {
	p := model.Pupil{Name: "Harvey Wilson", DateOfBirth: birthday(on, "Y5", time.August, 15), UPN: "X801200000109",
		YearGroup: "Y5", Flags: []model.Flag{model.ChildProtection}}
	c := demoCase(cal, p, model.ReducedTimetable, model.MentalHealth, m.AddDays(-7), 6)
	consented(&c, "Kerry Wilson", "mother")
	c.RiskAssessment = model.RiskAssessment{}
	c.Timetable = plannedWeeks(c.Start, 6, 5, 10, model.InSchool)
	return model.CaseFile{Pupil: p, Case: c}
}
