package model

import "fmt"

// The local authority return (`report la`): one row per pupil on a reduced
// timetable in the period, or an explicit nil return. The LA "has a
// statutory responsibility to identify and track all pupils missing or at
// risk of missing education" and "needs to be assured that schools are not
// placing children on part-time or re-integration timetables for longer
// than is necessary" (002 s7, "When to Notify the Local Authority"); 000
// asks for "a copy of the hours agreed and the plan".

var laColumns = []Column{
	{Head: "UPN"}, {Head: "Pupil"}, {Head: "Date of birth", Date: true}, {Head: "Year"},
	{Head: "Flags"}, {Head: "Kind"}, {Head: "Reasons"}, {Head: "Start", Date: true},
	{Head: "Planned end", Date: true}, {Head: "Extensions", Number: true},
	{Head: "Hours a week now", Number: true}, {Head: "Full time (h)", Number: true},
	{Head: "Reviews held", Number: true}, {Head: "Last review", Date: true},
	{Head: "Consent signed", Date: true}, {Head: "Status"}, {Head: "Outcome"},
}

func buildLA(d reportData) Report {
	plans := d.reducedPlans()
	if len(plans) == 0 {
		return laNilReturn(d)
	}
	ref := MinDate(d.On, d.To)
	s := Section{Title: "Pupils on a reduced timetable", Columns: laColumns}
	for _, p := range plans {
		s.Rows = append(s.Rows, laRow(p, ref))
	}
	pupils := "pupils were"
	if len(plans) == 1 {
		pupils = "pupil was"
	}
	return Report{
		Notes: []string{
			fmt.Sprintf("%d %s on a reduced timetable %s.", len(plans), pupils, periodPhrase(d.From, d.To)),
			fmt.Sprintf("Hours a week now are the planned hours in education (in school and at approved off-site provision) "+
				"of the week containing %s, or the plan's last week if it ended before; full time is the LGSCO "+
				"threshold for the year group, pro rata in a week with fewer than five school days.", ref.UK()),
		},
		Sections: []Section{s},
	}
}

func laRow(p plan, ref Date) []Cell {
	c := p.c
	hours, full := Cell{}, Cell{}
	if w, ok := p.weekAsOf(MinDate(ref, p.last)); ok {
		hours, full = hoursCell(w.HoursInEducation), Cell{Text: "none"}
		if w.HasThreshold {
			full = hoursCell(w.ThresholdHours)
		}
	}
	held, last := reviewsHeld(c, ref)
	return []Cell{
		textCell(c.Pupil.UPN), textCell(c.Pupil.Name), dateCell(c.Pupil.DateOfBirth),
		textCell(string(c.Pupil.YearGroup)), flagLabels(c.Pupil), {Text: c.Kind.Label(), Value: string(c.Kind)},
		reasonLabels(c), dateCell(c.Start), dateCell(c.End()), countCell(len(c.Extensions)),
		hours, full, countCell(held), dateCell(last), dateCell(c.Consent.Signed),
		statusCell(c, ref), outcomeCell(c),
	}
}

// outcomeCell is a closed plan's typed outcome; the note beside it stays
// in the school (it may name people).
func outcomeCell(c Case) Cell {
	if c.Outcome == NoOutcome {
		return Cell{}
	}
	return Cell{Text: c.Outcome.Label(), Value: string(c.Outcome)}
}

// reviewsHeld counts the reviews held on or before the date, and the
// latest; a struck-out review is not counted.
func reviewsHeld(c Case, on Date) (int, Date) {
	n, last := 0, Date{}
	for _, r := range c.Reviews {
		if r.Counts() && !r.Held.IsZero() && !r.Held.After(on) {
			n++
			last = MaxDate(last, r.Held)
		}
	}
	return n, last
}

// statusCell says whether the plan runs or closed, and flags one left
// running past its planned end: that is what the LA most needs to see.
func statusCell(c Case, on Date) Cell {
	cell := Cell{Text: string(c.Status)}
	if c.Status == Active && !c.End().IsZero() && on.After(c.End()) {
		cell.Text = "active, past its planned end"
		cell.Value = string(c.Status)
	}
	return cell
}

// laNilReturn says in so many words that nobody was on a reduced timetable:
// a blank return could be a lost one.
func laNilReturn(d reportData) Report {
	statement := fmt.Sprintf("Nil return: no pupils on a reduced timetable %s.", periodPhrase(d.From, d.To))
	school := textCell(d.School.Name)
	if school.Text == "" {
		school.Text = "(not set: enter the school's name in Settings)"
	}
	row := []Cell{school, textCell(d.School.URN), dateCell(d.From), dateCell(d.To),
		countCell(0), {Text: "Nil return"}}
	return Report{
		Notes: []string{statement},
		Sections: []Section{{Title: "Nil return", Columns: []Column{{Head: "School"}, {Head: "URN"},
			{Head: "From", Date: true}, {Head: "To", Date: true},
			{Head: "Pupils on a reduced timetable", Number: true}, {Head: "Return"}}, Rows: [][]Cell{row}}},
	}
}
