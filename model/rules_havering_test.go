package model

import "testing"

func haveringRows() map[string][]localRow {
	reduced := localReduced()
	plan := func(recs ...FormRecord) localMod { return localWithForm(TemplateHaveringPlan, recs...) }
	return map[string][]localRow{
		"havering.plan-before-return": {
			{seed: "003 s3.4: plan ready before the return", c: localAP(), on: "2026-11-18", want: Met, due: "2026-11-02"},
			{seed: "003 s3.4: a later revision does not undo it", c: localAP(plan(localForm(TemplateHaveringPlan, "2026-11-05"),
				localForm(TemplateHaveringPlan, "2026-10-21"))), on: "2026-11-18", want: Met},
			{seed: "003 s3.4: plan drafted after the return", c: localAP(plan(localForm(TemplateHaveringPlan, "2026-11-05"))),
				on: "2026-11-18", want: Unmet, msg: "3 days late"},
			{seed: "003 s3.4: no plan", c: localAP(plan()), on: "2026-11-18", want: Overdue, due: "2026-11-02"},
			{seed: "003 s3.4: return still to come", c: localAP(localStatus(Draft), localStart("2027-01-04"), plan()),
				on: "2026-11-18", want: Due, due: "2027-01-04"},
			{seed: "003: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"havering.placement-dates": {
			{seed: "003 s3.8: the placement's start and end are agreed", c: localAP(), on: "2026-11-18", want: Met, msg: "20/04/2026"},
			{seed: "003 s3.8: the end is before the start", c: localAP(localSetField(TemplateHaveringPlan, FieldPlacementEnd, "2026-03-01")),
				on: "2026-11-18", want: Unmet, msg: "before it starts"},
			{seed: "003 s3.8: no end date", c: localAP(localSetField(TemplateHaveringPlan, FieldPlacementEnd, "")),
				on: "2026-11-18", want: Unmet, msg: "an end date"},
			{seed: "003 s3.8: no plan", c: localAP(plan()), on: "2026-11-18", want: Unmet},
			{seed: "003 s3.8: a completed plan from a case file without our keys", c: localAP(plan(localForm(TemplateHaveringPlan, "2026-10-21"))),
				on: "2026-11-18", want: Met},
			{seed: "003: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
		"havering.no-direction-first-term": {
			{seed: "003 s3.9: returned this term", c: localAP(), on: "2026-11-18", want: Unmet, msg: "03/01/2027"},
			{seed: "003 s3.9: the Christmas holidays end the autumn term", c: localAP(), on: "2027-01-12", want: NotApplicable},
			{seed: "003 s3.9: the holidays belong to the term before", c: localAP(), on: "2027-01-02", want: Unmet},
			{seed: "003 s3.9: without school holidays, terms start on 1 January", c: localAP(), on: "2027-01-02", want: NotApplicable, cal: NewCalendar()},
			{seed: "003 s3.9: an earlier return in the pupil's history", c: reduced, on: "2026-11-18", want: Unmet,
				history: []PastCase{{Kind: APReintegration, Start: MustDate("2026-09-14"), Closed: MustDate("2026-10-23")}}},
			{seed: "003 s3.9: a return last term", c: reduced, on: "2026-11-18", want: NotApplicable,
				history: []PastCase{{Kind: APReintegration, Start: MustDate("2026-06-08"), Closed: MustDate("2026-07-17")}}},
			{seed: "003 s3.9: not returned yet", c: localAP(localStatus(Draft), localStart("2027-01-04")), on: "2026-11-18", want: NotApplicable},
			{seed: "003 s3.9: the reintegration failed", c: localFailed(), on: "2026-11-30", want: NotApplicable},
		},
		"havering.minimum-expectations": {
			{seed: "003 minimum expectations: buddy, support staff, adjustments", c: localAP(), on: "2026-11-18", want: Met},
			{seed: "003 minimum expectations: no buddy", c: localAP(localSetField(TemplateHaveringPlan, FieldBuddy, "")),
				on: "2026-11-18", want: Unmet, msg: "the buddy and support staff"},
			{seed: "003 minimum expectations: a part-done plan", c: localAP(plan(localForm(TemplateHaveringPlan, ""))),
				on: "2026-11-18", want: Unmet, msg: "the buddy and support staff and the reasonable adjustments"},
			{seed: "003 minimum expectations: no plan", c: localAP(plan()), on: "2026-11-18", want: Unmet},
			// 003, the second edition: a field left blank in a completed form is not done.
			{seed: "003 minimum expectations: a completed plan from a case file without our keys", c: localAP(plan(localForm(TemplateHaveringPlan, "2026-10-21"))),
				on: "2026-11-18", want: Unmet, msg: "the buddy and support staff and the reasonable adjustments"},
			{seed: "003 minimum expectations: a completed plan with both left blank", c: localAP(localSetField(TemplateHaveringPlan, FieldBuddy, " ", FieldAdjustments, "")),
				on: "2026-11-18", want: Unmet, msg: "the buddy and support staff and the reasonable adjustments"},
			{seed: "003: only reintegrations from AP", c: reduced, on: "2026-11-18", want: NotApplicable},
		},
	}
}

func TestHaveringRules(t *testing.T) {
	for rule, rows := range haveringRows() {
		t.Run(rule, func(t *testing.T) { localRun(t, rule, rows) })
	}
}

// 003 s3.9 "the first term": terms come from the school's long holidays; a
// one-week half term does not end one.
func TestHaveringTermsFromTheCalendar(t *testing.T) {
	tests := []struct {
		seed, on, first, last string
		cal                   *Calendar
	}{
		{"003 s3.9: autumn term, past the October half term", "2026-11-16", "2026-09-03", "2027-01-03", localCal},
		{"003 s3.9: spring term, past the February half term", "2027-03-01", "2027-01-04", "2027-04-11", localCal},
		{"003 s3.9: summer term", "2027-06-10", "2027-04-12", "2027-09-01", localCal},
		{"003 s3.9: fixed terms without holidays", "2027-03-01", "2027-01-01", "2027-04-14", NewCalendar()},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			p := periodAround(tt.cal, MustDate(tt.on), 8, 160, fixedTermStarts)
			if !p.first.Equal(MustDate(tt.first)) || !p.last.Equal(MustDate(tt.last)) {
				t.Errorf("term of %s is %s to %s, want %s to %s", tt.on, p.first, p.last, tt.first, tt.last)
			}
		})
	}
}
