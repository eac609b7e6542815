package model

import (
	"fmt"
	"math"
	"slices"
)

// The governors' summary (`report governors`): "The Local Governing
// Committee should be informed of any reduced timetables and make
// arrangements for monitoring the use of these" (002 s5.11). Counts,
// lengths, the share longer than six weeks, SEND and EHCP, outcomes,
// repeats and reasons, and two weekly charts: plans running, and hours in
// education against full time. No pupil is named unless Names is set.
//
// Every plan that runs in the period counts, whatever its kind: governors
// oversee reintegrations as well as reduced timetables. A plan's length is
// the school weeks (weeks with at least one school day) from its start to
// its closure, or to its planned end with extensions while it runs; it is
// longer than six weeks when that is more than max_weeks (default 6).

// planFacts is what the summaries count about one plan.
type planFacts struct {
	p               plan
	weeks           int // length in school weeks
	over            bool
	repeat          bool // the pupil had an earlier plan
	repeatBehaviour bool // ... and both were reduced timetables for behaviour
	outcome         string
}

func gatherFacts(d reportData) []planFacts {
	limit := positive(d.School.Packs.Params.MaxWeeks, DefaultParams().MaxWeeks)
	earlier := d.earlierPlans()
	out := make([]planFacts, len(d.plans))
	for i, p := range d.plans {
		end := p.c.End()
		if p.c.Status == Closed || end.IsZero() {
			end = p.last
		}
		f := planFacts{p: p, weeks: schoolWeeks(d.cal, p.first, end), outcome: outcomeClass(p.c)}
		f.over = f.weeks > limit
		f.repeat, f.repeatBehaviour = repeats(p.c, earlier[planPupilKey(p.c.Pupil)])
		out[i] = f
	}
	return out
}

// schoolWeeks counts the weeks from first to last with a school day between them.
func schoolWeeks(cal *Calendar, first, last Date) int {
	n := 0
	for mon := first.Monday(); !mon.After(last); mon = mon.AddDays(7) {
		if cal.SchoolDaysBetween(MaxDate(mon, first), MinDate(mon.AddDays(4), last)) > 0 {
			n++
		}
	}
	return n
}

// earlierPlans gathers every pupil's plans, from the history given and
// from the cases themselves (drafts aside), by pupil.
func (d reportData) earlierPlans() map[string][]PastCase {
	out := make(map[string][]PastCase)
	for id, past := range d.History {
		key := planPupilKey(Pupil{ID: id})
		out[key] = append(out[key], past...)
	}
	for _, c := range d.Cases {
		if c.Status != Draft {
			key := planPupilKey(c.Pupil)
			out[key] = append(out[key], PastCase{Kind: c.Kind, Reasons: c.Reasons, Start: c.Start, Closed: c.Closed})
		}
	}
	return out
}

// planPupilKey tells pupils apart: by ID once stored, else by name and date of birth.
func planPupilKey(p Pupil) string {
	if p.ID != 0 {
		return fmt.Sprint(p.ID)
	}
	return CleanName(p.Name) + "|" + p.DateOfBirth.String()
}

// repeats: any earlier plan makes a repeat; an earlier reduced timetable
// for behaviour before one for behaviour is the repeat 002 s5.10 warns of
// (the rule repeat.behaviour).
func repeats(c Case, plans []PastCase) (repeat, behaviour bool) {
	for _, e := range plans {
		if e.Start.IsZero() || !e.Start.Before(c.Start) {
			continue
		}
		repeat = true
		if e.Kind == ReducedTimetable && slices.Contains(e.Reasons, Behaviour) && c.HasReason(Behaviour) {
			behaviour = true
		}
	}
	return repeat, behaviour
}

// outcomeClass is the closed plan's typed outcome as a summary counts it
// (Outcome.Label); the note beside it may name people, so it is never
// read or shown here.
func outcomeClass(c Case) string {
	if c.Status != Closed {
		return ""
	}
	return c.Outcome.Label()
}

var outcomeClasses = []string{Successful.Label(), Unsuccessful.Label(), MovedProvision.Label(),
	OtherOutcome.Label(), NoOutcome.Label()}

// figures formats counts and shares: governors see them all; the trust
// sees small counts suppressed (report_trust.go).
type figures struct {
	count func(n int) Cell
	share func(n, of int) Cell
	// weeks formats a median or mean of n plans' lengths.
	weeks func(v float64, n int) Cell
}

var plainFigures = figures{count: countCell, share: shareCell,
	weeks: func(v float64, n int) Cell { return weeksCell(v, n) }}

func shareCell(n, of int) Cell {
	if of == 0 {
		return Cell{}
	}
	return Cell{Text: fmt.Sprintf("%d%%", int(math.Round(100*float64(n)/float64(of))))}
}

