package model

import (
	"slices"
	"strings"
	"testing"
)

// Fixtures and cross-pack tests for the five local/trust packs (oxfordshire,
// worcestershire, bwmat, havering, hillingdon). Each pack's test file holds
// a table of rows per rule; a row is one case, one as-of date and the
// status the rule must give. The baseline cases meet every local rule that
// applies to them; each row changes one thing with a mod.

// localCatalogue is the local part of RULES.md's rule table, copied by hand:
// ID, pack, severity and source, in catalogue order.
var localCatalogue = []struct {
	id       string
	pack     Pack
	severity Severity
	source   string
}{
	{"oxon.attendance-team", Oxfordshire, Warning, "000"},
	{"oxon.meeting", Oxfordshire, Blocker, "000"},
	{"oxon.plan-contents", Oxfordshire, Warning, "000"},
	{"oxon.la-copy-2-days", Oxfordshire, Warning, "000"},
	{"oxon.eha-considered", Oxfordshire, Info, "000"},
	{"oxon.half-termly-share", Oxfordshire, Warning, "000"},
	{"worcs.consent-before-approach", Worcestershire, Blocker, "001"},
	{"worcs.information-form", Worcestershire, Warning, "001"},
	{"worcs.child-views", Worcestershire, Warning, "001"},
	{"worcs.initial-meeting", Worcestershire, Blocker, "001"},
	{"worcs.final-review-6-weeks", Worcestershire, Warning, "001"},
	{"worcs.dual-registration", Worcestershire, Warning, "001 process 5"},
	{"worcs.emergency-review", Worcestershire, Blocker, "001 process 7"},
	{"worcs.outcome-form", Worcestershire, Warning, "001 process 9"},
	{"worcs.transport", Worcestershire, Warning, "001"},
	{"bwmat.governors", BWMAT, Warning, "002 s5.11, appendix 1"},
	{"bwmat.plan-signed", BWMAT, Blocker, "002 appendix 1"},
	{"havering.plan-before-return", Havering, Warning, "003 s3.4"},
	{"havering.placement-dates", Havering, Warning, "003 s3.8"},
	{"havering.no-direction-first-term", Havering, Info, "003 s3.9"},
	{"havering.minimum-expectations", Havering, Warning, "003"},
	{"hillingdon.plan-from-start", Hillingdon, Warning, "004"},
	{"hillingdon.weekly-contact", Hillingdon, Warning, "004"},
	{"hillingdon.ks4-destination", Hillingdon, Warning, "004"},
}

// localPacks has every pack on, with the documents' own parameters.
var localPacks = Packs{On: AllPacks, Params: DefaultParams()}

// localCal is a school calendar for 2026-27 with its holidays, so half terms
// and terms come from the school's own dates, and an INSET day that must not
// split a half term.
var localCal = NewCalendar(
	Closure{First: MustDate("2026-07-22"), Last: MustDate("2026-09-02"), Name: "Summer holidays"},
	Closure{First: MustDate("2026-10-26"), Last: MustDate("2026-10-30"), Name: "October half term"},
	Closure{First: MustDate("2026-11-20"), Last: MustDate("2026-11-20"), Name: "INSET day"},
	Closure{First: MustDate("2026-12-21"), Last: MustDate("2027-01-01"), Name: "Christmas holidays"},
	Closure{First: MustDate("2027-02-15"), Last: MustDate("2027-02-19"), Name: "February half term"},
	Closure{First: MustDate("2027-03-29"), Last: MustDate("2027-04-09"), Name: "Easter holidays"},
	Closure{First: MustDate("2027-05-31"), Last: MustDate("2027-06-04"), Name: "May half term"},
	Closure{First: MustDate("2027-07-21"), Last: MustDate("2027-09-01"), Name: "Summer holidays"},
)

type localMod = func(*Case)

