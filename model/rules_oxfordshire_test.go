package model

import "testing"

// localReducedCase is the baseline reduced timetable for the Oxfordshire and
// BWMAT packs: a Y8 pupil on a Child in Need plan, Monday 02/11/2026 to
// Friday 11/12/2026, agreed at the planning meeting on 22/10/2026 with the
// social worker there; the Attendance Team told first, the LA and governors
// the day after, names shared in the first half term; both plans complete.
func localReducedCase() Case {
	return Case{
		ID:    7,
		Pupil: Pupil{Name: "Zoë Nguyễn", DateOfBirth: MustDate("2013-04-02"), YearGroup: "Y8", Flags: []Flag{ChildInNeed}},
		Kind:  ReducedTimetable, Reasons: []Reason{MentalHealth},
		Start: MustDate("2026-11-02"), PlannedEnd: MustDate("2026-12-11"), Status: Active,
		Agreed: MustDate("2026-10-22"), NamedPerson: "Ms R Khan",
		Consent: Consent{ParentName: "Łukasz Nowak", Relationship: "father", LivesWithPupil: true,
			Signed: MustDate("2026-10-22"), AuthorisedBy: "Mr T Green"},
		RiskAssessment: RiskAssessment{Completed: MustDate("2026-10-21")},
		Involvement: []Involvement{{Role: SocialWorker, Name: "Siân O'Brien", Agreed: MustDate("2026-10-21"),
			AttendedMeeting: true}},
		Notifications: []Notification{
			{To: AttendanceTeam, Sent: MustDate("2026-10-19"), What: "start"},
			{To: LocalAuthority, Sent: MustDate("2026-10-23"), What: "plan"},
			{To: Governors, Sent: MustDate("2026-10-23"), What: "start"},
			{To: SocialCare, Sent: MustDate("2026-11-05"), What: "names"},
			{To: YouthJusticeRole, Sent: MustDate("2026-11-05"), What: "names"},
			{To: EarlyHelpRole, Sent: MustDate("2026-11-05"), What: "names"},
		},
		HomeLearning: "Work set on the class page, marked weekly by the form tutor",
		Timetable:    localWeeks("2026-11-02", 6, NoSession),
		Reviews: []Review{{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: ReviewKindReview,
			PupilViews: true, ParentAttended: true}},
		Forms: []FormRecord{
			localForm(TemplateOxonPlan, "2026-10-22", FieldMeetingDate, "2026-10-22", FieldParentAttended, AnswerYes,
				FieldTimetableSupport, "Mornings in school with the learning mentor",
				FieldReviewSchedule, "Fortnightly from 16/11/2026",
				FieldInterventions, "Daily check-in with the mentor", FieldSchoolChanges, "Quiet room at break",
				FieldExitStrategies, "Full days by week 6", FieldNamedPerson, "Ms R Khan",
				FieldSafeguarding, "Risk assessment 21/10/2026 incl. CSE/CDE", FieldExternalSupport, "Early help offered",
				FieldAPConsidered, "Not needed", FieldLACopySent, "2026-10-23", FieldEHAConsidered, AnswerYes),
			localForm(TemplateBWMATPlan, "2026-10-22", FieldMeetingDate, "2026-10-22", FieldParentAgrees, AnswerYes,
				FieldSchoolSigned, "2026-10-22", FieldParentSigned, "2026-10-22", FieldChildHappy, AnswerYes,
				FieldChildSigned, "2026-10-22"),
		},
	}
}

// localReduced is the baseline with mods applied.
func localReduced(mods ...localMod) Case { return localApply(localReducedCase, mods...) }

var localNoInvolvement localMod = func(c *Case) { c.Involvement = nil }

