package model

import (
	"strings"
	"testing"
)

// localContactLog is a contact log with one entry on the Wednesday of each
// week from the Monday given to the last, leaving out the weeks beginning
// on the skipped Mondays.
func localContactLog(from, last string, skip ...string) string {
	var lines []string
	for m := MustDate(from); !m.After(MustDate(last)); m = m.AddDays(7) {
		if !strings.Contains(strings.Join(skip, " "), m.String()) {
			lines = append(lines, m.AddDays(2).String()+" phone call with the form tutor")
		}
	}
	return strings.Join(lines, "\n")
}

// localInAP is a Y11 pupil still at the AP setting: the reintegration is a
// draft starting 04/01/2027, the placement began 07/09/2026, and the home
// school has called every week but the October half term.
func localInAP(log string, mods ...localMod) Case {
	base := []localMod{localYear("Y11"), localStatus(Draft), localStart("2027-01-04"), localReviews(),
		localTimetable(localWeeks("2027-01-04", 6, Dual)),
		localWithForm(TemplateHillingdonPlacement, localForm(TemplateHillingdonPlacement, "2026-09-07",
			FieldPlacementStart, "2026-09-07", FieldReturnPlan, "Return in January, dual afternoons for six weeks",
			FieldContactLog, log, FieldSeptemberDestination, "Sixth form college"))}
	return localAP(append(base, mods...)...)
}

func hillingdonRows() map[string][]localRow {
	allTerm := localContactLog("2026-09-07", "2026-11-09", "2026-10-26")
	inSchool := localReduced()
	offsite := localReduced(localTimetable(localWeeks("2026-11-02", 6, Offsite)))
	placement := func(recs ...FormRecord) localMod { return localWithForm(TemplateHillingdonPlacement, recs...) }
	return map[string][]localRow{
		"hillingdon.plan-from-start": {
			{seed: "004: return planned from the start of the placement", c: localAP(), on: "2026-11-18", want: Met, due: "2026-04-20"},
			{seed: "004: return planned two weeks in", c: localAP(placement(localForm(TemplateHillingdonPlacement, "2026-05-04",
				FieldPlacementStart, "2026-04-20"))), on: "2026-11-18", want: Unmet, msg: "14 days late"},
			{seed: "004: placement record without a return plan", c: localAP(localSetField(TemplateHillingdonPlacement, FieldReturnPlan, "")),
				on: "2026-11-18", want: Overdue, due: "2026-04-20"},
			{seed: "004: off-site afternoons began with no return plan", c: offsite, on: "2026-11-18", want: Overdue, due: "2026-11-02"},
			{seed: "004: off-site afternoons about to begin", c: offsite, on: "2026-10-28", want: Due, due: "2026-11-02"},
			{seed: "004: no alternative provision", c: inSchool, on: "2026-11-18", want: NotApplicable},
		},
		"hillingdon.weekly-contact": {
			{seed: "004: weekly contact with the home school", c: localInAP(allTerm + "\n2026-11-18 visit"), on: "2026-11-18", want: Met},
			{seed: "004: this week's contact still to come", c: localInAP(allTerm), on: "2026-11-16", want: Due, due: "2026-11-22"},
			{seed: "004: a week without contact", c: localInAP(localContactLog("2026-09-07", "2026-11-16", "2026-10-26", "2026-10-05")),
				on: "2026-11-18", want: Overdue, due: "2026-10-11", msg: "05/10/2026"},
			{seed: "004: a review at the home school is contact", c: localInAP(localContactLog("2026-09-07", "2026-11-16", "2026-10-26", "2026-10-05"),
				localReviews(Review{Held: MustDate("2026-10-07"), Kind: ReviewKindReview, ParentAttended: true, PupilViews: true})),
				on: "2026-11-16", want: Due},
			{seed: "004: mornings in school keep the contact", c: offsite, on: "2026-11-18", want: Met},
			{seed: "004: the placement start is not recorded", c: localInAP(allTerm, localSetField(TemplateHillingdonPlacement, FieldPlacementStart, "-")),
				on: "2026-11-18", want: Unmet, msg: "start date"},
			{seed: "004: the placement ended with the return", c: localAP(), on: "2026-11-18", want: NotApplicable},
			{seed: "004: the placement has not begun", c: localInAP(allTerm, localSetField(TemplateHillingdonPlacement, FieldPlacementStart, "2026-12-01")),
				on: "2026-11-18", want: NotApplicable},
			{seed: "004: no alternative provision", c: inSchool, on: "2026-11-18", want: NotApplicable},
		},
		"hillingdon.ks4-destination": {
			{seed: "004: Y10 in AP with a planned September destination", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "004: Y11 in AP without one", c: localInAP(allTerm, localSetField(TemplateHillingdonPlacement, FieldSeptemberDestination, "")),
				on: "2026-11-18", want: Unmet, msg: "September"},
			{seed: "004: Y11 part-time off-site with no placement record", c: localApply(func() Case { return offsite }, localYear("Y11")),
				on: "2026-11-18", want: Unmet},
			// 004, the second edition: a field left blank in a completed form is not done.
			{seed: "004: a completed record from a case file without our keys", c: localAP(placement(localForm(TemplateHillingdonPlacement, "2026-04-20"))),
				on: "2026-11-18", want: Unmet, msg: "September"},
			{seed: "004: not Key Stage 4", c: localAP(localYear("Y8")), on: "2026-11-18", want: NotApplicable},
			{seed: "004: Key Stage 4 but not in AP", c: localApply(func() Case { return inSchool }, localYear("Y11")), on: "2026-11-18", want: NotApplicable},
		},
	}
}

func TestHillingdonRules(t *testing.T) {
	for rule, rows := range hillingdonRows() {
		t.Run(rule, func(t *testing.T) { localRun(t, rule, rows) })
	}
}
