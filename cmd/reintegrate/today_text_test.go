package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"reintegrate/model"
)

// tabwriterPupils is the table of pupils as text/tabwriter laid it out
// before writeColumns replaced it: the output writeTodayPupils must keep,
// byte for byte (the budget work of issue 3 changed no output).
func tabwriterPupils(w io.Writer, r todayReport) {
	fmt.Fprintf(w, "\nON A PLAN TODAY (%d)\n", len(r.Pupils))
	if len(r.Pupils) == 0 {
		fmt.Fprintln(w, "  no pupil's plan runs today")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  Case\tPupil\tYear\tAM\tCode\tPM\tCode\t")
	unplanned := "no timetable for this week"
	if wd := model.MustDate(r.On).Weekday(); wd == time.Saturday || wd == time.Sunday {
		unplanned = "weekend: no sessions"
	}
	for _, p := range r.Pupils {
		if !p.Planned {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t\t\t\t\n", p.CaseID, p.Pupil, p.YearGroup, unplanned)
			continue
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", p.CaseID, p.Pupil, p.YearGroup,
			sessionLabel(p.AM), orDash(p.AM.Code), sessionLabel(p.PM), orDash(p.PM.Code))
	}
	tw.Flush()
}

func TestTodayPupilsLaidOutAsTabwriterDid(t *testing.T) {
	in := func(m model.Mode, minutes int, code string) todaySession {
		return todaySession{Mode: m, Minutes: minutes, Code: code}
	}
	pupils := []todayPupil{
		// Accents are one character wide each (DESIGN.md: Zoë, Łukasz, Nguyễn).
		{CaseID: 7, Pupil: "Zoë Ó Briain", YearGroup: "Y8", Planned: true,
			AM: in(model.InSchool, 150, "/"), PM: in(model.HomeLearning, 0, "")},
		{CaseID: 12345, Pupil: "Łukasz Wiśniewski", YearGroup: "Y11", Planned: true,
			AM: in(model.Offsite, 0, "B"), PM: in(model.LAProvision, 110, "K")},
		{CaseID: 3, Pupil: "Nguyễn Thị Minh Khai", YearGroup: "R"},
		{CaseID: 40, Pupil: "Al", YearGroup: "Y7", Planned: true,
			AM: in(model.Dual, 0, "D"), PM: in(model.NoSession, 0, "")},
	}
	for _, tc := range []struct {
		name, on string
		pupils   []todayPupil
	}{
		{"a school day", "2026-11-23", pupils},
		{"a weekend, nothing planned", "2026-11-21", pupils[2:3]},
		{"one pupil", "2026-11-23", pupils[:1]},
		{"nobody", "2026-11-23", nil},
	} {
		r := todayReport{On: tc.on, Pupils: tc.pupils}
		var got, want bytes.Buffer
		writeTodayPupils(&got, r)
		tabwriterPupils(&want, r)
		if got.String() != want.String() {
			t.Errorf("%s: the table changed:\n got %q\nwant %q", tc.name, got.String(), want.String())
		}
		if len(tc.pupils) > 1 && !strings.Contains(got.String(), "Nguyễn Thị Minh Khai") {
			t.Errorf("%s: a name is missing:\n%s", tc.name, got.String())
		}
	}
}
