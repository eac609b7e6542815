package model

import (
	"fmt"
	"slices"
)

// The trust's statistics (`report trust`, 002 s7): "The number of
// incidences of reduced timetables will be monitored by the Trust
// centrally, and the process of decision making (anonymised) will be
// audited from time to time." Safe to send: no names, dates of birth,
// UPNs, case numbers or free text (an outcome typed as a sentence may name
// someone, so outcomes are counted by kind only).
//
// Small counts are suppressed, as DfE and NHS statistics do: a count from
// 1 to 4 is shown as "<5" (0 is shown: it identifies nobody), and where a
// breakdown adds up to a total shown elsewhere and only one of its counts
// is hidden, the next smallest is shown as "x" too, so the hidden one
// cannot be worked out by subtraction. Shares and medians of fewer than 5
// plans are "x". The threshold is trustSuppressBelow.

const trustSuppressBelow = 5

const (
	suppressedCount = "<5"
	withheld        = "x"
)

var trustFigures = figures{
	count: func(n int) Cell {
		if n > 0 && n < trustSuppressBelow {
			return Cell{Text: suppressedCount}
		}
		return countCell(n)
	},
	share: func(n, of int) Cell {
		if of == 0 || (n > 0 && n < trustSuppressBelow) || of < trustSuppressBelow {
			return Cell{Text: withheld}
		}
		return shareCell(n, of)
	},
	weeks: func(v float64, n int) Cell {
		if n < trustSuppressBelow {
			return Cell{Text: withheld}
		}
		return weeksCell(v, n)
	},
}

func buildTrust(d reportData) Report {
	facts := gatherFacts(d)
	summary := summaryRows(d, facts, trustFigures)
	hideSecond(summary[1:1+len(Kinds)], kindCounts(facts))
	outcomes, closed := outcomeRows(facts, trustFigures)
	hideSecond(outcomes, outcomeCounts(facts))
	stages, stageCounts := keyStageRows(facts)
	hideSecond(stages, stageCounts)
	return Report{
		Notes: []string{
			"Anonymised statistics for the trust (002 s7: \"The number of incidences of reduced timetables will be monitored " +
				"by the Trust centrally, and the process of decision making (anonymised) will be audited from time to time\"). " +
				"No names, dates of birth, UPNs or free text.",
			fmt.Sprintf("Counts from 1 to %d are shown as %s; where a breakdown would let a hidden count be worked out from "+
				"its total, the next smallest is shown as %s too. Shares and medians of fewer than %d plans are shown as %s.",
				trustSuppressBelow-1, suppressedCount, withheld, trustSuppressBelow, withheld),
		},
		Sections: []Section{
			{Title: "Summary", Columns: summaryColumns, Rows: summary},
			{Title: "By key stage", Columns: []Column{{Head: "Key stage"}, {Head: "Plans", Number: true},
				{Head: "Share of plans", Number: true}}, Rows: stages},
			{Title: "By reason", Columns: reasonColumns, Rows: reasonRows(facts, trustFigures),
				Notes: []string{"A plan with more than one reason counts under each."}},
			{Title: "Outcomes of the plans closed in the period", Columns: []Column{{Head: "Outcome"},
				{Head: "Plans", Number: true}, {Head: "Share of closed plans", Number: true}}, Rows: outcomes,
				Notes: []string{fmt.Sprintf("Plans closed in the period: %s.", trustFigures.count(closed).Text)}},
			dutiesSection(d, facts),
		},
	}
}

// hideSecond is the secondary suppression for a breakdown whose rows hold
// its counts in column 1 and their shares in column 2.
func hideSecond(rows [][]Cell, counts []int) {
	withholdSecond(counts, func(i int) { rows[i][1], rows[i][2] = Cell{Text: withheld}, Cell{Text: withheld} })
}

// withholdSecond: of counts that add up to a total shown elsewhere, when
// exactly one is hidden (1 to 4), the smallest still shown (5 or more) is
// withheld too.
func withholdSecond(counts []int, withhold func(i int)) {
	hidden, next := 0, -1
	for i, n := range counts {
		switch {
		case n > 0 && n < trustSuppressBelow:
			hidden++
		case n >= trustSuppressBelow && (next < 0 || n < counts[next]):
			next = i
		}
	}
	if hidden == 1 && next >= 0 {
		withhold(next)
	}
}