// localRow is one check of one rule: the case, the date, what it must find.
type localRow struct {
	seed    string // the seed section the row proves, e.g. "001 process 7: ..."
	c       Case
	on      string
	want    Status
	due     string // the finding's due date, when the row pins it
	msg     string // a piece of the message, when the row pins it
	cal     *Calendar
	history []PastCase
	params  func(*Params)
}

// localRun checks every row against the rule.
func localRun(t *testing.T, rule string, rows []localRow) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.seed, func(t *testing.T) {
			f := localFinding(t, r, rule)
			if f.Status != r.want {
				t.Fatalf("%s: status %s, want %s (message %q)", rule, f.Status, r.want, f.Message)
			}
			if r.due != "" && !f.Due.Equal(MustDate(r.due)) {
				t.Errorf("%s: due %s, want %s", rule, f.Due, r.due)
			}
			if (f.Status == Due || f.Status == Overdue) && f.Due.IsZero() {
				t.Errorf("%s: a %s finding must carry its due date", rule, f.Status)
			}
			if r.msg != "" && !strings.Contains(f.Message, r.msg) {
				t.Errorf("%s: message %q does not say %q", rule, f.Message, r.msg)
			}
			if f.Message == "" {
				t.Errorf("%s: empty message", rule)
			}
		})
	}
}

