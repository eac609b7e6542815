package model

import "testing"

// localAPCaseBase is the baseline reintegration from alternative provision
// for the Worcestershire, Havering and Hillingdon packs: a Y10 pupil back in
// school from Monday 02/11/2026, dual registered with the AP setting in the
// afternoons. Consent 25/09/2026, Fair Access referral 01/10/2026,
// information and views 14/10/2026, Initial Meeting 19/10/2026, the first
// review held 16/11/2026, the final one planned for 11/12/2026. The AP
// placement ran from 20/04/2026 to 01/11/2026.
func localAPCaseBase() Case {
	return Case{
		ID:    8,
		Pupil: Pupil{Name: "Nguyễn Văn An", DateOfBirth: MustDate("2011-05-14"), YearGroup: "Y10"},
		Kind:  APReintegration, Reasons: []Reason{Reintegration},
		Start: MustDate("2026-11-02"), PlannedEnd: MustDate("2026-12-11"), Status: Active,
		Agreed: MustDate("2026-10-19"), NamedPerson: "Mr D Okafor",
		Referral: Referral{FairAccessReferred: MustDate("2026-10-01"), PlaceOffered: MustDate("2026-10-12")},
		Involvement: []Involvement{
			{Role: APSetting, Name: "Ms Z Ahmed", Agreed: MustDate("2026-10-19"), AttendedMeeting: true},
			{Role: HostSchool, Name: "Mr D Okafor", Agreed: MustDate("2026-10-19"), AttendedMeeting: true},
		},
		Notifications: []Notification{
			{To: SchoolAdmissions, Sent: MustDate("2026-10-01"), What: "referral"},
			{To: SchoolAdmissions, Sent: MustDate("2026-11-03"), What: NotifyJoinerForm},
		},
		Timetable: localWeeks("2026-11-02", 6, Dual),
		Reviews: []Review{
			{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: ReviewKindReview, PupilViews: true, ParentAttended: true},
			{Due: MustDate("2026-12-11"), Kind: ReviewKindFinal},
		},
		Forms: []FormRecord{
			localForm(TemplateWorcsConsent, "2026-09-25", FieldParentAgrees, AnswerYes, FieldParentSigned, "2026-09-25"),
			localForm(TemplateWorcsInformation, "2026-10-14"),
			localForm(TemplateWorcsViews, "2026-10-14"),
			localForm(TemplateWorcsInitialMeeting, "2026-10-19", FieldMeetingDate, "2026-10-19",
				FieldParentSigned, AnswerYes, FieldChildSigned, AnswerYes, FieldAPSigned, "2026-10-19", FieldHostSigned, "19/10/2026",
				FieldReview2Weeks, "2026-11-16", FieldReview4Weeks, "2026-11-30", FieldReviewFinal, "2026-12-11",
				FieldTransport, "Bus pass; the AP setting's minibus on dual afternoons"),
			localForm(TemplateHaveringPlan, "2026-10-21", FieldPlacementStart, "2026-04-20", FieldPlacementEnd, "2026-11-01",
				FieldBuddy, "Year 10 buddy and the learning mentor", FieldAdjustments, "Time-out card; a reduced first week"),
			localForm(TemplateHillingdonPlacement, "2026-04-20", FieldPlacementStart, "2026-04-20", FieldPlacementEnd, "2026-11-01",
				FieldReturnPlan, "Back to the home school by November with dual afternoons",
				FieldContactLog, "2026-04-22 tutor call", FieldSeptemberDestination, "College: Level 2 construction"),
		},
	}
}

// localAP is the baseline with mods applied.
func localAP(mods ...localMod) Case { return localApply(localAPCaseBase, mods...) }

var localNoReferral localMod = func(c *Case) { c.Referral = Referral{} }

// localFailed is the baseline ended unsuccessfully on 27/11/2026, with the
// emergency review held on 24/11/2026 with the family.
func localFailed(mods ...localMod) Case {
	base := []localMod{localOutcome("unsuccessful"), localClosed("2026-11-27"), localReviews(
		Review{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: ReviewKindReview, PupilViews: true, ParentAttended: true},
		Review{Held: MustDate("2026-11-24"), Kind: ReviewKindEmergency, PupilViews: true, ParentAttended: true})}
	return localAP(append(base, mods...)...)
}

