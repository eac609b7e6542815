package model

import (
	"fmt"
	"strings"
)

// The Oxfordshire half-termly list (`report social-care`, 000): "The names
// of pupils on a Reintegration Timetable are passed from Education to
// Social Care, the Youth Justice Team Operational Group and the Early Help
// and Prevention Team once per half term." Each row says whether the names
// already went to each of the three in the period, by the notifications
// oxon.half-termly-share reads, so the list doubles as a checklist.

var socialCareColumns = []Column{
	{Head: "Pupil"}, {Head: "Date of birth", Date: true}, {Head: "UPN"}, {Head: "Year"},
	{Head: "Flags"}, {Head: "Start", Date: true}, {Head: "Planned end", Date: true},
	{Head: "Status"}, {Head: "Professionals"}, {Head: "Named person"},
	{Head: "Shared with Social Care", Date: true}, {Head: "Shared with Youth Justice", Date: true},
	{Head: "Shared with Early Help", Date: true},
}

func buildSocialCare(d reportData) Report {
	plans := d.reducedPlans()
	s := Section{Title: "Pupils on a reduced timetable", Columns: socialCareColumns,
		Empty: fmt.Sprintf("No pupils on a reduced timetable %s: there are no names to share this half term.", periodPhrase(d.From, d.To))}
	ref := MinDate(d.On, d.To)
	for _, p := range plans {
		c := p.c
		row := []Cell{textCell(c.Pupil.Name), dateCell(c.Pupil.DateOfBirth), textCell(c.Pupil.UPN),
			textCell(string(c.Pupil.YearGroup)), flagLabels(c.Pupil), dateCell(c.Start), dateCell(c.End()),
			statusCell(c, ref), textCell(professionals(c)), textCell(c.NamedPerson)}
		for _, t := range oxonShareTargets {
			row = append(row, sharedIn(c, t.to, d.From, d.To))
		}
		s.Rows = append(s.Rows, row)
	}
	return Report{
		Notes: []string{
			"000: \"The names of pupils on a Reintegration Timetable are passed from Education to Social Care, the Youth Justice " +
				"Team Operational Group and the Early Help and Prevention Team once per half term. The fact that they are on a " +
				"reintegration timetable and a copy of the school's individual pupil plan is shared at that point with the Social " +
				"Worker and their team leaders.\"",
			fmt.Sprintf("%d %s on a reduced timetable %s. Record each share as a notification to Social Care, Youth Justice and "+
				"Early Help dated in the half term (rule oxon.half-termly-share).", len(plans), plural(len(plans), "pupil was", "pupils were"),
				periodPhrase(d.From, d.To)),
		},
		Sections: []Section{s},
	}
}

// sharedIn is the first notification to the role dated in the period, or "not yet".
func sharedIn(c Case, to Role, from, until Date) Cell {
	var first Date
	for _, n := range c.Notifications {
		if n.To == to && !n.Sent.IsZero() && !n.Sent.Before(from) && !n.Sent.After(until) {
			first = MinDate(first, n.Sent)
		}
	}
	if first.IsZero() {
		return Cell{Text: "not yet"}
	}
	return dateCell(first)
}

// professionals names the professionals working with the pupil, by role.
func professionals(c Case) string {
	var out []string
	for _, in := range c.Involvement {
		switch in.Role {
		case SocialWorker, EarlyHelpRole, YouthJusticeRole, VirtualSchool, SENDTeam:
			if name := CleanName(in.Name); name != "" {
				out = append(out, fmt.Sprintf("%s: %s", in.Role.Label(), name))
			}
		}
	}
	return strings.Join(out, "; ")
}
