package ui

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// 000 ("planned progression"); 002 s5.7: the plan must reach full time by
// its end. "The end" is the last week the school is open: a plan whose
// planned end falls in the Christmas holiday is judged on the week before,
// and the holiday week is shown shut, not "full time" at 0 of 0 hours.
func TestGridLastWeekIsTheLastSchoolWeek(t *testing.T) {
	tests := []struct {
		name      string
		weeks     []model.Week
		want      []string
		wantNever []string
	}{
		{"last school week below, holiday after",
			[]model.Week{mornings("2026-12-07"), mornings("2026-12-14"), emptyWeek(date("2026-12-21"))},
			[]string{"LAST WEEK NOT FULL TIME (w/c 14/12/2026)", "LAST: below", "school shut"},
			[]string{"the last week is full time", "0     0 100%"}},
		{"last school week full, holiday after",
			[]model.Week{mornings("2026-12-07"), fullWeek("2026-12-14"), emptyWeek(date("2026-12-21"))},
			[]string{"1 of 2 school weeks below full time · the last week is full time", "school shut"},
			[]string{"LAST WEEK NOT FULL TIME", "LAST: below"}},
		{"no holiday: the last week counts",
			[]model.Week{fullWeek("2026-11-30"), mornings("2026-12-07")},
			[]string{"LAST WEEK NOT FULL TIME (w/c 07/12/2026)"},
			[]string{"school shut"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, 120, 30, false)
			p := model.Pupil{Name: "Sam Taylor", YearGroup: "Y8", DateOfBirth: date("2013-04-02")}
			cs := model.Case{Pupil: p, Kind: model.ReducedTimetable, Status: model.Active,
				Start: tt.weeks[0].WeekBeginning, PlannedEnd: tt.weeks[len(tt.weeks)-1].WeekBeginning.AddDays(4),
				Timetable: tt.weeks}
			d.send(pushMsg{newGrid(d.root().common, cs, 1)})
			d.mustSee(tt.want...)
			for _, s := range tt.wantNever {
				if strings.Contains(d.view(), s) {
					t.Errorf("the grid shows %q:\n%s", s, d.view())
				}
			}
		})
	}
}
