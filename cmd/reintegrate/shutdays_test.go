package main

import (
	"strings"
	"testing"
)

// What is printed for people (the case's forms, the subject access copy)
// shows a day the school is shut as shut, never the week's "school": the
// demo's February half term, 15/02-19/02/2027, falls in weeks its plans
// have in school (RULES.md, "Full-time hours": the school is shut; 002
// appendix 1, the plan's timetable).
func TestPrintedTimetablesShowTheHalfTermShut(t *testing.T) {
	form := mustRun(t, "--demo", "--on", "2027-02-16", "export", "1", "--format", "md", "--form", "bwmat.plan")
	if line := lineStarting(form, "| 15/02/2027 |"); line != "| 15/02/2027 | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | Shut | School shut |" {
		t.Errorf("the plan's timetable prints the half-term week as\n%s\nwant every session Shut", line)
	}
	copy := mustRun(t, "--demo", "--on", "2027-02-16", "export", "--pupil", "1", "--format", "md")
	if line := lineStarting(copy, "| 15/02/2027 | school"); line != "| 15/02/2027 | school shut | school shut | school shut | school shut | school shut |" {
		t.Errorf("the subject access copy prints the half-term week as\n%s\nwant every day school shut", line)
	}
}

// lineStarting is the first line of text that starts with prefix, or "".
func lineStarting(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// `cases` on a half-term day: this week is shut, not "0 h of 0".
func TestCasesInTheHalfTerm(t *testing.T) {
	out := mustRun(t, "--demo", "--on", "2027-02-16", "cases")
	if strings.Contains(out, "0 h of 0") || !strings.Contains(out, "school shut") {
		t.Errorf("cases over the half term:\n%s", out)
	}
}

// A plan with no week for the half term (a holiday week needs none:
// timetable.covers-plan) is listed on a half-term day as shut, not as a
// week missing from the plan.
func TestTodayInAHalfTermWithNoWeekPlanned(t *testing.T) {
	db := schoolDB(t)
	mustRun(t, "--db", db, "import", overHalfTerm(t))
	out := mustRun(t, "--db", db, "--on", "2027-02-16", "today")
	if !strings.Contains(out, "school shut: no sessions") || strings.Contains(out, "no timetable for this week") {
		t.Errorf("today in the half term, no week planned for it:\n%s", out)
	}
}
