package forms

import (
	"slices"
	"strings"
	"testing"

	"reintegrate/model"
)

func record(t *Template, fields map[string]string) model.FormRecord {
	return model.FormRecord{Template: t.ID, Version: 1, Fields: fields}
}

// applyRecordCases are records and what each writes into the case.
var applyRecordCases = []struct {
	name   string
	t      *Template
	kind   model.Kind
	fields map[string]string
	check  func(c model.Case) bool
}{
	// 002 appendix 1: the plan's dates, reasons and the pupil's flags.
	{"bwmat dates and reasons", bwmatPlan, model.ReducedTimetable,
		map[string]string{"start": "09/11/2026", "end": "2026-12-18", "reasons": "behaviour\nother"},
		func(c model.Case) bool {
			return c.Start.Equal(model.MustDate("2026-11-09")) && c.PlannedEnd.Equal(model.MustDate("2026-12-18")) &&
				slices.Equal(c.Reasons, []model.Reason{model.Behaviour, model.OtherReason})
		}},
	{"bwmat flags", bwmatPlan, model.ReducedTimetable,
		map[string]string{"looked_after": "yes", "child_in_need": "no"},
		func(c model.Case) bool {
			return c.Pupil.Has(model.LookedAfter) && !c.Pupil.Has(model.ChildInNeed) && c.Pupil.Has(model.SENSupport)
		}},
	{"blank leaves the case", bwmatPlan, model.ReducedTimetable,
		map[string]string{"start": "", "looked_after": "", "reasons": ""},
		func(c model.Case) bool {
			return c.Start.Equal(model.MustDate("2026-11-02")) && c.Pupil.Has(model.ChildInNeed) && c.HasReason(model.MentalHealth)
		}},
	// 002 appendix 1: a professional named as such is involved in the case.
	{"bwmat people", bwmatPlan, model.ReducedTimetable,
		map[string]string{model.FieldMeetingDate: "30/10/2026", "people.0.name": "Dr K Osei", "people.0.role": "EHCP case officer, SEND 0-25 team",
			"people.0.attended": "yes", "people.1.name": "Jo Taylor", "people.1.role": "Mother"},
		func(c model.Case) bool {
			in, ok := c.Involved(model.SENDTeam)
			return ok && in.Name == "Dr K Osei" && in.AttendedMeeting && in.Agreed.Equal(model.MustDate("2026-10-30")) && len(c.Involvement) == 2
		}},
	// 002 s5.11: the governors told.
	{"bwmat governors", bwmatPlan, model.ReducedTimetable, map[string]string{"governors_notified": "03/11/2026"},
		func(c model.Case) bool {
			n, ok := c.NotifiedFirst(model.Governors, "")
			return ok && n.Sent.Equal(model.MustDate("2026-11-03"))
		}},
	// 002 s5.6 and s4: the risk assessment and its finding.
	{"risk assessment", bwmatRiskAssessment, model.ReducedTimetable,
		map[string]string{"assessed": "29/10/2026", "significant_risk": "yes"},
		func(c model.Case) bool {
			return c.RiskAssessment == model.RiskAssessment{Completed: model.MustDate("2026-10-29"), SignificantRisk: true}
		}},
	// 001 Consent: a parent with no other address lives with the child.
	{"worcs consent", worcsConsent, model.APReintegration,
		map[string]string{"parent_name": "Jo Taylor", "relationship": "mother", model.FieldParentAgrees: "yes",
			model.FieldParentSigned: "20/10/2026", "parent_address": ""},
		func(c model.Case) bool {
			return c.Consent.ParentName == "Jo Taylor" && c.Consent.LivesWithPupil && c.Consent.Signed.Equal(model.MustDate("2026-10-20"))
		}},
	{"worcs consent refused", worcsConsent, model.APReintegration,
		map[string]string{"parent_name": "Jo Taylor", model.FieldParentAgrees: "no", model.FieldParentSigned: "20/10/2026"},
		func(c model.Case) bool { return c.Consent.Signed.IsZero() }},
	// 001 process 6-7: a review meeting held, with the family there.
	{"worcs emergency review", worcsReview, model.APReintegration,
		map[string]string{model.FieldReviewKind: "emergency", model.FieldMeetingDate: "20/11/2026", "parent": "Jo Taylor",
			"outcome": "Continue with a reduced day", "next_meeting": "27/11/2026"},
		func(c model.Case) bool {
			return len(c.Reviews) == 2 && c.Reviews[0].Kind == model.ReviewKindEmergency && c.Reviews[0].ParentAttended &&
				c.Reviews[0].Held.Equal(model.MustDate("2026-11-20")) && c.Reviews[1].Due.Equal(model.MustDate("2026-11-27"))
		}},
	// 001 process 9: the outcome and its return to School Admissions.
	{"worcs outcome", worcsOutcomeSuccessful, model.APReintegration,
		map[string]string{"on_roll": "14/12/2026", "returned": "15/12/2026"},
		func(c model.Case) bool {
			n, ok := c.NotifiedFirst(model.SchoolAdmissions, "outcome")
			return c.Outcome == "successful" && ok && n.Sent.Equal(model.MustDate("2026-12-15"))
		}},
	// 000: the meeting's attendees by flag, and the copies.
	{"oxon attendees", oxonPlan, model.ReducedTimetable,
		map[string]string{model.FieldMeetingDate: "28/10/2026", "social_worker.name": "A Patel", "social_worker.attended": "yes",
			model.FieldLACopySent: "29/10/2026", "attendance_team": "20/10/2026"},
		func(c model.Case) bool {
			in, _ := c.Involved(model.SocialWorker)
			la, _ := c.NotifiedFirst(model.LocalAuthority, "plan")
			at, _ := c.NotifiedFirst(model.AttendanceTeam, "")
			return in.AttendedMeeting && in.Agreed.Equal(model.MustDate("2026-10-28")) && len(c.Involvement) == 1 &&
				la.Sent.Equal(model.MustDate("2026-10-29")) && at.Sent.Equal(model.MustDate("2026-10-20"))
		}},
	// 003: the Fair Access dates and the reviews held.
	{"havering", haveringPlan, model.APReintegration,
		map[string]string{"fap_referred": "01/10/2026", "place_offered": "20/10/2026", "return": "02/11/2026",
			"reviews.0.date": "13/11/2026", "reviews.0.progress": "Settling well"},
		func(c model.Case) bool {
			return c.Referral.FairAccessReferred.Equal(model.MustDate("2026-10-01")) && c.Referral.PlaceOffered.Equal(model.MustDate("2026-10-20")) &&
				len(c.Reviews) == 1 && c.Reviews[0].Held.Equal(model.MustDate("2026-11-13")) && c.Reviews[0].Notes == "Settling well"
		}},
}

