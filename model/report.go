package model

import (
	"fmt"
	"slices"
	"strings"
)

// Reports (issue 6): what the school sends out about its reduced timetables
// and reintegration plans. One entry point serves the command line
// (`reintegrate report NAME`) and the TUI's Reports screen:
//
//	r, err := model.BuildReport(model.ReportLA, model.ReportInput{
//		School: school, Cases: cases, History: history, On: on})
//	r.Text()             // the preview: aligned tables, charts in block characters
//	r.Markdown()         // the same as Markdown
//	r.CSV()              // spreadsheet-safe CSV (CSVWriter), dates YYYY-MM-DD
//	forms.ReportPDF(r, w) // the printable PDF
//
// ReportInput.Cases are the school's cases with their pupils filled in, in
// the order rows should follow (storage lists them by name, accents beside
// their letters); drafts are left out, since nothing runs until a plan is
// agreed. History holds each pupil's earlier plans by pupil ID (for
// repeats). The period is From to To; left zero it is DefaultReportPeriod.
// On is the as-of date: nothing here reads the clock.
//
// Human forms (Text, Markdown, PDF) show dates DD/MM/YYYY; the CSV gives
// them as YYYY-MM-DD and says so in the column headings, for example
// "Start (YYYY-MM-DD)". A report is a handful of sections, each a table
// and perhaps a chart, so every format is drawn from the same values.

// The reports, by the name the command line takes.
const (
	ReportLA         = "la"
	ReportHalfTerm   = "half-term"
	ReportGovernors  = "governors"
	ReportSocialCare = "social-care"
	ReportTrust      = "trust"
	ReportRegister   = "register"
)

// ReportNames lists every report in the order menus show them.
var ReportNames = []string{ReportLA, ReportHalfTerm, ReportGovernors, ReportSocialCare, ReportTrust, ReportRegister}

// reportKind is one report: its title, what it is for, how to build it,
// and whether it goes to the local authority (its notes then open "For
// <the school's LA>.").
type reportKind struct {
	title, summary string
	build          func(reportData) Report
	toLA           bool
}

var reportKinds = map[string]reportKind{
	ReportLA: {"Local authority return: pupils on a reduced timetable",
		"one row per pupil on a reduced timetable in the period, or an explicit nil return", buildLA, true},
	ReportHalfTerm: {"Half-termly return: changes since the last return",
		"new plans, changes of hours, extensions and closures in the period", buildHalfTerm, true},
	ReportGovernors: {"Reduced timetables: summary for governors",
		"counts, lengths, outcomes, repeats and reasons, with weekly charts; no names unless asked", buildGovernors, false},
	ReportSocialCare: {"Pupils on a reduced timetable: half-termly list for Social Care",
		"the names shared once per half term with Social Care, Youth Justice and Early Help (000)", buildSocialCare, false},
	ReportTrust: {"Reduced timetables: anonymised statistics for the trust",
		"counts for the trust (002 s7): no names, dates of birth or UPNs; small counts suppressed", buildTrust, false},
	ReportRegister: {"Register pattern: codes for each session",
		"pupil by date by am/pm, the code to enter in the MIS", buildRegister, false},
}

// ReportSummary says in a line what the named report is for ("" if unknown).
func ReportSummary(name string) string { return reportKinds[name].summary }

// ReportInput is what a report is built from.
type ReportInput struct {
	School   School
	Cases    []Case
	History  map[int64][]PastCase // each pupil's earlier plans, by pupil ID
	From, To Date                 // the period; zero means DefaultReportPeriod
	On       Date                 // the as-of date
	Names    bool                 // governors: list the pupils by name
}

// maxReportDays keeps a mistyped year ("2062") from asking for a register
// of twenty thousand days; two school years is the longest report anyone needs.
const maxReportDays = 731

// BuildReport builds the named report. Errors name the field and say what
// to type: an unknown report, a missing as-of date, a period that ends
// before it starts or runs longer than two years.
func BuildReport(name string, in ReportInput) (Report, error) {
	kind, ok := reportKinds[name]
	if !ok {
		return Report{}, fmt.Errorf("report %q is not one of ours: choose %s", name, listPhrase(quoted(ReportNames)))
	}
	from, to, err := in.Period()
	if err != nil {
		return Report{}, err
	}
	in.From, in.To = from, to
	r := kind.build(newReportData(in))
	r.Name, r.Title, r.From, r.To, r.On = name, kind.title, from, to, in.On
	r.School = schoolLine(in.School)
	if la := CleanName(in.School.LocalAuthority); la != "" && kind.toLA {
		r.Notes = append([]string{"For " + la + "."}, r.Notes...)
	}
	return r, nil
}

