package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"reintegrate/model"
	"reintegrate/storage"
)

func writeToday(w io.Writer, r todayReport, school model.School) error {
	on := model.MustDate(r.On)
	day := on.Weekday().String() + " " + on.UK()
	if r.SchoolDay {
		fmt.Fprintf(w, "%s: a school day", day)
	} else {
		fmt.Fprintf(w, "%s: NOT a school day (%s), no register to take", day, r.Closed)
	}
	if school.Name != "" {
		fmt.Fprintf(w, "  ·  %s", school.Name)
	}
	fmt.Fprintln(w)
	writeTodayPupils(w, r)
	fmt.Fprintf(w, "\nDUE AND OVERDUE (%d, of which %d %s)\n", len(r.duties), r.Blockers, plural(r.Blockers, "blocker", "blockers"))
	if len(r.duties) == 0 {
		fmt.Fprintln(w, "  nothing due or overdue")
	}
	for _, d := range r.duties {
		writeDuty(w, d)
	}
	return nil
}

// dutyLabels are the duty kinds as the list shows them, padded to one width.
var dutyLabels = map[model.Status]string{model.Overdue: "OVERDUE ", model.Due: "DUE     ", model.Unmet: "UNMET   "}

// writeDuty writes one duty as two lines: what and for whom, then the
// rule's message and source. A big school lists thousands, so the line is
// put together directly rather than through fmt's format parsing.
func writeDuty(w io.Writer, d storage.Duty) {
	label, ok := dutyLabels[d.Status]
	switch {
	case d.Severity == model.Blocker:
		label = "BLOCKER "
	case !ok:
		label = fmt.Sprintf("%-8s", strings.ToUpper(string(d.Status)))
	}
	due := ""
	if !d.Due.IsZero() {
		due = "  due " + d.Due.UK()
	}
	for _, part := range []string{"  ", label, " ", d.Pupil, " (case ", strconv.FormatInt(d.CaseID, 10), ")  ",
		d.Rule, due, "\n           ", d.Message, "  [", d.Source, "]\n"} {
		io.WriteString(w, part)
	}
}

func writeTodayPupils(w io.Writer, r todayReport) {
	fmt.Fprintf(w, "\nON A PLAN TODAY (%d)\n", len(r.Pupils))
	if len(r.Pupils) == 0 {
		fmt.Fprintln(w, "  no pupil's plan runs today")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  Case\tPupil\tYear\tAM\tCode\tPM\tCode\t")
	// A weekend has no sessions to plan (storage.TodayEntry.Planned is
	// false): say so, not that the week has no timetable.
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

// sessionLabel is a session as staff say it: "in school", "in school 150 min".
func sessionLabel(s todaySession) string {
	label := modeLabel(s.Mode)
	if s.Minutes > 0 && s.Mode != model.NoSession {
		label += fmt.Sprintf(" %d min", s.Minutes)
	}
	return label
}

func modeLabel(m model.Mode) string {
	switch m {
	case model.InSchool:
		return "in school"
	case model.Offsite:
		return "off-site (B)"
	case model.Dual:
		return "dual reg. (D)"
	case model.LAProvision:
		return "LA provision (K)"
	case model.HomeLearning:
		return "home learning"
	}
	return "not in"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
