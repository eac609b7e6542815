package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reintegrate/model"
	"reintegrate/storage"
)

// writeTodayHead writes the first part of `today` as text: the day, the
// school and the table of pupils. writeTodayDuties writes the rest.
func writeTodayHead(w io.Writer, r todayReport, school model.School) {
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
}

// writeTodayDuties writes the duties, with how many there are.
func writeTodayDuties(w io.Writer, r todayReport) {
	fmt.Fprintf(w, "\nDUE AND OVERDUE (%d, of which %d %s)\n", r.duties.Len(), r.Blockers, plural(r.Blockers, "blocker", "blockers"))
	if r.duties.Len() == 0 {
		fmt.Fprintln(w, "  nothing due or overdue")
	}
	var line []byte
	for d := range r.duties.All() {
		line = appendDuty(line[:0], d)
		w.Write(line)
	}
}

// dutyLabels are the duty kinds as the list shows them, padded to one width.
var dutyLabels = map[model.Status]string{model.Overdue: "OVERDUE ", model.Due: "DUE     ", model.Unmet: "UNMET   "}

// appendDuty appends one duty as two lines: what and for whom, then the
// rule's message and source. A big school lists thousands, so the line is
// put together in one reused buffer rather than through fmt.
func appendDuty(b []byte, d storage.Duty) []byte {
	label, ok := dutyLabels[d.Status]
	switch {
	case d.Severity == model.Blocker:
		label = "BLOCKER "
	case !ok:
		label = fmt.Sprintf("%-8s", strings.ToUpper(string(d.Status)))
	}
	b = append(append(append(append(b, "  "...), label...), ' '), d.Pupil...)
	b = append(strconv.AppendInt(append(b, " (case "...), d.CaseID, 10), ")  "...)
	b = append(b, d.Rule...)
	if !d.Due.IsZero() {
		b = d.Due.AppendUK(append(b, "  due "...))
	}
	b = append(append(append(b, "\n           "...), d.Message...), "  ["...)
	return append(append(b, d.Source...), "]\n"...)
}

func writeTodayPupils(w io.Writer, r todayReport) {
	fmt.Fprintf(w, "\nON A PLAN TODAY (%d)\n", len(r.Pupils))
	if len(r.Pupils) == 0 {
		fmt.Fprintln(w, "  no pupil's plan runs today")
		return
	}
	// A weekend has no sessions to plan (storage.TodayEntry.Planned is
	// false): say so, not that the week has no timetable.
	// A holiday week needs no timetable (timetable.covers-plan): say the
	// school is shut, not that a week is missing.
	unplanned := "no timetable for this week"
	switch {
	case model.MustDate(r.On).IsWeekend():
		unplanned = "weekend: no sessions"
	case r.Closed != "":
		unplanned = "school shut: no sessions"
	}
	// A school's sessions are a few kinds over and over: each label is made
	// once. On a day the school is shut there are none (model.PlanDay).
	labels := map[todaySession]string{}
	label := func(s todaySession) string {
		if r.Closed != "" {
			return "school shut"
		}
		s.Code = ""
		l, ok := labels[s]
		if !ok {
			l = sessionLabel(s)
			labels[s] = l
		}
		return l
	}
	cases := caseCells(r.Pupils)
	writeColumns(w, len(r.Pupils)+1, func(i int) pupilRow {
		if i == 0 {
			return pupilRow{"  Case", "Pupil", "Year", "AM", "Code", "PM", "Code"}
		}
		p := r.Pupils[i-1]
		row := pupilRow{cases[i-1], p.Pupil, string(p.YearGroup), unplanned}
		if p.Planned {
			row[3], row[4], row[5], row[6] = label(p.AM), orDash(p.AM.Code), label(p.PM), orDash(p.PM.Code)
		}
		return row
	})
}

// caseCells are the table's first cells, "  " and the case ID, made in
// one piece rather than a few thousand.
func caseCells(pupils []todayPupil) []string {
	var b []byte
	ends := make([]int, len(pupils))
	for i, p := range pupils {
		b = strconv.AppendInt(append(b, "  "...), p.CaseID, 10)
		ends[i] = len(b)
	}
	all, cells, start := string(b), make([]string, len(pupils)), 0
	for i, end := range ends {
		cells[i], start = all[start:end], end
	}
	return cells
}

// pupilRow is one line of the table of pupils: case, pupil, year, then
// each half day's session and register code.
type pupilRow [7]string

// writeColumns lays out n rows as text/tabwriter did with padding 2 (every
// cell padded with spaces to its column's widest, counted in characters,
// plus two): the same bytes, without tabwriter's copying of every cell,
// which was a tenth of `today` on a big school. It asks for each row twice
// (to measure, then to write) rather than holding them all.
func writeColumns(w io.Writer, n int, row func(i int) pupilRow) {
	var widths [len(pupilRow{})]int
	size := 0 // in bytes: the widths count characters, and an accented letter takes two or three bytes
	for i := range n {
		for c, cell := range row(i) {
			chars := utf8.RuneCountInString(cell)
			widths[c] = max(widths[c], chars)
			size += len(cell) - chars
		}
	}
	const padding = 2
	spaces := strings.Repeat(" ", slices.Max(widths[:])+padding)
	if b, ok := w.(interface{ Grow(int) }); ok { // a buffer: make it its final size at once
		line := len(widths)*padding + 1
		for _, width := range widths {
			line += width
		}
		b.Grow(size + n*line)
	}
	for i := range n {
		for c, cell := range row(i) {
			io.WriteString(w, cell)
			io.WriteString(w, spaces[:widths[c]+padding-utf8.RuneCountInString(cell)])
		}
		io.WriteString(w, "\n")
	}
}

// sessionLabel is a session as staff say it: "in school", "in school 150 min".
func sessionLabel(s todaySession) string {
	label := modeLabel(s.Mode)
	if s.Minutes > 0 && s.Mode != model.NoSession {
		label += " " + strconv.Itoa(s.Minutes) + " min"
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
