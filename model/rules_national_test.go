package model

import (
	"slices"
	"testing"
)

// natCatalogue is the national part of RULES.md's rule table, copied by
// hand: ID, severity and source, in catalogue order. It is the public
// contract the rule pack must match.
var natCatalogue = []struct {
	id       string
	severity Severity
	source   string
}{
	{"consent.parent", Blocker, "reg 11(6) 2024 Regs; WTIA 2024; 000; 002 s5.2-5.3"},
	{"consent.authorised-by", Warning, "reg 11(1) 2024 Regs"},
	{"end-date.set", Blocker, "WTIA 2024"},
	{"duration.limit", Warning, "000; 001 process 4; 002 s5.10"},
	{"extension.justified", Blocker, "002 s5.10; WTIA 2024"},
	{"timetable.covers-plan", Warning, "000; 002 appendix 1"},
	{"timetable.full-time-by-end", Warning, "000; 002 s5.7"},
	{"timetable.steps-up", Info, `000 ("planned progression"); 002 s5.7`},
	{"reviews.scheduled", Warning, "001 initial meeting; 002 appendix 1; WTIA 2024"},
	{"reviews.pupil-and-parent", Warning, "WTIA 2024; 001 process 6"},
	{"risk-assessment.before-start", Blocker, "000; 002 s5.6"},
	{"risk-assessment.significant-risk", Blocker, "002 s4"},
	{"professionals.social-worker", Blocker, "002 s5.4; WTIA 2024"},
	{"professionals.virtual-school", Blocker, "000; 002 s1, s7"},
	{"professionals.send-team", Blocker, "000; 002 s5.5; WTIA 2024"},
	{"professionals.youth-justice", Warning, "000; 002 s4"},
	{"professionals.early-help", Warning, "000; 002 s5.4"},
	{"reason.not-behaviour", Warning, "WTIA 2024"},
	{"reason.send-discrimination", Info, "002 s1"},
	{"repeat.behaviour", Warning, "002 s5.10"},
	{"work.home-learning", Warning, "002 s5.8"},
	{"notify.la", Warning, "000; 002 s7"},
	{"closure.copies", Warning, "002 s7"},
	{"fair-access.20-school-days", Warning, "School Admissions Code 2021; 001"},
	{"suspension.no-condition", Info, "DfE suspension guidance 2024"},
}

func TestNationalCatalogueMatchesRulesMd(t *testing.T) {
	if len(nationalRules) != len(natCatalogue) {
		t.Fatalf("national pack has %d rules, RULES.md has %d", len(nationalRules), len(natCatalogue))
	}
	for i, want := range natCatalogue {
		r := nationalRules[i]
		if r.ID != want.id || r.Pack != National || r.Severity != want.severity || r.Source != want.source {
			t.Errorf("rule %d = {%s %s %s %q}, want {%s national %s %q}", i+1, r.ID, r.Pack, r.Severity, r.Source,
				want.id, want.severity, want.source)
		}
		if r.check == nil {
			t.Errorf("rule %s has no check", r.ID)
		}
	}
}

// RULES.md "Findings": one finding per rule of the packs that are on, n/a
// included, in catalogue order.
func TestNationalCheckGivesOneFindingPerRuleInOrder(t *testing.T) {
	for _, packs := range []Packs{DefaultPacks(), {Params: DefaultParams()}} {
		findings := Check(natCase(), nil, natCal, packs, MustDate(natOn))
		if len(findings) != len(natCatalogue) {
			t.Fatalf("packs %v: %d findings, want %d", packs.On, len(findings), len(natCatalogue))
		}
		for i, f := range findings {
			want := natCatalogue[i]
			if f.Rule != want.id || f.Pack != National || f.Source != want.source {
				t.Errorf("finding %d is %s (%s, %q), want %s", i+1, f.Rule, f.Pack, f.Source, want.id)
			}
			if f.Message == "" {
				t.Errorf("%s: empty message", f.Rule)
			}
		}
	}
}

// The baseline fixture is a model plan: nothing in it is outstanding, so
// every other test case's finding comes from its one change.
func TestNatBaselineHasNothingOutstanding(t *testing.T) {
	for _, f := range Check(natCase(), nil, natCal, DefaultPacks(), MustDate(natOn)) {
		if f.Outstanding() {
			t.Errorf("%s is %s on the baseline: %s", f.Rule, f.Status, f.Message)
		}
	}
}

// Bad or empty input never panics, every finding explains itself, and the
// rules that apply to every case never say n/a.
func TestNatEmptyAndOddCasesDoNotPanic(t *testing.T) {
	everyCase := []string{"end-date.set", "timetable.covers-plan", "timetable.steps-up"}
	odd := []Case{
		{},
		{Kind: ReducedTimetable, Status: Active},
		{Kind: APReintegration, Status: Closed, Pupil: Pupil{Flags: Flags}},
		natCase(natStart(""), natEnd(""), natStatus(Closed), natFlags(Flags...)),
		natCase(natKind("unknown"), natStatus("odd"), natYear("Y99"), natEnd("2026-10-01")),
	}
	for i, c := range odd {
		for _, cal := range []*Calendar{nil, natCal} {
			for _, f := range Check(c, []PastCase{{}}, cal, Packs{}, Date{}) {
				if f.Message == "" || !slices.Contains([]Status{Met, Unmet, Due, Overdue, NotApplicable}, f.Status) {
					t.Errorf("case %d %s: status %q message %q", i, f.Rule, f.Status, f.Message)
				}
				if slices.Contains(everyCase, f.Rule) && f.Status == NotApplicable {
					t.Errorf("case %d: %s applies to all cases but says n/a", i, f.Rule)
				}
			}
		}
	}
}