func kindCounts(facts []planFacts) []int {
	counts := make([]int, len(Kinds))
	for _, pf := range facts {
		if i := slices.Index(Kinds, pf.p.c.Kind); i >= 0 {
			counts[i]++
		}
	}
	return counts
}

func outcomeCounts(facts []planFacts) []int {
	counts := make([]int, len(outcomeClasses))
	for _, pf := range facts {
		if i := slices.Index(outcomeClasses, pf.outcome); i >= 0 {
			counts[i]++
		}
	}
	return counts
}

// keyStage groups year groups: single year groups are too fine to share.
type keyStage struct {
	name  string
	years []YearGroup
}

var keyStages = []keyStage{
	{"Early years (nursery, Reception)", []YearGroup{"N1", "N2", "R"}},
	{"Key stage 1 (Y1-Y2)", []YearGroup{"Y1", "Y2"}},
	{"Key stage 2 (Y3-Y6)", []YearGroup{"Y3", "Y4", "Y5", "Y6"}},
	{"Key stage 3 (Y7-Y9)", []YearGroup{"Y7", "Y8", "Y9"}},
	{"Key stage 4 (Y10-Y11)", []YearGroup{"Y10", "Y11"}},
	{"Post-16 (Y12-Y13)", []YearGroup{"Y12", "Y13"}},
	{"Year group not recorded", nil},
}

// keyStageRows count plans by key stage.
func keyStageRows(facts []planFacts) ([][]Cell, []int) {
	counts := make([]int, len(keyStages))
	for _, pf := range facts {
		i := slices.IndexFunc(keyStages, func(ks keyStage) bool { return slices.Contains(ks.years, pf.p.c.Pupil.YearGroup) })
		if i < 0 {
			i = len(keyStages) - 1
		}
		counts[i]++
	}
	rows := make([][]Cell, len(keyStages))
	for i, ks := range keyStages {
		rows[i] = []Cell{{Text: ks.name}, trustFigures.count(counts[i]), trustFigures.share(counts[i], len(facts))}
	}
	return rows, counts
}

// reminderRules never turn green while they apply: counting them as "not
// met" would say nothing about how decisions were made.
var reminderRules = []string{"reason.not-behaviour", "reason.send-discrimination", "repeat.behaviour",
	"suspension.no-condition", "havering.no-direction-first-term"}

// dutiesSection audits the decision making (002 s7): for each rule of the
// packs that are on, how many plans it applied to and how many met it, as
// of the as-of date, counted by the same rules `check` runs.
func dutiesSection(d reportData, facts []planFacts) Section {
	type tally struct{ applies, met, due, notMet int }
	var order []string
	tallies := map[string]*tally{}
	for _, pf := range facts {
		for _, f := range Check(pf.p.c, d.History[pf.p.c.Pupil.ID], d.cal, d.School.Packs, d.On) {
			if f.Status == NotApplicable || slices.Contains(reminderRules, f.Rule) {
				continue
			}
			t, ok := tallies[f.Rule]
			if !ok {
				t = &tally{}
				tallies[f.Rule] = t
				order = append(order, f.Rule)
			}
			t.applies++
			switch f.Status {
			case Met:
				t.met++
			case Due:
				t.due++
			default:
				t.notMet++
			}
		}
	}
	s := Section{Title: "Duties met (decision making)", Columns: []Column{{Head: "Rule"}, {Head: "Plans it applies to", Number: true},
		{Head: "Met", Number: true}, {Head: "Due, not yet late", Number: true}, {Head: "Not met", Number: true}},
		Empty: "No rule applied to any plan in the period.",
		Notes: []string{"Rules as in RULES.md, checked as of " + d.On.UK() + "; reminders that are never met are left out."}}
	ids := catalogueOrder(order)
	for _, id := range ids {
		t := tallies[id]
		row := []Cell{{Text: id}, trustFigures.count(t.applies), trustFigures.count(t.met),
			trustFigures.count(t.due), trustFigures.count(t.notMet)}
		withholdSecond([]int{t.met, t.due, t.notMet}, func(i int) { row[2+i] = Cell{Text: withheld} })
		s.Rows = append(s.Rows, row)
	}
	return s
}

// catalogueOrder sorts rule IDs as the catalogue lists them.
func catalogueOrder(ids []string) []string {
	var out []string
	for _, r := range Catalogue() {
		if slices.Contains(ids, r.ID) {
			out = append(out, r.ID)
		}
	}
	return out
}