func weeksCell(v float64, n int) Cell {
	if n == 0 {
		return Cell{}
	}
	return Cell{Text: FormatHours(math.Round(v*10) / 10)}
}

var summaryColumns = []Column{{Head: "Measure"}, {Head: "Plans", Number: true}, {Head: "Share of plans", Number: true}}

// summaryRows are the headline figures both summaries share.
func summaryRows(d reportData, facts []planFacts, f figures) [][]Cell {
	total := len(facts)
	n := func(keep func(planFacts) bool) int {
		k := 0
		for _, pf := range facts {
			if keep(pf) {
				k++
			}
		}
		return k
	}
	row := func(label string, k int) []Cell { return []Cell{{Text: label}, f.count(k), f.share(k, total)} }
	end := MinDate(d.To, d.On)
	lengths := make([]float64, total)
	for i, pf := range facts {
		lengths[i] = float64(pf.weeks)
	}
	rows := [][]Cell{{{Text: "Plans running in the period"}, f.count(total), {}}}
	for _, k := range Kinds {
		rows = append(rows, row("  "+k.Label(), n(func(pf planFacts) bool { return pf.p.c.Kind == k })))
	}
	return append(rows,
		row("Started in the period", n(func(pf planFacts) bool { return !pf.p.first.Before(d.From) })),
		row("Closed in the period", n(func(pf planFacts) bool { return pf.p.c.Status == Closed && !pf.p.last.After(d.To) })),
		row("Still running on "+end.UK(), n(func(pf planFacts) bool { return !pf.p.last.Before(end) })),
		[]Cell{{Text: "Median length (school weeks)"}, f.weeks(median(lengths), total), {}},
		[]Cell{{Text: "Mean length (school weeks)"}, f.weeks(mean(lengths), total), {}},
		row("Longer than six weeks", n(func(pf planFacts) bool { return pf.over })),
		row("Extended", n(func(pf planFacts) bool { return len(pf.p.c.Extensions) > 0 })),
		row("Pupil with SEND (SEN support or EHCP)", n(func(pf planFacts) bool { return pf.p.c.Pupil.Has(SENSupport, EHCP) })),
		row("Pupil with an EHCP", n(func(pf planFacts) bool { return pf.p.c.Pupil.Has(EHCP) })),
		row("Looked after or previously looked after", n(func(pf planFacts) bool { return pf.p.c.Pupil.Has(LookedAfter, PreviouslyLookedAfter) })),
		row("Child Protection or Child in Need plan", n(func(pf planFacts) bool { return pf.p.c.Pupil.Has(ChildProtection, ChildInNeed) })),
		row("Repeat: the pupil had an earlier plan", n(func(pf planFacts) bool { return pf.repeat })),
		row("Repeat reduced timetable for behaviour", n(func(pf planFacts) bool { return pf.repeatBehaviour })),
	)
}

// reasonRows count plans by reason; a plan with two reasons counts twice.
func reasonRows(facts []planFacts, f figures) [][]Cell {
	var rows [][]Cell
	for _, r := range Reasons {
		var lengths []float64
		over := 0
		for _, pf := range facts {
			if pf.p.c.HasReason(r) {
				lengths = append(lengths, float64(pf.weeks))
				if pf.over {
					over++
				}
			}
		}
		rows = append(rows, []Cell{{Text: r.Label()}, f.count(len(lengths)), f.weeks(median(lengths), len(lengths)), f.count(over)})
	}
	return rows
}

// outcomeRows count the plans closed in the period by outcome.
func outcomeRows(facts []planFacts, f figures) ([][]Cell, int) {
	counts, closed := map[string]int{}, 0
	for _, pf := range facts {
		if pf.outcome != "" {
			counts[pf.outcome]++
			closed++
		}
	}
	var rows [][]Cell
	for _, o := range outcomeClasses {
		rows = append(rows, []Cell{{Text: o}, f.count(counts[o]), f.share(counts[o], closed)})
	}
	return rows, closed
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}

func buildGovernors(d reportData) Report {
	facts := gatherFacts(d)
	outcomes, closed := outcomeRows(facts, plainFigures)
	sections := []Section{
		{Title: "Summary", Columns: summaryColumns, Rows: summaryRows(d, facts, plainFigures)},
		{Title: "Outcomes of the plans closed in the period", Columns: []Column{{Head: "Outcome"},
			{Head: "Plans", Number: true}, {Head: "Share of closed plans", Number: true}}, Rows: outcomes},
		{Title: "By reason", Columns: reasonColumns, Rows: reasonRows(facts, plainFigures),
			Notes: []string{"A plan with more than one reason counts under each."}},
		weeklySection(d),
	}
	if d.Names {
		sections = append(sections, namedPlans(facts))
	}
	names := "Pupils are not named."
	if d.Names {
		names = "Pupils are named: keep this copy confidential."
	}
	return Report{
		Notes: []string{
			"For the Local Governing Committee (002 s5.11: \"The Local Governing Committee should be informed of any reduced " +
				"timetables and make arrangements for monitoring the use of these\"). " + names,
			fmt.Sprintf("%d %s ran %s, %d closed in it. Length is counted in school weeks from the start to the closure, or to "+
				"the planned end (with extensions) while a plan runs.", len(facts), plural(len(facts), "plan", "plans"),
				periodPhrase(d.From, d.To), closed),
		},
		Sections: sections,
	}
}