func quoted(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func schoolLine(s School) string {
	name := CleanName(s.Name)
	switch {
	case name == "":
		return ""
	case strings.TrimSpace(s.URN) != "":
		return fmt.Sprintf("%s (URN %s)", name, CleanName(s.URN))
	}
	return name
}

// Period is the period the report covers: From to To as given; with
// neither, DefaultReportPeriod; with only From, to the as-of date; with
// only To, the six weeks up to it. An error names the field and says
// what to type.
func (in ReportInput) Period() (from, to Date, err error) {
	if in.On.IsZero() {
		return from, to, fmt.Errorf("on: the as-of date is missing: give the date the report is made on")
	}
	from, to = in.From, in.To
	switch {
	case from.IsZero() && to.IsZero():
		from, to = DefaultReportPeriod(in.School, in.On)
	case to.IsZero():
		to = MaxDate(in.On, from)
	case from.IsZero():
		from = to.AddDays(-6*7 + 1)
	}
	if to.Before(from) {
		return from, to, fmt.Errorf("from %s is after to %s: give a from date on or before the to date", from.UK(), to.UK())
	}
	if days := from.DaysUntil(to) + 1; days > maxReportDays {
		return from, to, fmt.Errorf("from %s to %s is %d days: a report covers at most two years (%d days): give a later from date or an earlier to date",
			from.UK(), to.UK(), days, maxReportDays)
	}
	return from, to, nil
}

// DefaultReportPeriod is the period a report covers when none is given:
// the current half term, when the school calendar has holidays to find it
// by, from its first school day to its last (a return made in the holiday
// that follows covers the half term just ended, and a half term never
// seems to run into the holiday: an LA officer reading "02/11/2026 to
// 04/01/2027" would ask what happened at Christmas); otherwise the six
// weeks ending on the as-of date.
func DefaultReportPeriod(s School, on Date) (from, to Date) {
	if len(s.Closures) > 0 {
		cal := s.Calendar()
		p := halfTerms(cal, on, on)[0]
		from, to = p.first, p.last
		for from.Before(to) && !cal.IsSchoolDay(from) {
			from = from.AddDays(1)
		}
		for to.After(from) && !cal.IsSchoolDay(to) {
			to = to.AddDays(-1)
		}
		return from, to
	}
	return on.AddDays(-6*7 + 1), on
}

// Report is a report ready to show, save or print.
type Report struct {
	Name     string // la, half-term, governors, social-care, trust, register
	Title    string
	School   string // the school's name and URN
	From, To Date   // the period
	On       Date   // the as-of date
	Notes    []string
	Sections []Section
}

// Section is one table of a report, perhaps with charts of its figures.
type Section struct {
	Title   string
	Columns []Column
	Rows    [][]Cell
	Charts  []Chart
	Empty   string   // said instead of a table with no rows
	Notes   []string // under the table
}

// Column is a table heading. Date columns say their format in the CSV.
type Column struct {
	Head   string
	Date   bool // the cells are dates: DD/MM/YYYY shown, YYYY-MM-DD in the CSV
	Number bool // right-aligned
}

// CSVHead is the column's heading in the CSV.
func (c Column) CSVHead() string {
	if c.Date {
		return c.Head + " (YYYY-MM-DD)"
	}
	return c.Head
}

// Cell is one value: Text as people read it, Value as a machine does
// ("" means the same as Text).
type Cell struct {
	Text, Value string
}

// Machine is the cell's value for the CSV.
func (c Cell) Machine() string {
	if c.Value == "" {
		return c.Text
	}
	return c.Value
}

// Chart is a bar per week (or per anything) with an optional reference
// line, such as full time at 100%.
type Chart struct {
	Title     string
	Bars      []Bar
	Unit      string  // what the values count, for the axis
	Mark      float64 // the reference line; 0 for none
	MarkLabel string
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
}

// textCell is a cell of typed or imported text, made safe to show.
func textCell(s string) Cell { return Cell{Text: CleanName(s)} }

// dateCell shows a date DD/MM/YYYY and gives it YYYY-MM-DD to machines.
func dateCell(d Date) Cell { return Cell{Text: d.UK(), Value: d.String()} }

func countCell(n int) Cell { return Cell{Text: fmt.Sprint(n)} }

func hoursCell(h float64) Cell { return Cell{Text: FormatHours(h)} }

// reportData is the input with each case that runs in the period worked
// out once: when it runs and its planned weeks' hours.
type reportData struct {
	ReportInput
	cal   *Calendar
	plans []plan
}

// plan is a case that runs at some time in the period.
type plan struct {
	c           Case
	first, last Date        // when it runs
	weeks       []WeekHours // the planned weeks, in date order
}

func newReportData(in ReportInput) reportData {
	d := reportData{ReportInput: in, cal: in.School.Calendar()}
	for _, c := range in.Cases {
		first, last, ok := caseRuns(c, in.On)
		if ok && !first.After(in.To) && !last.Before(in.From) {
			d.plans = append(d.plans, plan{c: c, first: first, last: last,
				weeks: PlannedWeeks(c, d.cal, in.School.Packs.Params)})
		}
	}
	return d
}

// caseRuns is when a case runs: from its start to its closure, or, while
// it is active, to its planned end (moved by extensions) or the as-of date
// if that is later, since a plan left running past its end is still
// running. Drafts and plans with no start do not run.
func caseRuns(c Case, on Date) (first, last Date, ok bool) {
	if c.Status == Draft || c.Start.IsZero() {
		return Date{}, Date{}, false
	}
	switch {
	case c.Status == Closed:
		last = firstSet(c.Closed, c.End(), c.Start)
	case on.Before(c.Start):
		last = firstSet(c.End(), c.Start)
	default:
		last = MaxDate(c.End(), on)
	}
	return c.Start, MaxDate(last, c.Start), true
}

// reduced reports whether the plan is a reduced timetable in the period:
// a case of that kind, or any plan with a week in the period below full
// time (an AP or suspension reintegration can be part time too, and the
// local authority needs to know of every part-time timetable).
func (p plan) reduced(from, to Date) bool {
	if p.c.Kind == ReducedTimetable {
		return true
	}
	return slices.ContainsFunc(p.weeks, func(w WeekHours) bool {
		return w.HasThreshold && !w.FullTime && w.SchoolDays > 0 &&
			!w.WeekBeginning.AddDays(4).Before(from) && !w.WeekBeginning.After(to)
	})
}

// weekAsOf is the planned week that shows the plan's hours on the date: the
// last week with school days that begins on or before it, else the first.
func (p plan) weekAsOf(d Date) (WeekHours, bool) {
	var found WeekHours
	ok := false
	for _, w := range p.weeks {
		if w.SchoolDays == 0 {
			continue
		}
		if !ok || !w.WeekBeginning.After(d) {
			found, ok = w, true
		}
	}
	return found, ok
}

// reducedPlans are the plans on a reduced timetable in the period.
func (d reportData) reducedPlans() []plan {
	var out []plan
	for _, p := range d.plans {
		if p.reduced(d.From, d.To) {
			out = append(out, p)
		}
	}
	return out
}

// periodPhrase says which dates the report covers, as a sentence ends.
func periodPhrase(from, to Date) string {
	return fmt.Sprintf("between %s and %s", from.UK(), to.UK())
}

// flagLabels writes the pupil's flags for people, and as codes for machines.
func flagLabels(p Pupil) Cell {
	var labels, codes []string
	for _, f := range Flags {
		if p.Has(f) {
			labels = append(labels, f.Label())
			codes = append(codes, string(f))
		}
	}
	return Cell{Text: strings.Join(labels, "; "), Value: strings.Join(codes, ";")}
}

// reasonLabels writes the plan's reasons for people, and as codes for machines.
func reasonLabels(c Case) Cell {
	var labels, codes []string
	for _, r := range c.Reasons {
		labels = append(labels, r.Label())
		codes = append(codes, string(r))
	}
	return Cell{Text: strings.Join(labels, "; "), Value: strings.Join(codes, ";")}
}