func worcsRows() map[string][]localRow {
	reduced := localReduced()
	laterMeeting := localWithForm(TemplateWorcsInitialMeeting, localForm(TemplateWorcsInitialMeeting, "", FieldMeetingDate, "2026-11-25"))
	firstReview := Review{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: ReviewKindReview, ParentAttended: true}
	finalHeld := func(held string) localMod {
		return localReviews(firstReview, Review{Due: MustDate("2026-12-11"), Held: MustDate(held), Kind: ReviewKindFinal, PupilViews: true, ParentAttended: true})
	}
	return map[string][]localRow{
		"worcs.consent-before-approach": {
			{seed: "001 Consent Form: signed before the Fair Access referral", c: localAP(), on: "2026-11-18", want: Met, due: "2026-10-01"},
			{seed: "001 process 1: signed after the school was approached", c: localAP(localSetField(TemplateWorcsConsent, FieldParentSigned, "2026-10-05")),
				on: "2026-11-18", want: Unmet, msg: "4 days late"},
			{seed: "001 Consent Form: the parent does not agree", c: localAP(localSetField(TemplateWorcsConsent, FieldParentAgrees, AnswerNo)),
				on: "2026-11-18", want: Unmet, msg: "does not agree"},
			{seed: "001 process 1: no consent form", c: localAP(localWithForm(TemplateWorcsConsent)), on: "2026-11-18", want: Overdue, due: "2026-10-01"},
			{seed: "001 Consent Form: completed but not signed", c: localAP(localSetField(TemplateWorcsConsent, FieldParentSigned, "")),
				on: "2026-11-18", want: Overdue},
			{seed: "001 process 1: nobody approached yet", c: localAP(localStatus(Draft), localStart("2027-01-04"), localNoReferral,
				localUnnotify(SchoolAdmissions), localWithForm(TemplateWorcsConsent)), on: "2026-11-18", want: Due, due: "2027-01-04"},
			{seed: "001 Consent Form: a completed form from a case file without our keys", c: localAP(localWithForm(TemplateWorcsConsent,
				localForm(TemplateWorcsConsent, "2026-09-20"))), on: "2026-11-18", want: Met},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.information-form": {
			{seed: "001 Reintegration Information: before the Initial Meeting", c: localAP(), on: "2026-11-18", want: Met, due: "2026-10-19"},
			{seed: "001 Reintegration Information: completed after the meeting", c: localAP(localWithForm(TemplateWorcsInformation,
				localForm(TemplateWorcsInformation, "2026-10-20"))), on: "2026-11-18", want: Unmet, msg: "1 day late"},
			{seed: "001 Reintegration Information: never completed", c: localAP(localWithForm(TemplateWorcsInformation)), on: "2026-11-18", want: Overdue},
			{seed: "001 Reintegration Information: meeting still to come", c: localAP(laterMeeting, localWithForm(TemplateWorcsInformation)),
				on: "2026-11-18", want: Due, due: "2026-11-25"},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.child-views": {
			{seed: "001 process 3, 6: views before the meeting and at the review", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "001 process 6: a Views form before the review counts", c: localAP(localReviews(firstReview),
				func(c *Case) { c.Forms = append(c.Forms, localForm(TemplateWorcsViews, "2026-11-12")) }), on: "2026-11-18", want: Met},
			{seed: "001 process 6: views gathered before each review, not once", c: localAP(localReviews(firstReview,
				Review{Due: MustDate("2026-11-30"), Held: MustDate("2026-11-30"), Kind: ReviewKindReview, ParentAttended: true}),
				func(c *Case) { c.Forms = append(c.Forms, localForm(TemplateWorcsViews, "2026-11-12")) }),
				on: "2026-12-01", want: Unmet, msg: "30/11/2026"},
			{seed: "001 process 6: views not gathered for the review", c: localAP(localReviews(firstReview)),
				on: "2026-11-18", want: Unmet, msg: "16/11/2026"},
			{seed: "001 process 3: no views before the meeting", c: localAP(localWithForm(TemplateWorcsViews)), on: "2026-11-18", want: Overdue, due: "2026-10-19"},
			{seed: "001 process 3: views gathered after the meeting", c: localAP(localWithForm(TemplateWorcsViews, localForm(TemplateWorcsViews, "2026-10-21"))),
				on: "2026-11-18", want: Unmet, msg: "late"},
			{seed: "001 process 3: meeting still to come", c: localAP(laterMeeting, localWithForm(TemplateWorcsViews), localReviews()),
				on: "2026-11-18", want: Due, due: "2026-11-25"},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.initial-meeting": {
			{seed: "001 process 4: signed by all parties, review dates agreed", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "001 process 4: the child did not sign", c: localAP(localSetField(TemplateWorcsInitialMeeting, FieldChildSigned, AnswerNo)),
				on: "2026-11-18", want: Unmet, msg: "not signed by the child/young person"},
			{seed: "001 process 4: no final review date agreed", c: localAP(localSetField(TemplateWorcsInitialMeeting, FieldReviewFinal, "tbc")),
				on: "2026-11-18", want: Unmet, msg: "final (6 weeks) review date"},
			{seed: "001 process 4: the form is not completed", c: localAP(laterMeeting), on: "2026-11-18", want: Unmet},
			{seed: "001 process 4: a completed form from a case file without our keys", c: localAP(localWithForm(TemplateWorcsInitialMeeting,
				localForm(TemplateWorcsInitialMeeting, "2026-10-19"))), on: "2026-11-18", want: Met},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.final-review-6-weeks": {
			{seed: "001 process 4: final review held within 6 weeks", c: localAP(finalHeld("2026-12-11")), on: "2026-12-14", want: Met, due: "2026-12-14"},
			{seed: "001 process 4: final review held after 6 weeks", c: localAP(finalHeld("2026-12-16")), on: "2026-12-18", want: Unmet, msg: "2 days late"},
			{seed: "001 process 4: planned in time, not yet held", c: localAP(), on: "2026-11-18", want: Due, due: "2026-12-14"},
			{seed: "001 process 4: planned beyond 6 weeks", c: localAP(localReviews(firstReview, Review{Due: MustDate("2026-12-18"), Kind: ReviewKindFinal})),
				on: "2026-11-18", want: Unmet, due: "2026-12-14", msg: "bring it forward"},
			{seed: "001 Initial Meeting: its final review date is beyond 6 weeks", c: localAP(localReviews(firstReview),
				localSetField(TemplateWorcsInitialMeeting, FieldReviewFinal, "2026-12-21")), on: "2026-11-18", want: Unmet, msg: "7 days after"},
			{seed: "001 process 4: six weeks passed without a final review", c: localAP(), on: "2026-12-20", want: Overdue, due: "2026-12-14"},
			{seed: "001 process 4: the 6 weeks are a parameter", c: localAP(localReviews(firstReview, Review{Due: MustDate("2026-12-18"), Kind: ReviewKindFinal})),
				on: "2026-11-18", want: Due, due: "2026-12-28", params: func(p *Params) { p.FinalReviewWeeks = 8 }},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.dual-registration": {
			{seed: "001 process 5: on both registers, Joiners Form done", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "001 process 5: no D sessions", c: localAP(localTimetable(localWeeks("2026-11-02", 6, NoSession))),
				on: "2026-11-18", want: Unmet, msg: "dual-registered (D)"},
			{seed: "001 process 5: no Joiners Form", c: localAP(localUnnotify(SchoolAdmissions)), on: "2026-11-18", want: Unmet, msg: "Joiners Form"},
			{seed: "001 Successful Outcome form: Joiner Form completed YES", c: localAP(localUnnotify(SchoolAdmissions),
				func(c *Case) {
					c.Forms = append(c.Forms, localForm(TemplateWorcsOutcomeSuccessful, "", FieldJoinerForm, AnswerYes))
				}), on: "2026-11-18", want: Met},
			{seed: "001 process 5: a draft plan is not on the registers yet", c: localAP(localStatus(Draft)), on: "2026-11-18", want: NotApplicable},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.emergency-review": {
			{seed: "001 process 7: emergency review before an unsuccessful end", c: localFailed(), on: "2026-11-30", want: Met, due: "2026-11-27"},
			{seed: "001 process 7: ended without an emergency review", c: localFailed(localReviews(firstReview)), on: "2026-11-30", want: Overdue, due: "2026-11-27"},
			{seed: "001 process 7: emergency review after the end", c: localFailed(localReviews(Review{Held: MustDate("2026-11-30"),
				Kind: ReviewKindEmergency, ParentAttended: true})), on: "2026-12-02", want: Unmet, msg: "3 days late"},
			{seed: "001 process 7: the family must be there", c: localFailed(localReviews(Review{Held: MustDate("2026-11-24"),
				Kind: ReviewKindEmergency})), on: "2026-11-30", want: Overdue, msg: "did not include the family"},
			{seed: "001 process 7: the LA must be there", c: localFailed(func(c *Case) {
				c.Forms = append(c.Forms, localForm(TemplateWorcsReview, "2026-11-24", FieldMeetingDate, "2026-11-24",
					FieldReviewKind, ReviewKindEmergency, FieldAPAttended, AnswerYes, FieldLAAttended, AnswerNo))
			}), on: "2026-11-30", want: Overdue, msg: "the local authority"},
			{seed: "001 failed-reintegration letter: ending on the date given", c: localAP(localReviews(firstReview), func(c *Case) {
				c.Forms = append(c.Forms, localForm(TemplateWorcsFailedLetter, "2026-11-26", FieldEndDate, "2026-12-04"))
			}), on: "2026-11-30", want: Due, due: "2026-12-04"},
			{seed: "001 process 7: the reintegration is going on", c: localAP(), on: "2026-11-18", want: NotApplicable},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.outcome-form": {
			{seed: "001 process 9: Successful Outcome form sent to School Admissions", c: localAP(finalHeld("2026-12-11"),
				localNotify(SchoolAdmissions, "2026-12-14", "outcome"), func(c *Case) {
					c.Forms = append(c.Forms, localForm(TemplateWorcsOutcomeSuccessful, "2026-12-11", FieldJoinerForm, AnswerYes))
				}), on: "2026-12-15", want: Met},
			{seed: "001 process 9: no outcome form after the final review", c: localAP(finalHeld("2026-12-11")),
				on: "2026-12-15", want: Unmet, msg: "Successful Outcome form"},
			{seed: "001 process 9: the outcome form was not sent", c: localAP(finalHeld("2026-12-11"), func(c *Case) {
				c.Forms = append(c.Forms, localForm(TemplateWorcsOutcomeSuccessful, "2026-12-11"))
			}), on: "2026-12-15", want: Unmet, msg: "not sent"},
			{seed: "001 Unsuccessful Outcome form: completed by the home school and sent", c: localFailed(
				localNotify(SchoolAdmissions, "2026-11-27", "outcome"), func(c *Case) {
					c.Forms = append(c.Forms, localForm(TemplateWorcsOutcomeUnsuccessful, "2026-11-27", FieldReturnToAP, "2026-11-30"))
				}), on: "2026-11-30", want: Met},
			{seed: "001 Unsuccessful Outcome form: a failed reintegration needs it", c: localFailed(func(c *Case) {
				c.Forms = append(c.Forms, localForm(TemplateWorcsOutcomeSuccessful, "2026-11-27"))
			}), on: "2026-11-30", want: Unmet, msg: "Unsuccessful Outcome form"},
			{seed: "001 process 9: before the final review", c: localAP(), on: "2026-11-18", want: NotApplicable},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"worcs.transport": {
			{seed: "001 Transport: arrangements recorded at the planning meeting", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "001 Transport: left blank", c: localAP(localSetField(TemplateWorcsInitialMeeting, FieldTransport, "")),
				on: "2026-11-18", want: Unmet, msg: "transport"},
			// 001, the second edition: a field left blank in a completed form is not done.
			{seed: "001 Transport: a completed form from a case file without our keys", c: localAP(localSetField(TemplateWorcsInitialMeeting, FieldTransport, "-")),
				on: "2026-11-18", want: Unmet, msg: "transport"},
			{seed: "001 Transport: no Initial Meeting form", c: localAP(localWithForm(TemplateWorcsInitialMeeting)), on: "2026-11-18", want: Unmet},
			{seed: "001: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
	}
}

func TestWorcsRules(t *testing.T) {
	for rule, rows := range worcsRows() {
		t.Run(rule, func(t *testing.T) { localRun(t, rule, rows) })
	}
}
