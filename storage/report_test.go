package storage

import (
	"testing"

	"reintegrate/model"
)

// A report reads every active case however long ago it started (a plan of
// months is what the LA must see), closed cases that may overlap the
// period, and no drafts.
func TestReportCases(t *testing.T) {
	s := openTemp(t)
	p := savePupil(t, s, pupilZoe())
	mk := func(status model.CaseStatus, start, end string) int64 {
		c := fullCase(p)
		c.Status, c.Start, c.PlannedEnd = status, d(start), d(end)
		c.Timetable, c.Extensions, c.Reviews = nil, nil, nil
		if status == model.Closed {
			c.Closed = d(end)
		}
		return mustCreateCase(t, s, c).ID
	}
	longActive := mk(model.Active, "2025-01-06", "2025-02-14")
	recentClosed := mk(model.Closed, "2026-09-07", "2026-10-16")
	oldClosed := mk(model.Closed, "2025-01-13", "2025-02-21")
	draft := mk(model.Draft, "2026-11-09", "2026-12-18")

	cases, history, err := s.ReportCases(ctx, d("2026-11-02"), d("2026-12-18"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]bool{}
	for _, c := range cases {
		got[c.ID] = true
	}
	for id, want := range map[int64]bool{longActive: true, recentClosed: true, oldClosed: false, draft: false} {
		if got[id] != want {
			t.Errorf("case %d in the report's cases = %v, want %v", id, got[id], want)
		}
	}
	if len(history[p.ID]) == 0 {
		t.Errorf("no earlier plans for the pupil, who has %d cases", len(cases))
	}
}