func oxonRows() map[string][]localRow {
	ap := localReduced(localKind(APReintegration))
	draftLater := localReduced(localStatus(Draft), localAgreed(""), localStart("2026-12-07"),
		localUnnotify(AttendanceTeam), localWithForm(TemplateOxonPlan, localForm(TemplateOxonPlan, "", FieldMeetingDate, "2026-11-25")))
	noShares := localReduced(localUnnotify(SocialCare), localUnnotify(YouthJusticeRole), localUnnotify(EarlyHelpRole))
	return map[string][]localRow{
		"oxon.attendance-team": {
			{seed: "000: Attendance Team notified before the planning meeting", c: localReduced(), on: "2026-11-18", want: Met, due: "2026-10-22"},
			{seed: "000: notified after the meeting is late", c: localReduced(localUnnotify(AttendanceTeam), localNotify(AttendanceTeam, "2026-10-27", "start")),
				on: "2026-11-18", want: Unmet, msg: "5 days late"},
			{seed: "000: never notified", c: localReduced(localUnnotify(AttendanceTeam)), on: "2026-11-18", want: Overdue, due: "2026-10-22"},
			{seed: "000: meeting still to come", c: draftLater, on: "2026-11-18", want: Due, due: "2026-11-25"},
			{seed: "000: no meeting nor agreement recorded: by the start", c: localReduced(localAgreed(""), localWithForm(TemplateOxonPlan)),
				on: "2026-11-18", want: Met, due: "2026-11-02"},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"oxon.meeting": {
			{seed: "000: parent and the Child in Need social worker at the meeting", c: localReduced(), on: "2026-11-18", want: Met},
			{seed: "000: an Early Help worker counts for a Child Protection plan", c: localReduced(localFlags(ChildProtection),
				localNoInvolvement, localInvolved(EarlyHelpRole, true)), on: "2026-11-18", want: Met},
			{seed: "000: the social worker must be at the meeting", c: localReduced(localNoInvolvement, localInvolved(SocialWorker, false)),
				on: "2026-11-18", want: Unmet, msg: "the social worker or Early Help worker"},
			{seed: "000: the Virtual School for a child We Care For", c: localReduced(localFlags(LookedAfter)),
				on: "2026-11-18", want: Unmet, msg: "the Virtual School"},
			{seed: "000: the YJES worker and SEN officer by flag", c: localReduced(localFlags(YouthJustice, EHCP)),
				on: "2026-11-18", want: Unmet, msg: "the YJES worker and the SEN officer"},
			{seed: "000: the meeting must include the parent/carer", c: localReduced(localSetField(TemplateOxonPlan, FieldParentAttended, AnswerNo)),
				on: "2026-11-18", want: Unmet, msg: "the parent/carer"},
			{seed: "000: no meeting recorded", c: localReduced(localWithForm(TemplateOxonPlan, localForm(TemplateOxonPlan, ""))),
				on: "2026-11-18", want: Unmet, msg: "no planning meeting"},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"oxon.plan-contents": {
			{seed: "000: the plan details all nine contents", c: localReduced(), on: "2026-11-18", want: Met},
			{seed: "000: outcome and exit strategies left blank", c: localReduced(localSetField(TemplateOxonPlan, FieldExitStrategies, " ")),
				on: "2026-11-18", want: Unmet, msg: "exit strategies"},
			{seed: "000: the case's named person answers the plan's", c: localReduced(localSetField(TemplateOxonPlan, FieldNamedPerson, "")),
				on: "2026-11-18", want: Met},
			{seed: "000: no named person anywhere", c: localReduced(localNamedPerson(""), localSetField(TemplateOxonPlan, FieldNamedPerson, "")),
				on: "2026-11-18", want: Unmet, msg: "the named person"},
			// 000, the second edition: a field left blank in a completed form is not done.
			{seed: "000: a completed plan from a case file without our keys", c: localReduced(localWithForm(TemplateOxonPlan, localForm(TemplateOxonPlan, "2026-10-22"))),
				on: "2026-11-18", want: Unmet, msg: "the plan does not record the supportive interventions, the changes within school and new skills, " +
					"the outcome and exit strategies, external behaviour / early help support considered and alternative provision considered"},
			{seed: "000: a completed plan with none of its nine contents, nor the case", c: localReduced(localNamedPerson(""), func(c *Case) {
				c.Timetable, c.Reviews, c.RiskAssessment = nil, nil, RiskAssessment{}
			}, localWithForm(TemplateOxonPlan, localForm(TemplateOxonPlan, "2026-10-22", FieldMeetingDate, "2026-10-22",
				FieldTimetableSupport, "", FieldReviewSchedule, "", FieldInterventions, "", FieldSchoolChanges, "", FieldExitStrategies, " ",
				FieldNamedPerson, "", FieldSafeguarding, "", FieldExternalSupport, "", FieldAPConsidered, ""))),
				on: "2026-11-18", want: Unmet, msg: "the plan does not record the proposed timetable with reintegration support, the review schedule, " +
					"the supportive interventions, the changes within school and new skills, the outcome and exit strategies, the named person, " +
					"the safeguarding measures and risk assessment (CSE/CDE), external behaviour / early help support considered and alternative provision considered"},
			{seed: "000: plan not completed", c: localReduced(localWithForm(TemplateOxonPlan)), on: "2026-11-18", want: Unmet},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"oxon.la-copy-2-days": {
			{seed: "000: LA copy the day after agreement", c: localReduced(), on: "2026-11-18", want: Met, due: "2026-10-24"},
			{seed: "000: LA copy five days after agreement is late", c: localReduced(localUnnotify(LocalAuthority),
				localSetField(TemplateOxonPlan, FieldLACopySent, "-"), localNotify(LocalAuthority, "2026-10-27", "plan")),
				on: "2026-11-18", want: Unmet, msg: "3 days late"},
			{seed: "000: the 2 days are a parameter", c: localReduced(localUnnotify(LocalAuthority),
				localSetField(TemplateOxonPlan, FieldLACopySent, "-"), localNotify(LocalAuthority, "2026-10-27", "plan")),
				on: "2026-11-18", want: Met, due: "2026-10-27", params: func(p *Params) { p.OxonLACopyDays = 5 }},
			{seed: "000: the plan's LA copy date counts", c: localReduced(localUnnotify(LocalAuthority)), on: "2026-11-18", want: Met},
			{seed: "000: a closure notice is not the plan", c: localReduced(localUnnotify(LocalAuthority), localSetField(TemplateOxonPlan, FieldLACopySent, ""),
				localNotify(LocalAuthority, "2026-10-23", "closure")), on: "2026-11-18", want: Overdue, due: "2026-10-24"},
			{seed: "000: agreed yesterday, copy due tomorrow", c: localReduced(localAgreed("2026-11-17"), localUnnotify(LocalAuthority),
				localSetField(TemplateOxonPlan, FieldLACopySent, "-")), on: "2026-11-18", want: Due, due: "2026-11-19"},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"oxon.eha-considered": {
			{seed: "000: the plan says an EHA was considered", c: localReduced(), on: "2026-11-18", want: Met},
			{seed: "000: Early Help already in place", c: localReduced(localFlags(EarlyHelp), localSetField(TemplateOxonPlan, FieldEHAConsidered, AnswerNo)),
				on: "2026-11-18", want: Met},
			{seed: "000: EHA not considered", c: localReduced(localSetField(TemplateOxonPlan, FieldEHAConsidered, AnswerNo)),
				on: "2026-11-18", want: Unmet, msg: "Early Help Assessment"},
			{seed: "000: no plan to say so", c: localReduced(localWithForm(TemplateOxonPlan)), on: "2026-11-18", want: Unmet},
			{seed: "000: a completed plan from a case file without our keys", c: localReduced(localWithForm(TemplateOxonPlan, localForm(TemplateOxonPlan, "2026-10-22"))),
				on: "2026-11-18", want: Met},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"oxon.half-termly-share": {
			{seed: "000: names shared in this half term", c: localReduced(), on: "2026-11-18", want: Met, due: "2027-01-03"},
			{seed: "000: an INSET day does not start a half term", c: localReduced(), on: "2026-11-25", want: Met, due: "2027-01-03"},
			{seed: "000: Social Care still to be told this half term", c: localReduced(localUnnotify(SocialCare)),
				on: "2026-11-18", want: Due, due: "2027-01-03", msg: "Social Care"},
			{seed: "000: a half term went by without sharing", c: noShares, on: "2027-01-12", want: Overdue, due: "2027-01-03"},
			{seed: "000: shared in the Christmas holidays counts for the autumn half term", c: localApply(func() Case { return noShares },
				localNotify(SocialCare, "2027-01-02", "names"), localNotify(YouthJusticeRole, "2027-01-02", "names"), localNotify(EarlyHelpRole, "2027-01-02", "names")),
				on: "2027-01-12", want: Due, due: "2027-02-21"},
			{seed: "000: without school holidays, fixed half terms (1 Nov to 31 Dec)", c: localApply(func() Case { return noShares },
				localNotify(SocialCare, "2027-01-02", "names"), localNotify(YouthJusticeRole, "2027-01-02", "names"), localNotify(EarlyHelpRole, "2027-01-02", "names")),
				on: "2027-01-12", want: Overdue, due: "2026-12-31", cal: NewCalendar()},
			{seed: "000: no half term after the case closed", c: localReduced(localClosed("2026-12-11")), on: "2027-01-12", want: Met},
			{seed: "000: not running yet", c: draftLater, on: "2026-11-18", want: NotApplicable},
			{seed: "000: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
	}
}

func TestOxonRules(t *testing.T) {
	for rule, rows := range oxonRows() {
		t.Run(rule, func(t *testing.T) { localRun(t, rule, rows) })
	}
}

// 000 "once per half term": half terms come from the school's holidays; an
// INSET day does not divide one; a holiday belongs to the half term before.
func TestOxonHalfTermsFromTheCalendar(t *testing.T) {
	tests := []struct {
		seed  string
		cal   *Calendar
		first []string
		last  []string
	}{
		{"000: the school's own holidays", localCal,
			[]string{"2026-11-02", "2027-01-04", "2027-02-22", "2027-04-12", "2027-06-07", "2027-09-02"},
			[]string{"2027-01-03", "2027-02-21", "2027-04-11", "2027-06-06", "2027-09-01", "2027-10-31"}},
		{"000: six fixed English half terms without holidays", NewCalendar(),
			[]string{"2026-11-01", "2027-01-01", "2027-02-22", "2027-04-15", "2027-06-01", "2027-09-01"},
			[]string{"2026-12-31", "2027-02-21", "2027-04-14", "2027-05-31", "2027-08-31", "2027-10-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			got := halfTerms(tt.cal, MustDate("2026-11-02"), MustDate("2027-09-10"))
			if len(got) != len(tt.first) {
				t.Fatalf("%d half terms, want %d: %v", len(got), len(tt.first), got)
			}
			for i, p := range got {
				if !p.first.Equal(MustDate(tt.first[i])) || !p.last.Equal(MustDate(tt.last[i])) {
					t.Errorf("half term %d is %s to %s, want %s to %s", i, p.first, p.last, tt.first[i], tt.last[i])
				}
			}
		})
	}
}