// 001 process 6: a review meeting recorded on a form on the day of a
// review struck out of the record is a review of its own: the struck-out
// one keeps its record and its strike-out.
func TestReviewFormLeavesAStruckOutReview(t *testing.T) {
	c := sampleCase(model.APReintegration)
	struck := model.Review{Due: model.MustDate("2026-11-20"), Held: model.MustDate("2026-11-20"), Kind: "review",
		StruckOut: model.StrikeOut{On: model.MustDate("2026-11-21"), Reason: "wrong pupil"}}
	c.Reviews = []model.Review{struck}
	fields := map[string]string{model.FieldReviewKind: "review", model.FieldMeetingDate: "20/11/2026", "parent": "Jo Taylor"}
	if err := ApplyRecord(worcsReview, record(worcsReview, fields), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Reviews) != 2 || c.Reviews[0].ParentAttended || c.Reviews[0].StruckOut.IsZero() ||
		!c.Reviews[1].Counts() || !c.Reviews[1].ParentAttended || !c.Reviews[1].Held.Equal(model.MustDate("2026-11-20")) {
		t.Fatalf("reviews = %+v; want the struck-out one untouched and a new one held 20/11/2026", c.Reviews)
	}
}

// What a form records becomes the case's typed data; a blank leaves the
// case as it was.
func TestApplyRecord(t *testing.T) {
	for _, tt := range applyRecordCases {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase(tt.kind)
			if err := ApplyRecord(tt.t, record(tt.t, tt.fields), &c); err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("case after applying %v:\n%+v", tt.fields, c)
			}
		})
	}
}

// A record with a value that does not read changes nothing in the case,
// and says which field is wrong.
func TestApplyRecordRefusesBadValues(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	before := c.Start
	err := ApplyRecord(bwmatPlan, record(bwmatPlan, map[string]string{"start": "09/11/2026", "end": "someday"}), &c)
	if err == nil || !contains(err.Error(), "End date of timetable") {
		t.Fatalf("err = %v", err)
	}
	if !c.Start.Equal(before) {
		t.Errorf("start moved to %s although the record was refused", c.Start)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
