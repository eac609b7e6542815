package model

import (
	"fmt"
	"slices"
)

// Pack is a set of rules from one protocol. National is always on.
type Pack string

const (
	National       Pack = "national"
	Oxfordshire    Pack = "oxfordshire"
	Worcestershire Pack = "worcestershire"
	BWMAT          Pack = "bwmat"
	Havering       Pack = "havering"
	Hillingdon     Pack = "hillingdon"
)

// AllPacks lists every pack in catalogue order.
var AllPacks = []Pack{National, Oxfordshire, Worcestershire, BWMAT, Havering, Hillingdon}

// ParsePack checks a pack name.
func ParsePack(s string) (Pack, error) {
	if slices.Contains(AllPacks, Pack(s)) {
		return Pack(s), nil
	}
	return "", fmt.Errorf("%q is not a pack: use national, oxfordshire, worcestershire, bwmat, havering or hillingdon", s)
}

// Params are the rules' editable numbers. The defaults are the documents' own.
type Params struct {
	MaxWeeks             int     // duration.limit: 6 weeks in every seed (000; 001; 002 s5.10)
	ReviewEveryDays      int     // reviews.scheduled: fortnightly (001; 002 appendix 1)
	ReviewDueSoonDays    int     // reviews.scheduled: "due" this many days ahead
	LANotifyDays         int     // notify.la: days after the start; 0 means by the start date
	OxonLACopyDays       int     // oxon.la-copy-2-days: within 2 days of agreement (000)
	FairAccessSchoolDays int     // fair-access.20-school-days (School Admissions Code 2021)
	FinalReviewWeeks     int     // worcs.final-review-6-weeks (001)
	ThresholdHours       float64 // a flat full-time threshold some LAs use; 0 means LGSCO by year group
}

// DefaultParams are the catalogue's defaults.
func DefaultParams() Params {
	return Params{MaxWeeks: 6, ReviewEveryDays: 14, ReviewDueSoonDays: 3, LANotifyDays: 0,
		OxonLACopyDays: 2, FairAccessSchoolDays: 20, FinalReviewWeeks: 6}
}

// Packs says which packs are on and with which parameters.
type Packs struct {
	On     []Pack // national is on whether listed or not
	Params Params
}

// DefaultPacks is national only, with the default parameters.
func DefaultPacks() Packs { return Packs{On: []Pack{National}, Params: DefaultParams()} }

// Enabled reports whether the pack is on.
func (p Packs) Enabled(pack Pack) bool { return pack == National || slices.Contains(p.On, pack) }

// Status is what a rule found.
type Status string

const (
	Met           Status = "met"
	Unmet         Status = "unmet"
	Due           Status = "due"
	Overdue       Status = "overdue"
	NotApplicable Status = "n/a"
)

// Severity is how much an unmet rule matters.
type Severity string

