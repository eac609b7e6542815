package model

import (
	"fmt"
	"testing"
)

// Issue 6, "Done when": a report of 2,000 active cases over a term takes
// under a second. The cases are six-week reduced timetables starting on
// each Monday of the autumn term, stepping up an afternoon a week, across
// Y1 to Y11, with a review and the LA told; every pack is on, so the
// trust report's duties table runs every rule on every plan.
func benchReportInput() ReportInput {
	school := reportSchool()
	school.Packs.On = AllPacks
	years := []YearGroup{"Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11"}
	mondays := []string{"2026-09-07", "2026-09-14", "2026-09-21", "2026-10-05", "2026-10-12", "2026-11-02", "2026-11-09"}
	in := ReportInput{School: school, On: MustDate("2026-12-18"), From: MustDate("2026-09-01"), To: MustDate("2026-12-18"),
		History: map[int64][]PastCase{}}
	for i := range 2000 {
		start := mondays[i%len(mondays)]
		c := natCase(func(c *Case) {
			c.ID, c.Pupil.ID = int64(i+1), int64(i+1)
			c.Pupil.Name, c.Pupil.UPN = fmt.Sprintf("Pupil %04d", i), fmt.Sprintf("A%012d", i)
			c.Pupil.YearGroup = years[i%len(years)]
			c.Start, c.PlannedEnd = MustDate(start), MustDate(start).AddDays(6*7-3)
			c.Timetable = natSteps(start, 0, 1, 2, 3, 4, 5)
			c.Notifications[0].Sent = c.Start
			if i%5 == 0 {
				c.Pupil.Flags = []Flag{EHCP}
				c.Reasons = []Reason{Behaviour}
				in.History[c.Pupil.ID] = []PastCase{{Kind: ReducedTimetable, Reasons: []Reason{Behaviour},
					Start: MustDate("2025-03-03"), Closed: MustDate("2025-04-11")}}
			}
		})
		in.Cases = append(in.Cases, c)
	}
	return in
}

func BenchmarkReport(b *testing.B) {
	in := benchReportInput()
	for _, name := range ReportNames {
		b.Run(name, func(b *testing.B) {
			r, err := BuildReport(name, in)
			if err != nil || len(r.Sections) == 0 {
				b.Fatalf("BuildReport: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r, _ := BuildReport(name, in)
				_ = r.CSV()
			}
		})
	}
}