// Every rule has at least a met, a not-met and an n/a case in the table
// below, except where the catalogue makes one impossible: rules for all
// cases are never n/a, "never met" reminders are never met, and
// suspension.no-condition is never a blocker, never unmet.
func TestNatRuleTableCoversEveryOutcome(t *testing.T) {
	noNA := []string{"end-date.set", "timetable.covers-plan", "timetable.steps-up"}
	neverMet := []string{"reason.not-behaviour", "reason.send-discrimination", "repeat.behaviour"}
	for _, r := range natCatalogue {
		seen := map[string]bool{}
		for _, tc := range natRuleCases {
			if tc.rule != r.id {
				continue
			}
			switch tc.status {
			case Met:
				seen["met"] = true
			case NotApplicable:
				seen["n/a"] = true
			default:
				seen["not met"] = true
			}
		}
		want := []string{"met", "not met", "n/a"}
		want = slices.DeleteFunc(want, func(o string) bool {
			return (o == "n/a" && slices.Contains(noNA, r.id)) || (o == "met" && slices.Contains(neverMet, r.id)) ||
				(o == "not met" && r.id == "suspension.no-condition")
		})
		for _, o := range want {
			if !seen[o] {
				t.Errorf("%s has no %s case in natRuleCases", r.id, o)
			}
		}
	}
}

type natRuleCase struct {
	rule    string
	proves  string // the seed section or guidance the case proves
	mod     func(*Case)
	on      string // "" is natOn
	cal     *Calendar
	params  func(*Params)
	history []PastCase
	status  Status
	due     string   // the finding's due date; "" not checked, "none" unset
	sev     Severity // "" is the catalogue's
	msg     string   // a piece the message must contain
}

func TestNationalRules(t *testing.T) {
	for _, tc := range natRuleCases {
		t.Run(tc.rule+"/"+tc.proves, func(t *testing.T) {
			on, cal, packs := MustDate(natOn), natCal, DefaultPacks()
			if tc.on != "" {
				on = MustDate(tc.on)
			}
			if tc.cal != nil {
				cal = tc.cal
			}
			if tc.params != nil {
				tc.params(&packs.Params)
			}
			c := natCase()
			if tc.mod != nil {
				c = natCase(tc.mod)
			}
			f := natFinding(t, c, tc.history, cal, packs, on, tc.rule)
			if f.Status != tc.status {
				t.Errorf("status %s, want %s (%s)", f.Status, tc.status, f.Message)
			}
			natCheckDue(t, f, tc.due)
			if want := natSeverity(tc); f.Severity != want {
				t.Errorf("severity %s, want %s", f.Severity, want)
			}
			natContains(t, f.Message, tc.msg)
		})
	}
}

func natCheckDue(t *testing.T, f Finding, want string) {
	t.Helper()
	switch {
	case want == "none" && !f.Due.IsZero():
		t.Errorf("due %s, want none", f.Due)
	case want != "" && want != "none" && f.Due != MustDate(want):
		t.Errorf("due %q, want %s", f.Due, want)
	}
}

func natSeverity(tc natRuleCase) Severity {
	if tc.sev != "" {
		return tc.sev
	}
	for _, r := range natCatalogue {
		if r.id == tc.rule {
			return r.severity
		}
	}
	return ""
}

