package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The half-termly return (`report half-term`): what changed since the last
// one. The LA is told at the start, when hours change, at an extension and
// at closure (issue 6; 002 s7); this gathers those events for the period,
// so the LA's half-termly picture is complete even where a letter was not
// sent. A period with no changes says so in a row of its own.

// halfTermChange is one event in the period.
type halfTermChange struct {
	on     Date
	order  int    // the plan's place in the input, to keep pupils together on a day
	pupil  *Pupil // not the plan itself: sorting thousands of copies of it is slow
	change string
	detail string
}

var halfTermColumns = []Column{{Head: "Date", Date: true}, {Head: "Pupil"}, {Head: "UPN"},
	{Head: "Year"}, {Head: "Change"}, {Head: "Detail"}}

func buildHalfTerm(d reportData) Report {
	plans := d.reducedPlans()
	// A step up planned for next week has not happened yet: the return
	// reports what did, up to the as-of date.
	until := MinDate(d.To, d.On)
	var changes []halfTermChange
	for i, p := range plans {
		changes = append(changes, planChanges(p, i, d.From, until)...)
	}
	slices.SortStableFunc(changes, func(a, b halfTermChange) int {
		return cmp.Or(a.on.t.Compare(b.on.t), cmp.Compare(a.order, b.order))
	})
	s := Section{Title: "Changes", Columns: halfTermColumns}
	for _, ch := range changes {
		pupil := ch.pupil
		s.Rows = append(s.Rows, []Cell{dateCell(ch.on), textCell(pupil.Name), textCell(pupil.UPN),
			textCell(string(pupil.YearGroup)), {Text: ch.change}, {Text: ch.detail}})
	}
	running := 0
	for _, p := range plans {
		if !p.last.Before(until) {
			running++
		}
	}
	if len(changes) == 0 {
		s.Rows = [][]Cell{{{}, {}, {}, {}, {Text: "No changes"}, {Text: fmt.Sprintf(
			"no new plans, changes of hours, extensions or closures %s", periodPhrase(d.From, until))}}}
	}
	notes := []string{fmt.Sprintf("Changes to reduced timetables %s: %d %s on a reduced timetable in the period, "+
		"%d still on one on %s. Hours are planned hours in education a week; a short week is compared day for day.",
		periodPhrase(d.From, d.To), len(plans), plural(len(plans), "pupil was", "pupils were"), running, until.UK())}
	if until.Before(d.To) {
		notes = append(notes, fmt.Sprintf("Changes planned after %s are not listed: they have not happened yet.", until.UK()))
	}
	return Report{Notes: notes, Sections: []Section{s}}
}

// planChanges lists one plan's events in the period: its start, each week
// whose hours differ from the week before, each extension, its closure.
func planChanges(p plan, order int, from, to Date) []halfTermChange {
	c := p.c
	in := func(d Date) bool { return !d.IsZero() && !d.Before(from) && !d.After(to) }
	var out []halfTermChange
	add := func(on Date, change, detail string) {
		out = append(out, halfTermChange{on: on, order: order, pupil: &c.Pupil, change: change, detail: detail})
	}
	if in(c.Start) {
		add(c.Start, "New plan", newPlanDetail(p))
	}
	var prev WeekHours
	for _, w := range p.weeks {
		if w.SchoolDays == 0 || w.WeekBeginning.After(p.last) {
			continue
		}
		before, now := prev.MinutesSchool+prev.MinutesOffsite, w.MinutesSchool+w.MinutesOffsite
		weekIn := !w.WeekBeginning.AddDays(4).Before(from) && !w.WeekBeginning.After(to)
		if prev.SchoolDays > 0 && weekIn && now*prev.SchoolDays != before*w.SchoolDays {
			add(w.WeekBeginning, "Hours changed", fmt.Sprintf("%s a week, was %s", hoursOf(w), hoursOf(prev)))
		}
		prev = w
	}
	end := c.PlannedEnd
	for _, e := range c.Extensions {
		if when := firstSet(e.Agreed, end); in(when) {
			add(when, "Extended", extensionDetail(e, end))
		}
		end = MaxDate(end, e.NewEnd)
	}
	if c.Status == Closed && in(c.Closed) {
		outcome := "no outcome recorded"
		if c.Outcome != NoOutcome {
			outcome = "outcome: " + strings.ToLower(c.Outcome.Label())
		}
		add(c.Closed, "Closed", outcome)
	}
	return out
}

func newPlanDetail(p plan) string {
	c := p.c
	parts := []string{c.Kind.Label()}
	if r := reasonLabels(c).Text; r != "" {
		parts[0] += " (" + strings.ToLower(r) + ")"
	}
	if !c.PlannedEnd.IsZero() {
		parts = append(parts, "planned to end "+c.PlannedEnd.UK())
	}
	if w, ok := p.weekAsOf(c.Start); ok {
		parts = append(parts, "first week "+hoursOf(w))
	}
	return strings.Join(parts, "; ")
}

func extensionDetail(e Extension, oldEnd Date) string {
	s := "planned end moved"
	if !oldEnd.IsZero() {
		s += " from " + oldEnd.UK()
	}
	if !e.NewEnd.IsZero() {
		s += " to " + e.NewEnd.UK()
	}
	if r := CleanName(e.Reason); r != "" {
		s += ": " + r
	}
	if !e.ParentAgreed {
		s += " (no parental agreement recorded)"
	}
	return s
}

// hoursOf writes a week's hours in education against its threshold.
func hoursOf(w WeekHours) string {
	if !w.HasThreshold {
		return FormatHours(w.HoursInEducation) + " h"
	}
	return fmt.Sprintf("%s of %s h (%s%%)", FormatHours(w.HoursInEducation), FormatHours(w.ThresholdHours),
		FormatHours(float64(int(w.PercentOfFullTime+0.5))))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
