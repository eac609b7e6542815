package model

import "fmt"

// The register pattern (`report register`): for each pupil whose plan runs
// in the period, one row per weekday with the code each planned session
// gets (RULES.md, "Register codes"; RegisterCode): present / and \, B, D,
// K, C2, X, and # on a bank holiday, INSET day or holiday. One table, so
// the CSV goes straight into the MIS. These are the planned codes: the
// register must still "reflect the true whereabouts of all pupils" (002 s6).

var registerColumns = []Column{{Head: "UPN"}, {Head: "Pupil"}, {Head: "Year"}, {Head: "Date", Date: true},
	{Head: "Day"}, {Head: "AM"}, {Head: "PM"}, {Head: "Note"}}

const registerKey = "Codes: / present (am), \\ present (pm), B approved off-site educational activity, " +
	"D at another school where dual registered, K LA-arranged provision, C2 not required by the part-time timetable, " +
	"X not required and below compulsory school age (or post-16), # school closed (bank holiday, INSET, holiday). " +
	"These are the planned codes: mark what actually happens (002 s6: the mark \"should reflect the true whereabouts of all pupils\")."

const noWeekPlanned = "no timetable for this week: take the register as usual"

func buildRegister(d reportData) Report {
	s := Section{Title: "Register pattern", Columns: registerColumns,
		Empty: fmt.Sprintf("No pupil's plan runs %s.", periodPhrase(d.From, d.To))}
	pupils := 0
	for _, p := range d.plans {
		rows := registerRows(p, d.cal, d.From, d.To)
		if len(rows) > 0 {
			pupils++
		}
		s.Rows = append(s.Rows, rows...)
	}
	return Report{
		Notes: []string{fmt.Sprintf("%d %s with a plan running %s; one row a weekday.", pupils,
			plural(pupils, "pupil", "pupils"), periodPhrase(d.From, d.To)), registerKey},
		Sections: []Section{s},
	}
}

// registerRows are one plan's weekdays in the period. A weekday with no
// planned week gets a row only on the plan's school days, where a missing
// week is a gap in the plan the attendance officer should know of; after a
// closure the pupil is back full time and not listed.
func registerRows(p plan, cal *Calendar, from, to Date) [][]Cell {
	c := p.c
	planned := make(map[Date]Week, len(c.Timetable))
	for _, w := range c.Timetable {
		planned[w.WeekBeginning.Monday()] = w
	}
	// The pupil's cells are cleaned once, not once a day: a term of 2,000
	// plans is 60,000 rows.
	pupil := []Cell{textCell(c.Pupil.UPN), textCell(c.Pupil.Name), textCell(string(c.Pupil.YearGroup))}
	var rows [][]Cell
	for date := MaxDate(from, p.first); !date.After(MinDate(to, p.last)); date = date.AddDays(1) {
		if date.IsWeekend() {
			continue
		}
		day := cal.Day(date, c.Dates())
		row := append(make([]Cell, 0, len(registerColumns)), pupil...)
		row = append(row, dateCell(date), Cell{Text: date.Weekday().String()[:3]})
		w, ok := planned[date.Monday()]
		switch {
		case ok:
			rows = append(rows, append(row, registerCodes(c, w, day)...))
		case day.Planned():
			rows = append(rows, append(row, Cell{}, Cell{}, Cell{Text: noWeekPlanned}))
		}
	}
	return rows
}

// registerCodes are the day's am and pm codes and a note on any that needs
// one: a day the school is shut gets # and says why; a day after the
// plan's end (a plan left running) gets no code of the plan and says so.
func registerCodes(c Case, w Week, day PlanDay) []Cell {
	am := RegisterCode(day, day.SessionIn(w, AM), AM, c.Pupil)
	pm := RegisterCode(day, day.SessionIn(w, PM), PM, c.Pupil)
	note := ""
	switch {
	case day.Kind == SchoolShut:
		note = "school closed: " + day.Why
	case !day.Planned():
		note = day.Phrase() + ": take the register as usual"
	case am == CodeNotCompulsory || pm == CodeNotCompulsory:
		note = "X: not of compulsory school age"
	}
	return []Cell{{Text: am}, {Text: pm}, {Text: note}}
}