var reasonColumns = []Column{{Head: "Reason"}, {Head: "Plans", Number: true},
	{Head: "Median length (school weeks)", Number: true}, {Head: "Longer than six weeks", Number: true}}

func namedPlans(facts []planFacts) Section {
	s := Section{Title: "Plans", Columns: []Column{{Head: "Pupil"}, {Head: "Year"}, {Head: "Kind"}, {Head: "Reasons"},
		{Head: "Start", Date: true}, {Head: "Planned end", Date: true}, {Head: "Length (school weeks)", Number: true},
		{Head: "Status"}, {Head: "Outcome"}}, Empty: "No plans ran in the period."}
	for _, pf := range facts {
		c := pf.p.c
		s.Rows = append(s.Rows, []Cell{textCell(c.Pupil.Name), textCell(string(c.Pupil.YearGroup)),
			{Text: c.Kind.Label(), Value: string(c.Kind)}, reasonLabels(c), dateCell(c.Start), dateCell(c.End()),
			countCell(pf.weeks), {Text: string(c.Status)}, {Text: pf.outcome}})
	}
	return s
}

// weekSum is one school week of the weekly section.
type weekSum struct {
	monday                    Date
	running, planned          int
	hours, threshold, percent float64
}

// weeklySection is each school week of the period: the plans running, and
// the mean planned hours in education against full time, over the plans
// with a planned week and a threshold that week (nursery and post-16
// pupils have none).
func weeklySection(d reportData) Section {
	sums := weekSums(d)
	s := Section{Title: "Week by week", Columns: []Column{{Head: "Week beginning", Date: true},
		{Head: "Plans running", Number: true}, {Head: "Mean hours in education", Number: true},
		{Head: "Mean full time (h)", Number: true}, {Head: "Mean % of full time", Number: true}},
		Empty: "No school weeks in the period."}
	running := Chart{Title: "Plans running each week", Unit: "plans"}
	hours := Chart{Title: "Hours in education against full time: mean % of full time each week", Unit: "%",
		Mark: 100, MarkLabel: "full time"}
	for _, w := range sums {
		row := []Cell{dateCell(w.monday), countCell(w.running), {}, {}, {}}
		pct := 0.0
		if w.planned > 0 {
			n := float64(w.planned)
			pct = w.percent / n
			row[2], row[3], row[4] = hoursCell(round2(w.hours/n)), hoursCell(round2(w.threshold/n)), Cell{Text: fmt.Sprintf("%.0f%%", pct)}
		}
		s.Rows = append(s.Rows, row)
		running.Bars = append(running.Bars, Bar{Label: w.monday.UK(), Value: float64(w.running)})
		hours.Bars = append(hours.Bars, Bar{Label: w.monday.UK(), Value: pct})
	}
	if len(sums) > 0 {
		s.Charts = []Chart{running, hours}
	}
	if d.On.Before(d.To) {
		s.Notes = append(s.Notes, fmt.Sprintf("Weeks after %s are as planned: plans may yet step up, be extended or close.", d.On.UK()))
	}
	return s
}

func weekSums(d reportData) []weekSum {
	var sums []weekSum
	index := map[Date]int{}
	for mon := d.From.Monday(); !mon.After(d.To); mon = mon.AddDays(7) {
		if d.cal.SchoolDaysBetween(MaxDate(mon, d.From), MinDate(mon.AddDays(4), d.To)) > 0 {
			index[mon] = len(sums)
			sums = append(sums, weekSum{monday: mon})
		}
	}
	for _, p := range d.plans {
		for mon := p.first.Monday(); !mon.After(p.last); mon = mon.AddDays(7) {
			if i, ok := index[mon]; ok {
				sums[i].running++
			}
		}
		for _, w := range p.weeks {
			i, ok := index[w.WeekBeginning]
			if !ok || !w.HasThreshold || w.SchoolDays == 0 || w.WeekBeginning.After(p.last) || w.WeekBeginning.AddDays(4).Before(p.first) {
				continue
			}
			sums[i].planned++
			sums[i].hours += w.HoursInEducation
			sums[i].threshold += w.ThresholdHours
			sums[i].percent += w.PercentOfFullTime
		}
	}
	return sums
}