// localFinding runs Check with every pack on and returns the rule's one finding.
func localFinding(t *testing.T, r localRow, rule string) Finding {
	t.Helper()
	cal, packs := r.cal, localPacks
	if cal == nil {
		cal = localCal
	}
	if r.params != nil {
		r.params(&packs.Params)
	}
	var found []Finding
	for _, f := range Check(r.c, r.history, cal, packs, MustDate(r.on)) {
		if f.Rule == rule {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("Check gave %d findings for %s, want 1", len(found), rule)
	}
	return found[0]
}

// localDate is a date for a literal.
func localDate(s string) Date {
	if s == "" {
		return Date{}
	}
	return MustDate(s)
}

// localWeeks is n weeks from the Monday given, every morning in school and
// every afternoon in the mode given.
func localWeeks(monday string, n int, pm Mode) []Week {
	weeks := make([]Week, n)
	for i := range weeks {
		weeks[i].WeekBeginning = MustDate(monday).AddDays(7 * i)
		for day := range 5 {
			weeks[i].Days[day] = [2]Session{{Mode: InSchool}, {Mode: pm}}
		}
	}
	return weeks
}

// localForm is a form record: completed "" is part-done; fields go in pairs.
func localForm(template, completed string, fields ...string) FormRecord {
	rec := FormRecord{Template: template, Completed: localDate(completed), Version: 1, Fields: map[string]string{}}
	for i := 0; i+1 < len(fields); i += 2 {
		rec.Fields[fields[i]] = fields[i+1]
	}
	return rec
}

// localWithForm replaces every record of the template by the ones given.
func localWithForm(template string, recs ...FormRecord) localMod {
	return func(c *Case) {
		c.Forms = slices.DeleteFunc(slices.Clone(c.Forms), func(f FormRecord) bool { return f.Template == template })
		c.Forms = append(c.Forms, recs...)
	}
}

// localSetField sets (or, with value "-", removes) fields of the template's records.
func localSetField(template string, fields ...string) localMod {
	return func(c *Case) {
		c.Forms = slices.Clone(c.Forms)
		for i, f := range c.Forms {
			if f.Template != template {
				continue
			}
			m := make(map[string]string, len(f.Fields))
			for k, v := range f.Fields {
				m[k] = v
			}
			for j := 0; j+1 < len(fields); j += 2 {
				if fields[j+1] == "-" {
					delete(m, fields[j])
				} else {
					m[fields[j]] = fields[j+1]
				}
			}
			c.Forms[i].Fields = m
		}
	}
}

// localNotify adds a notification.
func localNotify(to Role, sent, what string) localMod {
	return func(c *Case) {
		c.Notifications = append(slices.Clone(c.Notifications), Notification{To: to, Sent: MustDate(sent), What: what})
	}
}

// localUnnotify removes every notification to the target.
func localUnnotify(to Role) localMod {
	return func(c *Case) {
		c.Notifications = slices.DeleteFunc(slices.Clone(c.Notifications), func(n Notification) bool { return n.To == to })
	}
}

// localReviews replaces the case's reviews.
func localReviews(rs ...Review) localMod { return func(c *Case) { c.Reviews = rs } }

func localKind(k Kind) localMod         { return func(c *Case) { c.Kind = k } }
func localStatus(s CaseStatus) localMod { return func(c *Case) { c.Status = s } }
func localYear(y YearGroup) localMod    { return func(c *Case) { c.Pupil.YearGroup = y } }
func localFlags(fl ...Flag) localMod    { return func(c *Case) { c.Pupil.Flags = fl } }
func localStart(d string) localMod      { return func(c *Case) { c.Start = MustDate(d) } }
func localAgreed(d string) localMod     { return func(c *Case) { c.Agreed = localDate(d) } }
func localTimetable(w []Week) localMod  { return func(c *Case) { c.Timetable = w } }
func localOutcome(o Outcome) localMod   { return func(c *Case) { c.Outcome = o } }
func localClosed(d string) localMod {
	return func(c *Case) { c.Closed, c.Status = MustDate(d), Closed }
}
func localNamedPerson(n string) localMod { return func(c *Case) { c.NamedPerson = n } }

// localInvolved adds a professional who did or did not attend the meeting.
func localInvolved(role Role, attended bool) localMod {
	return func(c *Case) {
		c.Involvement = append(slices.Clone(c.Involvement), Involvement{Role: role, Name: "Siân O'Brien",
			Agreed: MustDate("2026-10-20"), AttendedMeeting: attended})
	}
}

// localApply applies mods to a fresh copy of a baseline.
func localApply(base func() Case, mods ...localMod) Case {
	c := base()
	for _, m := range mods {
		m(&c)
	}
	return c
}

// localAllRows gathers every pack's rows, by rule.
func localAllRows() map[string][]localRow {
	all := map[string][]localRow{}
	for _, rows := range []map[string][]localRow{oxonRows(), worcsRows(), bwmatRows(), haveringRows(), hillingdonRows()} {
		for id, r := range rows {
			all[id] = append(all[id], r...)
		}
	}
	return all
}

// RULES.md: the local rules' IDs, packs, severities and sources are a public
// contract, in catalogue order after the national pack.
func TestLocalCatalogueMatchesRulesMd(t *testing.T) {
	var got []Rule
	for _, r := range Catalogue() {
		if r.Pack != National {
			got = append(got, r)
		}
	}
	if len(got) != len(localCatalogue) {
		t.Fatalf("catalogue has %d local rules, RULES.md has %d", len(got), len(localCatalogue))
	}
	for i, want := range localCatalogue {
		r := got[i]
		if r.ID != want.id || r.Pack != want.pack || r.Severity != want.severity || r.Source != want.source {
			t.Errorf("rule %d is %s/%s/%s/%q, RULES.md says %s/%s/%s/%q", i,
				r.ID, r.Pack, r.Severity, r.Source, want.id, want.pack, want.severity, want.source)
		}
		if r.check == nil {
			t.Errorf("%s has no check", r.ID)
		}
	}
}

// RULES.md "Findings": one finding per rule of the packs that are on, n/a
// included, in catalogue order, with the catalogue's severity and source.
func TestLocalCheckGivesOneFindingPerRuleInOrder(t *testing.T) {
	cat := Catalogue()
	for _, c := range []Case{localReducedCase(), localAPCaseBase(), {}} {
		findings := Check(c, nil, localCal, localPacks, MustDate("2026-11-18"))
		if len(findings) != len(cat) {
			t.Fatalf("%d findings for %d rules", len(findings), len(cat))
		}
		for i, f := range findings {
			r := cat[i]
			if f.Rule != r.ID || f.Pack != r.Pack || f.Source != r.Source {
				t.Errorf("finding %d is %s (%s, %q), want %s (%s, %q)", i, f.Rule, f.Pack, f.Source, r.ID, r.Pack, r.Source)
			}
			if r.Pack != National && f.Severity != r.Severity {
				t.Errorf("%s: severity %s, catalogue says %s", f.Rule, f.Severity, r.Severity)
			}
		}
	}
}

// RULES.md "Packs": a pack that is off gives no findings; national always runs.
func TestLocalPacksOnlyWhenOn(t *testing.T) {
	for _, pack := range AllPacks[1:] {
		packs := Packs{On: []Pack{pack}, Params: DefaultParams()}
		for _, f := range Check(localReducedCase(), nil, localCal, packs, MustDate("2026-11-18")) {
			if f.Pack != National && f.Pack != pack {
				t.Errorf("with only %s on, got a finding of %s (%s)", pack, f.Pack, f.Rule)
			}
		}
	}
}

// localNeverMet are the catalogue's "never met" reminders (RULES.md): unmet
// whenever they apply, n/a otherwise.
var localNeverMet = []string{"havering.no-direction-first-term"}

// The tables prove every local rule met, not met (unmet, due or overdue)
// and n/a at least once each; a "never met" reminder unmet and n/a, and
// never met.
func TestLocalRowsCoverEveryOutcome(t *testing.T) {
	all := localAllRows()
	for _, r := range localCatalogue {
		seen := map[Status]bool{}
		for _, row := range all[r.id] {
			seen[row.want] = true
		}
		wantMet := !slices.Contains(localNeverMet, r.id)
		if seen[Met] != wantMet || !seen[NotApplicable] || !(seen[Unmet] || seen[Due] || seen[Overdue]) {
			t.Errorf("%s: rows cover %v; want met (unless never met), n/a and unmet/due/overdue", r.id, seen)
		}
	}
	if len(all) != len(localCatalogue) {
		t.Errorf("rows for %d rules, catalogue has %d local rules", len(all), len(localCatalogue))
	}
}

// Bad or empty input never panics: an empty case, a nil calendar, forms
// with junk in every field, reviews and notifications with no dates.
func TestLocalOddCasesDoNotPanic(t *testing.T) {
	junk := map[string]string{}
	for _, k := range []string{FieldMeetingDate, FieldParentSigned, FieldParentAgrees, FieldPlacementStart,
		FieldPlacementEnd, FieldContactLog, FieldReviewFinal, FieldLACopySent, FieldEndDate} {
		junk[k] = "31/02/2026 ;;\n\t,"
	}
	odd := Case{Kind: APReintegration, Status: Active, Outcome: Unsuccessful,
		Reviews:       []Review{{Kind: "FINAL"}, {Kind: "emergency"}},
		Notifications: []Notification{{To: SchoolAdmissions}},
		Timetable:     []Week{{}}}
	for _, tmpl := range Templates {
		odd.Forms = append(odd.Forms, FormRecord{Template: tmpl, Fields: junk}, FormRecord{Template: tmpl, Completed: MustDate("2026-11-01")})
	}
	for _, c := range []Case{{}, odd, localReduced(localKind(SuspensionReintegration)), localReduced(localClosed("2026-10-01")),
		localAP(localClosed("2026-10-01"), localOutcome(Unsuccessful))} {
		for _, cal := range []*Calendar{nil, localCal, NewCalendar()} {
			for _, f := range Check(c, []PastCase{{Kind: APReintegration}}, cal, localPacks, MustDate("2026-11-18")) {
				if f.Message == "" {
					t.Errorf("%s: empty message", f.Rule)
				}
			}
		}
	}
}

// The readers of form fields that the rules and the forms package share.
func TestLocalFormRecordReaders(t *testing.T) {
	rec := localForm(TemplateBWMATPlan, "2026-10-22",
		FieldParentAgrees, " Yes ", FieldChildHappy, "N", FieldSchoolSigned, "22/10/2026",
		FieldParentSigned, "", FieldChildSigned, "no", FieldContactLog, "2026-11-04 phone call, 11/11/2026 visit\nnotes only\n2026-11-18")
	if yes, said := rec.YesNo(FieldParentAgrees); !yes || !said {
		t.Errorf("YesNo(%q) = %v, %v; want yes", rec.Fields[FieldParentAgrees], yes, said)
	}
	if yes, said := rec.YesNo(FieldChildHappy); yes || !said {
		t.Errorf("YesNo(N) = %v, %v; want no", yes, said)
	}
	if _, said := rec.YesNo("absent"); said {
		t.Error("an absent field is not an answer")
	}
	if d, ok := rec.DateAnswer(FieldSchoolSigned); !ok || !d.Equal(MustDate("2026-10-22")) {
		t.Errorf("DateAnswer(22/10/2026) = %s, %v", d, ok)
	}
	if got := rec.DateList(FieldContactLog); len(got) != 3 || !got[1].Equal(MustDate("2026-11-11")) {
		t.Errorf("DateList = %v, want 04/11, 11/11 and 18/11", got)
	}
	for key, wantMissing := range map[string]bool{FieldSchoolSigned: false, FieldParentSigned: true, FieldChildSigned: true, "absent": false} {
		if _, missing := signedOn(rec, key, rec.Completed); missing != wantMissing {
			t.Errorf("signedOn(%s) missing = %v, want %v", key, missing, wantMissing)
		}
	}
	if got := listPhrase([]string{"a", "b", "c"}); got != "a, b and c" {
		t.Errorf("listing = %q", got)
	}
}

// A document done once stays done: FirstCompleted is the earliest completion.
func TestLocalFirstCompleted(t *testing.T) {
	c := Case{Forms: []FormRecord{
		localForm(TemplateHaveringPlan, "2026-11-05"), localForm(TemplateHaveringPlan, ""),
		localForm(TemplateHaveringPlan, "2026-10-21"), localForm(TemplateOxonPlan, "2026-09-01"),
	}}
	if got := c.FirstCompleted(TemplateHaveringPlan); !got.Equal(MustDate("2026-10-21")) {
		t.Errorf("FirstCompleted = %s, want 2026-10-21", got)
	}
	if _, ok := c.CompletedForm(TemplateBWMATPlan); ok {
		t.Error("CompletedForm found a template the case does not have")
	}
}

// Every template ID of DESIGN.md is listed once.
func TestLocalTemplatesAreDesignMd(t *testing.T) {
	want := []string{"worcs.consent", "worcs.information", "worcs.views", "worcs.initial-meeting",
		"worcs.review", "worcs.outcome-successful", "worcs.outcome-unsuccessful", "worcs.failed-letter",
		"worcs.timetable", "bwmat.plan", "bwmat.risk-assessment", "oxon.plan", "havering.plan", "hillingdon.placement"}
	if !slices.Equal(Templates, want) {
		t.Errorf("Templates = %v\nwant %v", Templates, want)
	}
}

// Findings are read in groups: a blocker not met first, whatever its
// status; then overdue, due, not met, met and not applicable.
func TestFindingGroup(t *testing.T) {
	for _, tt := range []struct {
		f    Finding
		want FindingGroup
	}{
		{Finding{Severity: Blocker, Status: Overdue}, GroupBlocker},
		{Finding{Severity: Blocker, Status: Unmet}, GroupBlocker},
		{Finding{Severity: Blocker, Status: Met}, GroupMet},
		{Finding{Severity: Warning, Status: Overdue}, GroupOverdue},
		{Finding{Severity: Info, Status: Due}, GroupDue},
		{Finding{Severity: Warning, Status: Unmet}, GroupUnmet},
		{Finding{Severity: Blocker, Status: NotApplicable}, GroupNotApplicable},
	} {
		if got := tt.f.Group(); got != tt.want {
			t.Errorf("%s %s: group %d, want %d", tt.f.Severity, tt.f.Status, got, tt.want)
		}
	}
}