// natRuleCases: each national rule met, not met and n/a, each case named by
// the seed section or guidance it proves. Dates: the baseline plan runs
// Mon 02/11/2026 to Fri 11/12/2026; natOn is Fri 20/11/2026.
var natRuleCases = []natRuleCase{
	// consent.parent
	{rule: "consent.parent", proves: "002 s5.3 signed by a parent the pupil lives with before the start",
		status: Met, due: "2026-11-02", msg: "Łukasz Nowak (father) on 30/10/2026"},
	{rule: "consent.parent", proves: "002 s5.3 signed on the start day itself is in time",
		mod: func(c *Case) { c.Consent.Signed = MustDate("2026-11-02") }, status: Met},
	{rule: "consent.parent", proves: "RULES.md dated duty: not signed before the start is due",
		mod: func(c *Case) { c.Consent = Consent{AuthorisedBy: "Mr T Green"} }, on: "2026-10-28",
		status: Due, due: "2026-11-02", msg: "due by 02/11/2026"},
	{rule: "consent.parent", proves: "reg 11(6) no consent after the start is overdue",
		mod: func(c *Case) { c.Consent = Consent{} }, status: Overdue, due: "2026-11-02"},
	{rule: "consent.parent", proves: "002 s5.3 consent after commencement is late",
		mod: func(c *Case) { c.Consent.Signed = MustDate("2026-11-04") }, status: Unmet, due: "2026-11-02", msg: "2 days late"},
	{rule: "consent.parent", proves: "002 s5.3 from those that have day to day care",
		mod: func(c *Case) { c.Consent.LivesWithPupil = false }, status: Unmet, msg: "not recorded as living with the pupil"},
	{rule: "consent.parent", proves: "reg 11(6) the parent's relationship is recorded",
		mod: func(c *Case) { c.Consent.Relationship = " " }, status: Unmet, msg: "no relationship to the pupil"},
	{rule: "consent.parent", proves: "reg 11(6) the parent is named",
		mod: func(c *Case) { c.Consent.ParentName = "" }, status: Unmet, msg: "no parent/carer name"},
	{rule: "consent.parent", proves: "RULES.md no start date yet: consent is due with no deadline",
		mod: natAll(natStart(""), func(c *Case) { c.Consent = Consent{} }), status: Due, due: "none", msg: "no start date"},
	{rule: "consent.parent", proves: "RULES.md a pupil with no year group has no known full time",
		mod: natYear(""), status: Unmet, msg: "enter it (N1, N2, R or Y1 to Y13)"},
	{rule: "consent.parent", proves: "RULES.md applies to a case with a week below full time",
		mod: natFullTime, status: NotApplicable, msg: "below full time"},
	{rule: "consent.parent", proves: "RULES.md post-16 has no threshold, so no week is below it",
		mod: natYear("Y12"), status: NotApplicable},

	// consent.authorised-by
	{rule: "consent.authorised-by", proves: "reg 11(1) leave authorised by a named member of staff",
		status: Met, msg: "Mr T Green"},
	{rule: "consent.authorised-by", proves: "reg 11(1) nobody recorded as authorising the leave",
		mod: func(c *Case) { c.Consent.AuthorisedBy = "  " }, status: Unmet, msg: "who authorised it"},
	{rule: "consent.authorised-by", proves: "RULES.md same applicability as consent.parent",
		mod: natFullTime, status: NotApplicable},

	// end-date.set
	{rule: "end-date.set", proves: "WTIA 2024 a part-time timetable has a time limit",
		status: Met, msg: "11/12/2026"},
	{rule: "end-date.set", proves: "WTIA 2024 an end moved by an extension is shown",
		mod: natExtend("2026-12-18", "illness", true), status: Met, msg: "18/12/2026"},
	{rule: "end-date.set", proves: "WTIA 2024 no planned end date",
		mod: natEnd(""), status: Unmet, msg: "time limit"},

	// duration.limit
	{rule: "duration.limit", proves: "002 s5.10 within six weeks",
		status: Met, msg: "within 6 weeks"},
	{rule: "duration.limit", proves: "000 within a maximum of six weeks: start + 42 days is the limit",
		mod: natEnd("2026-12-14"), status: Met},
	{rule: "duration.limit", proves: "002 s5.10 past six weeks without an extension",
		mod: natEnd("2026-12-18"), status: Unmet, msg: "4 days past the 6-week limit (14/12/2026)"},
	{rule: "duration.limit", proves: "001 process 4 final review within 6 weeks: AP reintegration too",
		mod: natAll(natKind(APReintegration), natEnd("2026-12-18")), status: Unmet},
	{rule: "duration.limit", proves: "002 s5.10 an extension is recorded",
		mod: natAll(natEnd("2026-12-18"), natExtend("2026-12-31", "illness", true)), status: Met, msg: "31/12/2026"},
	{rule: "duration.limit", proves: "RULES.md param max_weeks",
		mod: natEnd("2026-12-18"), params: func(p *Params) { p.MaxWeeks = 7 }, status: Met, msg: "within 7 weeks"},
	{rule: "duration.limit", proves: "000 no dates, no evidence of a time limit",
		mod: natStart(""), status: Unmet, msg: "enter the start"},
	{rule: "duration.limit", proves: "RULES.md applies to reduced timetables and AP reintegration only",
		mod: natKind(SuspensionReintegration), status: NotApplicable, msg: "after suspension"},

	// extension.justified
	{rule: "extension.justified", proves: "002 s5.10 reason, parental agreement and revised end",
		mod: natExtend("2026-12-18", "illness in week 5", true), status: Met, msg: "18/12/2026"},
	{rule: "extension.justified", proves: "002 s5.10 only with parental agreement",
		mod: natExtend("2026-12-18", "illness", false), status: Unmet, msg: "extension 1 (agreed 07/12/2026): no parental agreement"},
	{rule: "extension.justified", proves: "002 s5.10 the plan revised to reflect why",
		mod: natExtend("", "", true), status: Unmet, msg: "no reason, no revised end date"},
	{rule: "extension.justified", proves: "002 s5.10 every extension is checked",
		mod: natAll(natExtend("2026-12-18", "illness", true), natExtend("2027-01-08", "", true)), status: Unmet, msg: "extension 2"},
	{rule: "extension.justified", proves: "RULES.md applies to a case with an extension",
		status: NotApplicable, msg: "no extension"},

	// timetable.covers-plan
	{rule: "timetable.covers-plan", proves: "002 appendix 1 a timetable for every week",
		status: Met},
	{rule: "timetable.covers-plan", proves: "000 proposed timetable: a week left out",
		mod: func(c *Case) { c.Timetable = slices.Delete(c.Timetable, 2, 3) }, status: Unmet, msg: "16/11/2026"},
	{rule: "timetable.covers-plan", proves: "002 s5.10 an extension needs its weeks planned",
		mod: natExtend("2026-12-18", "illness", true), status: Unmet, msg: "14/12/2026"},
	{rule: "timetable.covers-plan", proves: "RULES.md calendar: a holiday week is not a school week",
		mod: natAll(natEnd("2027-01-08"), natExtend("", "", false), func(c *Case) {
			c.Timetable = append(c.Timetable, natSteps("2026-12-14", 5)...)
			c.Timetable = append(c.Timetable, natSteps("2027-01-04", 5)...)
		}), cal: natChristmasCal, status: Met},
	{rule: "timetable.covers-plan", proves: "RULES.md without the holiday those weeks need planning",
		mod: natAll(natEnd("2027-01-08"), func(c *Case) {
			c.Timetable = append(c.Timetable, natSteps("2026-12-14", 5)...)
			c.Timetable = append(c.Timetable, natSteps("2027-01-04", 5)...)
		}), status: Unmet, msg: "21/12/2026 and 28/12/2026"},
	{rule: "timetable.covers-plan", proves: "RULES.md a Saturday start needs no timetable for that week",
		mod: natAll(natStart("2026-10-31")), status: Met},
	{rule: "timetable.covers-plan", proves: "002 appendix 1 a mid-week start needs its week planned",
		mod: natAll(natStart("2026-10-28")), status: Unmet, msg: "26/10/2026"},
	{rule: "timetable.covers-plan", proves: "002 appendix 1 dates in the wrong order",
		mod: natEnd("2026-10-30"), status: Unmet, msg: "before the start"},

	// timetable.full-time-by-end
	{rule: "timetable.full-time-by-end", proves: "002 s5.7 back to full time within the plan",
		status: Met, msg: "25 of 24 hours"},
	{rule: "timetable.full-time-by-end", proves: "000 planned progression back to full time: not reached",
		mod: natTimetable(natSteps("2026-11-02", 0, 1, 2, 3, 4, 4)...), status: Unmet, msg: "23 of the 24 hours"},
	{rule: "timetable.full-time-by-end", proves: "RULES.md short weeks pro rata: 4 school days of 24 h is 19.2 h",
		mod: natAll(natStart("2026-05-11"), natEnd("2026-05-29"), natTimetable(
			natWeek("2026-05-11", 0), natWeek("2026-05-18", 2), natWeek("2026-05-25", 5))), status: Met, msg: "20 of 19.2 hours"},
	{rule: "timetable.full-time-by-end", proves: "RULES.md a closed final week asks for nothing: the last school week counts",
		mod: natAll(natEnd("2026-12-24"), natTimetable(natSteps("2026-11-02", 0, 1, 2, 3, 4, 4, 5, 0)...)),
		cal: natChristmasCal, status: Met, msg: "w/c 14/12/2026"},
	{rule: "timetable.full-time-by-end", proves: "RULES.md pro rata: a plan ending on a Wednesday is full time over its three days",
		mod: natAll(natEnd("2026-12-09"), natTimetable(append(natSteps("2026-11-02", 0, 1, 2, 3, 4), func() Week {
			w := natWeek("2026-12-07", 5)
			w.Days[3], w.Days[4] = [2]Session{{Mode: NoSession}, {Mode: NoSession}}, [2]Session{{Mode: NoSession}, {Mode: NoSession}}
			return w
		}())...)), status: Met, msg: "15 of 14.4 hours"},
	{rule: "timetable.full-time-by-end", proves: "002 s5.7 a week after the end is not the plan's last week",
		mod: natTimetable(natSteps("2026-11-02", 0, 1, 2, 3, 4, 4, 5)...), status: Unmet, msg: "w/c 07/12/2026"},
	{rule: "timetable.full-time-by-end", proves: "002 appendix 1 no timetable at all",
		mod: natTimetable(), status: Unmet, msg: "no week with school days"},
	{rule: "timetable.full-time-by-end", proves: "RULES.md a pupil with no year group has no known full time",
		mod: natYear(""), status: Unmet, msg: "year group"},
	{rule: "timetable.full-time-by-end", proves: "RULES.md nursery and post-16 have no threshold",
		mod: natYear("N2"), status: NotApplicable, msg: "N2"},

	// timetable.steps-up
	{rule: "timetable.steps-up", proves: "000 planned progression, one afternoon a week",
		status: Met},
	{rule: "timetable.steps-up", proves: "002 s5.7 a clear path: hours fall in week three",
		mod: natTimetable(natSteps("2026-11-02", 0, 2, 1, 3, 4, 5)...), status: Unmet, msg: "w/c 16/11/2026 (17 h over 5 days, after 19 h over 5)"},
	{rule: "timetable.steps-up", proves: "RULES.md pro rata: a bank holiday week with the same days is no fall",
		mod: natAll(natStart("2026-05-18"), natEnd("2026-06-05"),
			natTimetable(natWeek("2026-05-18", 0), natWeek("2026-05-25", 0), natWeek("2026-06-01", 5))), status: Met},
	{rule: "timetable.steps-up", proves: "RULES.md pro rata: a bank holiday week with fewer sessions a day falls",
		mod: natAll(natStart("2026-05-18"), natEnd("2026-05-29"), natTimetable(natWeek("2026-05-18", 0), func() Week {
			w := natWeek("2026-05-25", 0)
			w.Days[4][AM] = Session{Mode: NoSession}
			return w
		}())), status: Unmet, msg: "w/c 25/05/2026"},
	{rule: "timetable.steps-up", proves: "002 s5.7 a plan starting on a Thursday is its first week's two days: full days, then mornings, falls",
		mod:    natAll(natStart("2026-11-05"), natTimetable(append([]Week{natWeek("2026-11-02", 5)}, natSteps("2026-11-09", 2, 3, 4, 5, 5)...)...)),
		status: Unmet, msg: "w/c 09/11/2026 (19 h over 5 days, after 10 h over 2)"},
	{rule: "timetable.steps-up", proves: "002 s5.7 Monday to Wednesday before a Thursday start are no sessions to fall from",
		mod: natAll(natStart("2026-11-05"), natTimetable(func() Week {
			w := natWeek("2026-11-02", 5)
			w.Days[3], w.Days[4] = [2]Session{{Mode: InSchool}, {Mode: NoSession}}, [2]Session{{Mode: InSchool}, {Mode: NoSession}}
			return w
		}(), natWeek("2026-11-09", 1))), status: Met},

	// reviews.scheduled: due dates 16/11, 30/11 and 14/12 (the first on or after the end)
	{rule: "reviews.scheduled", proves: "002 appendix 1 review within 2 weeks held; next due in 10 days",
		status: Met, due: "2026-11-30", msg: "next due by 30/11/2026"},
	{rule: "reviews.scheduled", proves: "RULES.md next due more than 3 days away is met",
		on: "2026-11-26", status: Met, due: "2026-11-30"},
	{rule: "reviews.scheduled", proves: "RULES.md due within 3 days is due, info",
		on: "2026-11-27", status: Due, due: "2026-11-30", sev: Info, msg: "in 3 days"},
	{rule: "reviews.scheduled", proves: "RULES.md on the due date itself it is still due",
		on: "2026-11-30", status: Due, due: "2026-11-30", sev: Info, msg: "(today)"},
	{rule: "reviews.scheduled", proves: "001 review at 4 weeks missed: overdue, warning",
		on: "2026-12-01", status: Overdue, due: "2026-11-30", sev: Warning, msg: "30/11/2026"},
	{rule: "reviews.scheduled", proves: "RULES.md overdue carries the earliest missed date",
		mod: natReviewsHeld(), on: "2026-12-01", status: Overdue, due: "2026-11-16"},
	{rule: "reviews.scheduled", proves: "RULES.md a review on D-14 is too early for D",
		mod: natReviewsHeld("2026-11-02"), on: "2026-11-17", status: Overdue, due: "2026-11-16"},
	{rule: "reviews.scheduled", proves: "RULES.md a review after D-14 counts for D",
		mod: natReviewsHeld("2026-11-03"), on: "2026-11-17", status: Met, due: "2026-11-30"},
	{rule: "reviews.scheduled", proves: "002 appendix 1 the 6-week review is the first date on or after the end",
		mod: natReviewsHeld("2026-11-16", "2026-11-30"), on: "2026-12-15", status: Overdue, due: "2026-12-14"},
	{rule: "reviews.scheduled", proves: "RULES.md every review held: nothing more due",
		mod: natReviewsHeld("2026-11-16", "2026-11-30", "2026-12-14"), on: "2026-12-20", status: Met, due: "none", msg: "close the case or extend it"},
	{rule: "reviews.scheduled", proves: "RULES.md an end on a due date makes it the last one",
		mod: natAll(natEnd("2026-11-30"), natReviewsHeld("2026-11-16", "2026-11-30")), on: "2026-12-01", status: Met, due: "none"},
	{rule: "reviews.scheduled", proves: "RULES.md extensions move the end and add reviews",
		mod: natAll(natReviewsHeld("2026-11-16", "2026-11-30", "2026-12-14"), natExtend("2026-12-18", "illness", true)),
		on:  "2026-12-20", status: Met, due: "2026-12-28"},
	{rule: "reviews.scheduled", proves: "RULES.md param review_every_days",
		params: func(p *Params) { p.ReviewEveryDays = 7 }, status: Overdue, due: "2026-11-09"},
	{rule: "reviews.scheduled", proves: "001 initial meeting sets review dates from the start: none entered",
		mod: natStart(""), status: Unmet, msg: "enter the start date"},
	{rule: "reviews.scheduled", proves: "RULES.md active cases only: a draft",
		mod: natStatus(Draft), status: NotApplicable, msg: "a draft"},
	{rule: "reviews.scheduled", proves: "RULES.md active cases only: closed",
		mod: natClosed("2026-12-11"), status: NotApplicable, msg: "closed"},

	// reviews.pupil-and-parent
	{rule: "reviews.pupil-and-parent", proves: "001 process 6 pupil's views and parents at each review",
		status: Met},
	{rule: "reviews.pupil-and-parent", proves: "001 process 6 views of the child gathered before each review",
		mod: func(c *Case) { c.Reviews[0].PupilViews = false }, status: Unmet, msg: "the pupil's views"},
	{rule: "reviews.pupil-and-parent", proves: "WTIA 2024 parents involved in reviewing",
		mod: func(c *Case) { c.Reviews[0].ParentAttended = false }, status: Unmet, msg: "a parent's participation"},
	{rule: "reviews.pupil-and-parent", proves: "RULES.md each held review: a planned one is not judged",
		mod: func(c *Case) { c.Reviews[0].Held, c.Reviews[0].PupilViews = Date{}, false }, status: NotApplicable, msg: "no review"},

	// risk-assessment.before-start
	{rule: "risk-assessment.before-start", proves: "002 s5.6 completed before the start",
		status: Met, due: "2026-11-02"},
	{rule: "risk-assessment.before-start", proves: "000 before implementation: not yet done",
		mod: func(c *Case) { c.RiskAssessment = RiskAssessment{} }, on: "2026-10-30", status: Due, due: "2026-11-02"},
	{rule: "risk-assessment.before-start", proves: "000 before implementation: still not done",
		mod: func(c *Case) { c.RiskAssessment = RiskAssessment{} }, status: Overdue},
	{rule: "risk-assessment.before-start", proves: "002 s5.6 done after the start",
		mod: func(c *Case) { c.RiskAssessment.Completed = MustDate("2026-11-05") }, status: Unmet, msg: "3 days late"},
	{rule: "risk-assessment.before-start", proves: "RULES.md reduced timetables only",
		mod: natKind(APReintegration), status: NotApplicable},

	// risk-assessment.significant-risk
	{rule: "risk-assessment.significant-risk", proves: "002 s4 no significant risk out of school",
		status: Met},
	{rule: "risk-assessment.significant-risk", proves: "002 s4 significant risk: not a considered option",
		mod: func(c *Case) { c.RiskAssessment.SignificantRisk = true }, status: Unmet, msg: "significant risk"},
	{rule: "risk-assessment.significant-risk", proves: "002 s4 part of the risk assessment process: none done",
		mod: func(c *Case) { c.RiskAssessment = RiskAssessment{} }, status: Unmet, msg: "not known"},
	{rule: "risk-assessment.significant-risk", proves: "RULES.md reduced timetables only",
		mod: natKind(SuspensionReintegration), status: NotApplicable},

	// professionals.social-worker
	{rule: "professionals.social-worker", proves: "002 s5.4 Child Protection plan: social worker agreed in writing",
		mod: natAll(natFlags(ChildProtection), natInvolved(SocialWorker, "2026-10-29", true)), status: Met, due: "2026-11-02", msg: "A Patel"},
	{rule: "professionals.social-worker", proves: "002 s5.4 Child in Need plan: no agreement before the start",
		mod: natFlags(ChildInNeed), status: Overdue, due: "2026-11-02"},
	{rule: "professionals.social-worker", proves: "002 s5.4 the earliest written agreement in the role counts",
		mod:    natAll(natFlags(ChildInNeed), natInvolved(SocialWorker, "2026-11-03", false), natInvolved(SocialWorker, "2026-10-29", false)),
		status: Met, msg: "29/10/2026"},
	{rule: "professionals.social-worker", proves: "002 s5.4 must have given written agreement: not yet",
		mod: natAll(natFlags(ChildInNeed), natInvolved(SocialWorker, "", false)), on: "2026-10-30", status: Due},
	{rule: "professionals.social-worker", proves: "002 s5.4 agreement after the start",
		mod: natAll(natFlags(ChildProtection), natInvolved(SocialWorker, "2026-11-03", false)), status: Unmet, msg: "1 day late"},
	{rule: "professionals.social-worker", proves: "RULES.md only with a CP or CIN plan",
		mod: natInvolved(SocialWorker, "", false), status: NotApplicable, msg: "Child Protection"},

	// professionals.virtual-school
	{rule: "professionals.virtual-school", proves: "002 s1 previously looked after: Virtual School agreed",
		mod: natAll(natFlags(PreviouslyLookedAfter), natInvolved(VirtualSchool, "2026-10-30", true)), status: Met},
	{rule: "professionals.virtual-school", proves: "000 a child We Care For: no Virtual School",
		mod: natFlags(LookedAfter), status: Overdue, msg: "Virtual School Head"},
	{rule: "professionals.virtual-school", proves: "RULES.md only looked after or previously looked after",
		status: NotApplicable},

	// professionals.send-team
	{rule: "professionals.send-team", proves: "002 s5.5 LA agreed and early review convened",
		mod:    natAll(natFlags(EHCP), natInvolved(SENDTeam, "2026-10-29", true), func(c *Case) { c.Involvement[0].EarlyReviewAsked = true }),
		status: Met, msg: "early annual review was asked for"},
	{rule: "professionals.send-team", proves: "002 s5.5 agreed; early review not recorded is a reminder",
		mod: natAll(natFlags(EHCP), natInvolved(SENDTeam, "2026-10-29", true)), status: Met, msg: "no early annual review request"},
	{rule: "professionals.send-team", proves: "002 s5.5 the Local Authority must agree",
		mod: natFlags(EHCP), on: "2026-10-29", status: Due, due: "2026-11-02"},
	{rule: "professionals.send-team", proves: "000 SEN Team when the child has an EHCP: agreed late",
		mod: natAll(natFlags(EHCP), natInvolved(SENDTeam, "2026-11-09", true)), status: Unmet},
	{rule: "professionals.send-team", proves: "RULES.md only with an EHCP",
		mod: natFlags(SENSupport), status: NotApplicable, msg: "no EHCP"},

	// professionals.youth-justice
	{rule: "professionals.youth-justice", proves: "000 YJ worker when the child is on a Court Order",
		mod: natAll(natFlags(YouthJustice), natInvolved(YouthJusticeRole, "2026-11-02", true)), status: Met},
	{rule: "professionals.youth-justice", proves: "002 s4 involved with the Youth Offending Team: nobody recorded",
		mod: natFlags(YouthJustice), status: Overdue},
	{rule: "professionals.youth-justice", proves: "RULES.md only on a court order or open to youth justice",
		status: NotApplicable},

	// professionals.early-help
	{rule: "professionals.early-help", proves: "002 s5.4 early help worker at the multi-agency meeting before the start",
		mod: natAll(natFlags(EarlyHelp), natInvolved(EarlyHelpRole, "2026-10-30", true)), status: Met},
	{rule: "professionals.early-help", proves: "002 s5.4 multi-agency review before implementation: not attended",
		mod: natAll(natFlags(EarlyHelp), natInvolved(EarlyHelpRole, "2026-10-30", false)), status: Unmet, msg: "multi-agency"},
	{rule: "professionals.early-help", proves: "000 Early Help worker for a Team Around the Family plan: none",
		mod: natFlags(EarlyHelp), status: Overdue},
	{rule: "professionals.early-help", proves: "RULES.md only with an Early Help / TAF plan",
		mod: natFlags(ChildInNeed), status: NotApplicable},

	// reason.not-behaviour
	{rule: "reason.not-behaviour", proves: "WTIA 2024 not to manage behaviour: a reminder that stays",
		mod: natReasons(MentalHealth, Behaviour), status: Unmet, msg: "manage behaviour"},
	{rule: "reason.not-behaviour", proves: "RULES.md only when the reasons include behaviour",
		status: NotApplicable},

	// reason.send-discrimination
	{rule: "reason.send-discrimination", proves: "002 s1 SEN support: likely discrimination",
		mod: natFlags(SENSupport), status: Unmet, msg: "Equality Act 2010"},
	{rule: "reason.send-discrimination", proves: "002 s1 EHCP: likely discrimination",
		mod: natFlags(EHCP), status: Unmet},
	{rule: "reason.send-discrimination", proves: "RULES.md only with SEN support or an EHCP",
		mod: natFlags(ChildInNeed), status: NotApplicable},

	// repeat.behaviour
	{rule: "repeat.behaviour", proves: "002 s5.10 only rarely appropriate to repeat",
		mod: natReasons(Behaviour), history: []PastCase{{Kind: ReducedTimetable, Reasons: []Reason{Behaviour},
			Start: MustDate("2025-03-03"), Closed: MustDate("2025-04-11")}}, status: Unmet, msg: "03/03/2025"},
	{rule: "repeat.behaviour", proves: "002 s5.10 the earlier one was for another reason",
		mod: natReasons(Behaviour), history: []PastCase{{Kind: ReducedTimetable, Reasons: []Reason{MentalHealth},
			Start: MustDate("2025-03-03")}}, status: NotApplicable},
	{rule: "repeat.behaviour", proves: "002 s5.10 the earlier one was not a reduced timetable",
		mod: natReasons(Behaviour), history: []PastCase{{Kind: SuspensionReintegration, Reasons: []Reason{Behaviour},
			Start: MustDate("2025-03-03")}}, status: NotApplicable},
	{rule: "repeat.behaviour", proves: "RULES.md only when this plan is for behaviour",
		history: []PastCase{{Kind: ReducedTimetable, Reasons: []Reason{Behaviour}, Start: MustDate("2025-03-03")}},
		status:  NotApplicable, msg: "do not include behaviour"},
	{rule: "repeat.behaviour", proves: "RULES.md earlier cases only: a later one is not a repeat",
		mod: natReasons(Behaviour), history: []PastCase{{Kind: ReducedTimetable, Reasons: []Reason{Behaviour},
			Start: MustDate("2027-01-04")}}, status: NotApplicable, msg: "no earlier"},

	// work.home-learning
	{rule: "work.home-learning", proves: "002 s5.8 how work is provided, sent home and marked",
		status: Met, msg: "15 session(s)"},
	{rule: "work.home-learning", proves: "002 s5.8 no plan for work at home",
		mod: func(c *Case) { c.HomeLearning = " " }, status: Unmet, msg: "15 planned session(s)"},
	{rule: "work.home-learning", proves: "002 s5.8 any time not attending: a shortened session counts",
		mod: natAll(natFullTime, func(c *Case) {
			c.HomeLearning = ""
			c.Timetable[0].Days[0][AM] = Session{Mode: InSchool, Minutes: 150, Partial: true}
		}), status: Unmet, msg: "1 planned session(s)"},
	{rule: "work.home-learning", proves: "002 s5.8 a home learning session is not attending, whatever its minutes",
		mod: natAll(natFullTime, func(c *Case) {
			c.HomeLearning = ""
			c.Timetable[5].Days[4][PM] = Session{Mode: HomeLearning, Minutes: 120, Partial: true}
		}), status: Unmet, msg: "1 planned session(s)"},
	{rule: "work.home-learning", proves: "RULES.md full-time weeks have no sessions out of education",
		mod: func(c *Case) { natFullTime(c); c.HomeLearning = "" }, status: NotApplicable},
	{rule: "work.home-learning", proves: "002 s5.8 days before a Thursday start are not time out of school",
		mod: natAll(natFullTime, natStart("2026-11-05"), func(c *Case) {
			c.HomeLearning = ""
			c.Timetable[0].Days[0] = [2]Session{{Mode: NoSession}, {Mode: NoSession}}
			c.Timetable[0].Days[2] = [2]Session{{Mode: HomeLearning}, {Mode: NoSession}}
		}), status: NotApplicable},
	{rule: "work.home-learning", proves: "RULES.md calendar: no session on a bank holiday is not time out",
		mod: natAll(natStart("2026-05-25"), natEnd("2026-05-29"), natTimetable(func() Week {
			w := natWeek("2026-05-25", 5)
			w.Days[0] = [2]Session{}
			return w
		}())), status: NotApplicable},

	// notify.la
	{rule: "notify.la", proves: "002 s7 the LA notified of the reduced timetable",
		status: Met, due: "2026-11-02"},
	{rule: "notify.la", proves: "000 send the LA the hours agreed and the plan: not yet",
		mod: func(c *Case) { c.Notifications = nil }, on: "2026-10-30", status: Due, due: "2026-11-02"},
	{rule: "notify.la", proves: "002 s7 the LA not told",
		mod: natAll(func(c *Case) { c.Notifications = nil }, natNotified(SocialWorker, "2026-11-01", "plan")), status: Overdue},
	{rule: "notify.la", proves: "002 s7 told after the start",
		mod: func(c *Case) { c.Notifications[0].Sent = MustDate("2026-11-05") }, status: Unmet, msg: "3 days late"},
	{rule: "notify.la", proves: "RULES.md any notification to the LA counts",
		mod: func(c *Case) { c.Notifications[0].What = "start" }, status: Met},
	{rule: "notify.la", proves: "000 the plan itself counts, not an earlier notice",
		mod:    natAll(func(c *Case) { c.Notifications[0].Sent = MustDate("2026-11-05") }, natNotified(LocalAuthority, "2026-11-01", "start")),
		status: Unmet, msg: "3 days late"},
	{rule: "notify.la", proves: "RULES.md param la_notify_days",
		mod:    func(c *Case) { c.Notifications[0].Sent = MustDate("2026-11-05") },
		params: func(p *Params) { p.LANotifyDays = 5 }, status: Met, due: "2026-11-07"},
	{rule: "notify.la", proves: "RULES.md reduced timetables only",
		mod: natKind(APReintegration), status: NotApplicable},

	// closure.copies
	{rule: "closure.copies", proves: "002 s7 completed plan with closure date sent to the social worker",
		mod: natAll(natClosed("2026-12-11"), natFlags(ChildInNeed), natNotified(SocialWorker, "2026-12-11", "closure")), status: Met, msg: "the social worker"},
	{rule: "closure.copies", proves: "002 s7 0-25 SEND team for an EHCP, with or without an involvement entry",
		mod: natAll(natClosed("2026-12-11"), natFlags(EHCP), natInvolved(SocialWorker, "2026-10-29", true),
			natNotified(SocialWorker, "2026-12-14", "plan")), status: Unmet, msg: "the LA SEND team"},
	{rule: "closure.copies", proves: "002 s7 a copy sent before closure has no closure date",
		mod: natAll(natClosed("2026-12-11"), natFlags(LookedAfter), natNotified(VirtualSchool, "2026-11-02", "plan")), status: Unmet, msg: "Virtual School Head"},
	{rule: "closure.copies", proves: "002 s7 the copies carry the closure date: none entered",
		mod: natAll(natClosed(""), natFlags(ChildProtection)), status: Unmet, msg: "closure date"},
	{rule: "closure.copies", proves: "RULES.md closed cases with those professionals only",
		mod: natClosed("2026-12-11"), status: NotApplicable},
	{rule: "closure.copies", proves: "RULES.md not while the case is active",
		mod: natFlags(ChildInNeed), status: NotApplicable, msg: "active"},

	// fair-access.20-school-days: referral Tue 01/12/2026 + 20 school days is
	// Thu 31/12/2026 (25/12 and 28/12 bank holidays), or Tue 12/01/2027 with
	// the Christmas holidays closed.
	{rule: "fair-access.20-school-days", proves: "001 offer within 20 school days",
		mod: natAll(natKind(APReintegration), natReferral("2026-12-01", "2026-12-31")), status: Met, due: "2026-12-31"},
	{rule: "fair-access.20-school-days", proves: "School Admissions Code 2021 school days skip the school's holidays",
		mod: natAll(natKind(APReintegration), natReferral("2026-12-01", "2027-01-12")), cal: natChristmasCal, status: Met, due: "2027-01-12"},
	{rule: "fair-access.20-school-days", proves: "001 offer made on the 21st school day",
		mod: natAll(natKind(APReintegration), natReferral("2026-12-01", "2027-01-04")), status: Unmet, msg: "4 days late"},
	{rule: "fair-access.20-school-days", proves: "001 no offer yet, within 20 school days",
		mod: natAll(natKind(APReintegration), natReferral("2026-12-01", "")), on: "2026-12-31", status: Due, due: "2026-12-31"},
	{rule: "fair-access.20-school-days", proves: "001 no offer after 20 school days",
		mod: natAll(natKind(APReintegration), natReferral("2026-12-01", "")), on: "2027-01-04", status: Overdue},
	{rule: "fair-access.20-school-days", proves: "001 once referred the clock runs: no referral date",
		mod: natKind(APReintegration), status: Unmet, msg: "Fair Access referral date"},
	{rule: "fair-access.20-school-days", proves: "RULES.md AP reintegration only",
		status: NotApplicable},

	// suspension.no-condition
	{rule: "suspension.no-condition", proves: "DfE suspension guidance 2024 return does not depend on the meeting",
		mod: natKind(SuspensionReintegration), status: Met, msg: "must not depend"},
	{rule: "suspension.no-condition", proves: "RULES.md suspension reintegration only",
		status: NotApplicable},
}

// natReferral records the Fair Access referral and the offer.
func natReferral(referred, offered string) func(*Case) {
	return func(c *Case) {
		c.Referral = Referral{FairAccessReferred: natDate(referred), PlaceOffered: natDate(offered)}
	}
}

// DESIGN.md budgets: check of one case under 1 ms in-process.
func BenchmarkNationalCheck(b *testing.B) {
	c, on := natCase(natFlags(Flags...), natReasons(Behaviour)), MustDate(natOn)
	for b.Loop() {
		Check(c, nil, natCal, DefaultPacks(), on)
	}
}