const (
	Blocker Severity = "blocker"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Finding is one rule's verdict on one case.
type Finding struct {
	Rule     string
	Pack     Pack
	Status   Status
	Severity Severity
	Due      Date // the deadline, for dated duties
	Message  string
	Source   string
}

// Outstanding reports whether the finding still asks for something.
func (f Finding) Outstanding() bool {
	return f.Status == Unmet || f.Status == Due || f.Status == Overdue
}

// Blocks reports whether the plan must not run like this: a blocker that is not met.
func (f Finding) Blocks() bool { return f.Severity == Blocker && f.Outstanding() }

// FindingGroup is where a finding is read among the others, in the order
// people read them: what stops the plan first, then what is late, what is
// coming, what is missing, then the rest.
type FindingGroup int

const (
	GroupBlocker FindingGroup = iota
	GroupOverdue
	GroupDue
	GroupUnmet
	GroupMet
	GroupNotApplicable
)

// Group is the finding's group.
func (f Finding) Group() FindingGroup {
	switch {
	case f.Blocks():
		return GroupBlocker
	case f.Status == Overdue:
		return GroupOverdue
	case f.Status == Due:
		return GroupDue
	case f.Status == Unmet:
		return GroupUnmet
	case f.Status == Met:
		return GroupMet
	}
	return GroupNotApplicable
}

// Rule is one entry of the catalogue (RULES.md).
type Rule struct {
	ID       string
	Pack     Pack
	Severity Severity
	Source   string
	check    func(*facts) verdict
}

// verdict is what a rule's check decides; severity overrides the catalogue's
// only where the catalogue gives a rule two (reviews.scheduled).
type verdict struct {
	status   Status
	due      Date
	message  string
	severity Severity
}

func met(format string, a ...any) verdict {
	return verdict{status: Met, message: fmt.Sprintf(format, a...)}
}
func unmet(format string, a ...any) verdict {
	return verdict{status: Unmet, message: fmt.Sprintf(format, a...)}
}
func notApplicable(format string, a ...any) verdict {
	return verdict{status: NotApplicable, message: fmt.Sprintf(format, a...)}
}

// duty decides a dated duty with deadline D (RULES.md, "How a status is
// decided"): done on or before D is met; not done and on <= D is due; not
// done and on > D is overdue; done after D is unmet, saying how late. what
// names the duty for the message.
func duty(what string, deadline, done, on Date) verdict {
	switch {
	case !done.IsZero() && !done.After(deadline):
		return verdict{status: Met, due: deadline, message: fmt.Sprintf("%s on %s", what, done.UK())}
	case !done.IsZero():
		late := deadline.DaysUntil(done)
		return verdict{status: Unmet, due: deadline, message: fmt.Sprintf("%s on %s, %s late (due by %s)", what, done.UK(), days(late), deadline.UK())}
	case !on.After(deadline):
		return verdict{status: Due, due: deadline, message: fmt.Sprintf("%s: due by %s", what, deadline.UK())}
	}
	return verdict{status: Overdue, due: deadline, message: fmt.Sprintf("%s: overdue since %s", what, deadline.UK())}
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// whenDue says how far off a due date is, in words: "today", "tomorrow",
// "in 3 days".
func whenDue(away int) string {
	switch away {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return "in " + days(away)
}

// facts are what every rule may look at, worked out once per Check.
type facts struct {
	c       Case
	history []PastCase
	cal     *Calendar
	params  Params
	on      Date
	weeks   []WeekHours // the planned weeks, in date order
}

// Catalogue is every rule, in catalogue order (RULES.md).
func Catalogue() []Rule {
	return slices.Concat(nationalRules, oxfordshireRules, worcestershireRules,
		bwmatRules, haveringRules, hillingdonRules)
}

// Check runs every rule of the packs that are on against the case, as of the
// date. It is pure: no clock, no I/O. One finding per rule, n/a included,
// in catalogue order.
func Check(c Case, history []PastCase, cal *Calendar, packs Packs, on Date) []Finding {
	c.Reviews = c.CountedReviews() // a struck-out review counts for no rule
	f := &facts{c: c, history: history, cal: cal, params: packs.Params, on: on,
		weeks: PlannedWeeks(c, cal, packs.Params)}
	var findings []Finding
	for _, r := range Catalogue() {
		if !packs.Enabled(r.Pack) {
			continue
		}
		v := r.check(f)
		sev := r.Severity
		if v.severity != "" {
			sev = v.severity
		}
		findings = append(findings, Finding{Rule: r.ID, Pack: r.Pack, Status: v.status,
			Severity: sev, Due: v.due, Message: v.message, Source: r.Source})
	}
	return findings
}

// PlannedWeeks works out the hours of every planned week, in date order,
// against the pupil's threshold (or the pack's flat one).
func PlannedWeeks(c Case, cal *Calendar, params Params) []WeekHours {
	weeks := SortedWeeks(c.Timetable)
	out := make([]WeekHours, len(weeks))
	for i, w := range weeks {
		out[i] = PlannedWeek(w, c.Pupil, c.Dates(), cal, params)
	}
	return out
}

// PlannedWeek is one planned week's hours, over the plan's days, against
// the pupil's full-time week: the LGSCO hours for the year group, or the
// pack's flat threshold when one is set.
func PlannedWeek(w Week, p Pupil, plan PlanDates, cal *Calendar, params Params) WeekHours {
	full, ok := p.YearGroup.FullTimeHours()
	if ok && params.ThresholdHours > 0 {
		full = params.ThresholdHours
	}
	return w.Hours(cal, plan, full, ok)
}

// BelowFullTime reports whether any planned week falls short of its threshold.
func (f *facts) belowFullTime() bool {
	for _, w := range f.weeks {
		if w.HasThreshold && !w.FullTime {
			return true
		}
	}
	return false
}
