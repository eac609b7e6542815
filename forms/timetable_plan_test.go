package forms

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// 002 appendix 1 (the plan's timetable) printed over a half term, Good
// Friday and a Thursday start: a day the school is shut prints "Shut", a
// day before the plan's start or after its end "Before" or "After", never
// the week's "School"; the Time in Education counts only the plan's school
// days, with the threshold pro rata over them (RULES.md, "Full-time hours").
func TestPrintedTimetableOverShutDaysAndThePlansDates(t *testing.T) {
	school := model.DefaultSchool()
	school.Closures = []model.Closure{{First: model.MustDate("2027-02-15"), Last: model.MustDate("2027-02-19"), Name: "February half term"}}
	full := model.Week{}
	for d := range 5 {
		full.Days[d] = [2]model.Session{{Mode: model.InSchool}, {Mode: model.InSchool}}
	}
	var weeks []model.Week
	for _, monday := range []string{"2027-02-01", "2027-02-15", "2027-03-22", "2027-03-29"} {
		w := full
		w.WeekBeginning = model.MustDate(monday)
		weeks = append(weeks, w)
	}
	c := model.Case{Pupil: model.Pupil{Name: "Zoë Brontë", YearGroup: "Y8"}, Kind: model.ReducedTimetable,
		Start: model.MustDate("2027-02-04"), PlannedEnd: model.MustDate("2027-03-31"), Timetable: weeks}
	tmpl, ok := Lookup("bwmat.plan")
	if !ok {
		t.Fatal("no bwmat.plan template")
	}
	md := string(Markdown(tmpl, model.FormRecord{Template: tmpl.ID}, c, school))
	want := []string{
		"| 01/02/2027 | Before | Before | Before | Before | Before | Before | School | School | School | School | 10 h of 9.6 (104.17%), 2 school days |",
		"| 15/02/2027 | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | School shut |",
		"| 22/03/2027 | School | School | School | School | School | School | School | School | Shut | Shut | 20 h of 19.2 (104.17%), 4 school days |",
		"| 29/03/2027 | Shut | Shut | School | School | School | School | After | After | After | After | 10 h of 9.6 (104.17%), 2 school days |",
	}
	for _, line := range want {
		if !strings.Contains(md, line) {
			t.Errorf("the printed timetable lacks\n%s\nin\n%s", line, timetableLines(md))
		}
	}
	// A week wholly outside the plan says so, not "School shut".
	c.Timetable = append(c.Timetable, model.Week{WeekBeginning: model.MustDate("2027-04-05"), Days: full.Days})
	md = string(Markdown(tmpl, model.FormRecord{Template: tmpl.ID}, c, school))
	if line := "| 05/04/2027 | After | After | After | After | After | After | After | After | After | After | After the plan |"; !strings.Contains(md, line) {
		t.Errorf("the printed timetable lacks\n%s\nin\n%s", line, timetableLines(md))
	}
}

func timetableLines(md string) string {
	var out []string
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| 0") || strings.HasPrefix(l, "| 1") || strings.HasPrefix(l, "| 2") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
