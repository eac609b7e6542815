package storage

import (
	"testing"

	"reintegrate/model"
)

// closedCase is a short closed plan for a pupil; only its dates matter here.
func closedCase(p model.Pupil, closed string) model.Case {
	return model.Case{Pupil: p, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour},
		Start: d(closed).AddDays(-28), PlannedEnd: d(closed), Status: model.Closed, Closed: d(closed),
		Outcome: model.Successful}
}

// Retention (issue 7 part 7; IRMS toolkit: pupil record kept to date of
// birth + 25 years): a closed case is listed for review from the day the
// period ends, never before, and never deleted.
func TestRetentionDueEitherSideOfTheBoundary(t *testing.T) {
	tests := []struct {
		name    string
		dob     string
		years   int // the school's setting; 0 keeps the default
		status  model.CaseStatus
		on      string
		listed  bool
		keepTil string
	}{
		{"the day before DOB + 25", "2000-03-10", 0, model.Closed, "2025-03-09", false, ""},
		{"on DOB + 25", "2000-03-10", 0, model.Closed, "2025-03-10", true, "2025-03-10"},
		{"a year after", "2000-03-10", 0, model.Closed, "2026-03-10", true, "2025-03-10"},
		{"born on 29 February: due 1 March", "2000-02-29", 0, model.Closed, "2025-02-28", false, ""},
		{"born on 29 February, on 1 March", "2000-02-29", 0, model.Closed, "2025-03-01", true, "2025-03-01"},
		{"the school keeps 30 years: not yet at 25", "2000-03-10", 30, model.Closed, "2025-03-10", false, ""},
		{"the school keeps 30 years: due at 30", "2000-03-10", 30, model.Closed, "2030-03-10", true, "2030-03-10"},
		{"an active case is never listed", "2000-03-10", 0, model.Active, "2026-03-10", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			school := model.DefaultSchool()
			if tt.years != 0 {
				school.RetentionYears = tt.years
			}
			if err := s.SaveSchool(ctx, school); err != nil {
				t.Fatal(err)
			}
			p := savePupil(t, s, model.Pupil{Name: "Nguyễn Văn An", DateOfBirth: d(tt.dob), YearGroup: "Y11"})
			c := closedCase(p, "2016-07-15")
			if tt.status == model.Active {
				c.Status, c.Closed, c.Outcome = model.Active, model.Date{}, ""
			}
			c = mustCreateCase(t, s, c)
			got, err := s.RetentionDue(ctx, d(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			if !tt.listed {
				if len(got) != 0 {
					t.Fatalf("listed %+v, want nothing on %s", got, tt.on)
				}
				return
			}
			if len(got) != 1 || got[0].CaseID != c.ID || got[0].Pupil.Name != p.Name {
				t.Fatalf("got %+v, want case %d", got, c.ID)
			}
			if got[0].KeepUntil != d(tt.keepTil) || got[0].Closed != d("2016-07-15") {
				t.Errorf("keep until %s, closed %s; want %s, 15/07/2016", got[0].KeepUntil.UK(), got[0].Closed.UK(), tt.keepTil)
			}
			if n := count(t, s, "cases"); n != 1 {
				t.Errorf("%d cases after listing, want 1: retention must never delete", n)
			}
		})
	}
}

// A pupil with no date of birth cannot be dated: the case is listed (after
// the dated ones) for someone to check by hand, not kept for ever unseen.
func TestRetentionDueListsUndatedLast(t *testing.T) {
	s := openTemp(t)
	undated := savePupil(t, s, model.Pupil{Name: "Łukasz Kowalski", YearGroup: "Y10"})
	old := savePupil(t, s, model.Pupil{Name: "Zoë Clarke", DateOfBirth: d("1990-01-05"), YearGroup: "Y11"})
	older := savePupil(t, s, model.Pupil{Name: "Sam O'Brien", DateOfBirth: d("1989-06-01"), YearGroup: "Y11"})
	young := savePupil(t, s, model.Pupil{Name: "Amir Khan", DateOfBirth: d("2012-06-01"), YearGroup: "Y9"})
	cu := mustCreateCase(t, s, closedCase(undated, "2020-07-10"))
	co := mustCreateCase(t, s, closedCase(old, "2005-07-10"))
	cr := mustCreateCase(t, s, closedCase(older, "2004-07-10"))
	mustCreateCase(t, s, closedCase(young, "2025-07-10"))
	got, err := s.RetentionDue(ctx, d("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range got {
		ids = append(ids, r.CaseID)
	}
	same(t, "cases listed, in order", ids, []int64{cr.ID, co.ID, cu.ID})
	if len(got) == 3 && !got[2].KeepUntil.IsZero() {
		t.Errorf("undated case keeps until %s, want no date", got[2].KeepUntil.UK())
	}
}
