package storage

import (
	"testing"

	"reintegrate/model"
)

// A closed plan's typed outcome, its note, who closed it and the blockers
// it was closed over, and reviews with who took part, the views, the
// decisions and a strike-out, all read back as saved (001 process 6 and 9;
// 002 appendix 1).
func TestClosedCaseWithReviewsRoundTrip(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	c.Status, c.Closed, c.Outcome = model.Closed, d("2026-12-11"), model.Unsuccessful
	c.OutcomeNote, c.ClosedBy = "Back to the AP setting;\nthe family agreed", "Ms R Khan"
	c.ClosedOver = model.ClosedOver{Blockers: []string{"consent.parent", "risk-assessment.before-start"},
		Reason: "The signed copies are with the AP setting"}
	c.Reviews = append(c.Reviews,
		model.Review{Due: d("2026-11-30"), Held: d("2026-11-27"), Kind: "review", PupilViews: true, ParentAttended: true,
			Attended:       []model.Role{model.PupilRole, model.ParentRole, model.SocialWorker, model.APSetting, model.HostSchool},
			PupilViewsText: "Zoë: mornings are fine ✓", ParentViewsText: "Łucja wants Fridays off", Decisions: "Keep mornings"},
		model.Review{Held: d("2026-11-20"), Kind: "emergency",
			StruckOut: model.StrikeOut{On: d("2026-11-21"), Reason: "Recorded against the wrong case"}})
	if _, err := s.SaveCase(ctx, c, 1); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "closed case read back", got, c)
}

func TestCaseRefusesBadReviewsAndOutcomes(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	tests := []struct {
		name string
		mod  func(*model.Case)
		says string
	}{
		{"an outcome not typed", func(c *model.Case) { c.Outcome = "went well" }, `outcome "went well" is not known`},
		{"someone not at reviews", func(c *model.Case) { c.Reviews[0].Attended = []model.Role{model.Governors} },
			`review attended by "governors" is not known`},
		{"a strike-out with no reason", func(c *model.Case) { c.Reviews[0].StruckOut.On = d("2026-11-17") },
			"a strike-out needs both its date and its reason"},
		{"a rule ID with a comma", func(c *model.Case) { c.ClosedOver.Blockers = []string{"a,b"} }, "cannot be stored"},
	}
	for _, tt := range tests {
		bad := c
		bad.Reviews = append([]model.Review(nil), c.Reviews...)
		tt.mod(&bad)
		_, err := s.SaveCase(ctx, bad, 1)
		wantErr(t, err, nil, tt.says)
	}
}
