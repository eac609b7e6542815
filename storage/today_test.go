package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"reintegrate/model"
)

// todayFixture: Zoë's active plan (02/11 to 11/12/2026, extended to 18/12),
// Łukasz's active plan with no week planned for 16/11, a closed and a draft
// case that must not show, and a plan that starts later.
func todayFixture(t *testing.T) (*Store, model.Case) {
	s := openTemp(t)
	zoe := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	lukasz := savePupil(t, s, model.Pupil{Name: "Łukasz Wiśniewski", DateOfBirth: d("2021-01-05"), YearGroup: "R"})
	mustCreateCase(t, s, model.Case{Pupil: lukasz, Kind: model.SuspensionReintegration, Status: model.Active,
		Start: d("2026-11-02"), PlannedEnd: d("2026-11-20")})
	amir := savePupil(t, s, model.Pupil{Name: "Amir Patel", YearGroup: "Y5"})
	for _, st := range []model.CaseStatus{model.Closed, model.Draft} {
		c := fullCase(amir)
		c.Status = st
		mustCreateCase(t, s, c)
	}
	later := fullCase(savePupil(t, s, model.Pupil{Name: "Aoife Byrne", YearGroup: "Y7"}))
	later.Start, later.PlannedEnd, later.Extensions = d("2026-11-23"), d("2027-01-08"), nil
	mustCreateCase(t, s, later)
	return s, zoe
}

func TestToday(t *testing.T) {
	s, zoe := todayFixture(t)
	tests := []struct {
		name    string
		on      string
		pupils  []string
		planned []bool
		zoeAM   model.Session
		zoePM   model.Session
	}{
		{"Tuesday of week one: a partial off-site afternoon", "2026-11-03", []string{"Łukasz Wiśniewski", "Zoë Ó Briain"}, []bool{false, true},
			zoe.Timetable[0].Days[1][model.AM], model.Session{Mode: model.Offsite, Minutes: 120, Partial: true}},
		{"Friday of week two", "2026-11-13", []string{"Łukasz Wiśniewski", "Zoë Ó Briain"}, []bool{false, true},
			model.Session{Mode: model.InSchool}, model.Session{Mode: model.NoSession}},
		{"weekend: covered, no sessions", "2026-11-08", []string{"Łukasz Wiśniewski", "Zoë Ó Briain"}, []bool{false, false},
			model.Session{}, model.Session{}},
		// 002 s5.10: the extension moves the end; Łukasz's plan has ended.
		{"after the planned end, within the extension", "2026-12-16", []string{"Aoife Byrne", "Zoë Ó Briain"}, []bool{false, false},
			model.Session{}, model.Session{}},
		{"after every plan", "2027-02-01", nil, nil, model.Session{}, model.Session{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, err := s.Today(ctx, d(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			var pupils []string
			var planned []bool
			for _, e := range entries {
				pupils = append(pupils, e.Pupil.Name)
				planned = append(planned, e.Planned)
				if e.CaseID == zoe.ID {
					same(t, "Zoë's sessions", [2]model.Session{e.AM, e.PM}, [2]model.Session{tt.zoeAM, tt.zoePM})
					same(t, "Zoë's pupil", e.Pupil, zoe.Pupil)
				}
			}
			same(t, "pupils", pupils, tt.pupils)
			same(t, "planned", planned, tt.planned)
		})
	}
	wantErr(t, func() error { _, err := s.Today(ctx, model.Date{}); return err }(), nil, "no date given")
}

// The daily lookup must be one indexed query: no full scan of weeks.
func TestTodayUsesIndexes(t *testing.T) {
	s, _ := todayFixture(t)
	rows, err := s.reader.QueryContext(ctx, "EXPLAIN QUERY PLAN "+todayQuery, "2026-11-03", "2026-11-02")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, step := range plan {
		if strings.HasPrefix(step, "SCAN") || strings.Contains(step, "TEMP B-TREE") {
			t.Errorf("query plan scans a whole table: %q", plan)
		}
	}
	if len(plan) < 3 {
		t.Errorf("query plan %q", plan)
	}
}

// cacheAll fills the findings cache for every active case as of on, with
// a met finding for each and an overdue review for Zoë, and returns the
// active case ids and the overdue finding.
func cacheAll(t *testing.T, s *Store, on model.Date, zoe int64) ([]int64, model.Finding) {
	active, err := s.ActiveCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	overdue := model.Finding{Rule: "reviews.scheduled", Pack: model.National, Status: model.Overdue,
		Severity: model.Warning, Due: d("2026-11-16"), Message: "review overdue since 16/11/2026", Source: "002 appendix 1"}
	var ids []int64
	var batch []CaseFindings
	for _, c := range active {
		f := []model.Finding{{Rule: "end-date.set", Pack: model.National, Status: model.Met, Severity: model.Blocker}}
		if c.ID == zoe {
			f = append(f, overdue)
		}
		ids = append(ids, c.ID)
		batch = append(batch, CaseFindings{CaseID: c.ID, Version: c.Version, Findings: f})
	}
	if err := s.SaveAllFindings(ctx, on, batch); err != nil {
		t.Fatal(err)
	}
	return ids, overdue
}

func wantStale(t *testing.T, s *Store, on model.Date, step string, want []int64) map[int64][]model.Finding {
	t.Helper()
	cached, stale, err := s.Findings(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stale, want) {
		t.Errorf("%s: stale %v, want %v", step, stale, want)
	}
	return cached
}

func TestFindingsCacheKeepsOutstandingFindingsForOneDate(t *testing.T) {
	s, zoe := todayFixture(t)
	on := d("2026-11-03")
	if _, stale, _ := s.Findings(ctx, on); len(stale) != 3 {
		t.Errorf("with nothing cached %d stale, want all 3 active cases", len(stale))
	}
	active, overdue := cacheAll(t, s, on, zoe.ID)
	cached := wantStale(t, s, on, "all saved", nil)
	same(t, "Zoë's cached findings (met ones are not kept)", cached[zoe.ID], []model.Finding{overdue})
	if len(cached) != len(active) {
		t.Errorf("cached cases = %d, want %d", len(cached), len(active))
	}
	if other := cached[active[1]]; other == nil || len(other) != 0 {
		t.Errorf("a fresh case with nothing outstanding maps to %v, want an empty list", other)
	}
	wantStale(t, s, d("2026-11-04"), "on another date", active)
}

// A saved case is stale; so are the pupil's cases when the pupil changes
// (flags decide who must be involved); the school profile makes all stale.
func TestFindingsCacheIsClearedByChanges(t *testing.T) {
	s, zoe := todayFixture(t)
	on := d("2026-11-03")
	active, _ := cacheAll(t, s, on, zoe.ID)
	c, v, _ := s.Case(ctx, zoe.ID)
	c.NamedPerson = "Mr B Okafor"
	if _, err := s.SaveCase(ctx, c, v); err != nil {
		t.Fatal(err)
	}
	wantStale(t, s, on, "after SaveCase", []int64{zoe.ID})
	// A result worked out from the old version is not stored over the change.
	if err := s.SaveFindings(ctx, on, zoe.ID, v, nil); err != nil {
		t.Fatal(err)
	}
	wantStale(t, s, on, "after saving findings for an old version", []int64{zoe.ID})
	if err := s.SaveFindings(ctx, on, zoe.ID, v+1, nil); err != nil {
		t.Fatal(err)
	}
	wantStale(t, s, on, "after saving the new version", nil)
	p := c.Pupil
	p.Flags = append(p.Flags, model.ChildProtection)
	savePupil(t, s, p)
	wantStale(t, s, on, "after the pupil's flags changed", []int64{zoe.ID})
	if err := s.SaveSchool(ctx, model.DefaultSchool()); err != nil {
		t.Fatal(err)
	}
	wantStale(t, s, on, "after the school profile changed", active)
}

func TestActiveCasesLoadsEverything(t *testing.T) {
	s, zoe := todayFixture(t)
	earlier := model.Case{Pupil: zoe.Pupil, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour},
		Start: d("2025-03-03"), Closed: d("2025-04-11"), Status: model.Closed}
	mustCreateCase(t, s, earlier)
	active, err := s.ActiveCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 3 {
		t.Fatalf("active cases = %d, want 3", len(active))
	}
	for _, lc := range active {
		one, version, err := s.Case(ctx, lc.ID)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "active case as Case loads it", lc.Case, one)
		if lc.Version != version {
			t.Errorf("case %d version %d, want %d", lc.ID, lc.Version, version)
		}
		history, _ := s.History(ctx, lc.Pupil.ID, lc.ID)
		same(t, "history", lc.History, history)
	}
	if active[0].ID != zoe.ID || len(active[0].History) != 1 {
		t.Errorf("Zoë's case should carry her earlier behaviour plan (002 s5.10): %+v", active[0].History)
	}
}

// dutyFixture caches findings as of 03/11/2026 for the three active cases
// of todayFixture: Zoë's and Łukasz's plans run that day, Aoife's starts
// on 23/11 but is active, so her duties are listed too.
func dutyFixture(t *testing.T) (*Store, map[string]int64) {
	s, _ := todayFixture(t)
	active, err := s.ActiveCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	f := func(rule string, st model.Status, sev model.Severity, due string) model.Finding {
		var d model.Date
		if due != "" {
			d = model.MustDate(due)
		}
		return model.Finding{Rule: rule, Pack: model.National, Status: st, Severity: sev, Due: d, Message: rule, Source: "RULES.md"}
	}
	findings := map[string][]model.Finding{
		"Zoë Ó Briain": {
			f("notify.la", model.Overdue, model.Warning, "2026-11-02"),
			f("reviews.scheduled", model.Overdue, model.Warning, "2026-11-16"),
			f("duration.limit", model.Unmet, model.Warning, ""), // outstanding, but not a duty
		},
		"Łukasz Wiśniewski": {
			f("consent.parent", model.Unmet, model.Blocker, ""),
			f("notify.la", model.Overdue, model.Warning, "2026-11-02"),
			f("reviews.scheduled", model.Due, model.Info, "2026-11-20"),
		},
		"Aoife Byrne": {f("risk-assessment.before-start", model.Overdue, model.Blocker, "2026-11-02")},
	}
	var batch []CaseFindings
	for _, c := range active {
		ids[c.Pupil.Name] = c.ID
		batch = append(batch, CaseFindings{CaseID: c.ID, Version: c.Version, Findings: findings[c.Pupil.Name]})
	}
	if err := s.SaveAllFindings(ctx, d("2026-11-03"), batch); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func TestDuties(t *testing.T) {
	s, ids := dutyFixture(t)
	duties, err := s.Duties(ctx, d("2026-11-03"))
	if err != nil {
		t.Fatal(err)
	}
	if n := duties.Blockers(); n != 2 {
		t.Errorf("%d blockers, want 2", n)
	}
	var got []string
	for d := range duties.All() {
		if d.CaseID != ids[d.Pupil] {
			t.Errorf("duty %s: case %d is not %s's (%d)", d.Rule, d.CaseID, d.Pupil, ids[d.Pupil])
		}
		got = append(got, d.Pupil+" "+d.Rule)
	}
	same(t, "duties in the daily list's order", got, []string{
		// Blockers first, the dated one before the undated; Aoife's plan
		// does not run on the day, but her case is active, so it is listed
		// with her name.
		"Aoife Byrne risk-assessment.before-start",
		"Łukasz Wiśniewski consent.parent",
		// Then overdue by deadline; on the same deadline by name, accents
		// beside their letters: Łukasz before Zoë (byte order says Zoë).
		"Łukasz Wiśniewski notify.la",
		"Zoë Ó Briain notify.la",
		"Zoë Ó Briain reviews.scheduled",
		// Then due. Zoë's unmet warning is outstanding but not a duty.
		"Łukasz Wiśniewski reviews.scheduled",
	})
}

// The duties of a case come packed in one text (dutiesQuery). A cached
// message holding the duties' separator (written by something other than
// this reintegrate: CleanText keeps it out) does not garble the list: that
// case is worked out afresh by the rules, and the others are still read
// from the cache.
func TestDutiesCheckACaseWhoseCacheDoesNotUnpack(t *testing.T) {
	s, ids := dutyFixture(t)
	on := d("2026-11-03")
	if _, err := s.writer.ExecContext(ctx, "UPDATE findings SET message = 'a'||char(30)||'b' WHERE case_id = ? AND rule = 'notify.la'",
		ids["Zoë Ó Briain"]); err != nil {
		t.Fatal(err)
	}
	duties, err := s.Duties(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	school, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	zoe, _, err := s.Case(ctx, ids["Zoë Ó Briain"])
	if err != nil {
		t.Fatal(err)
	}
	history, _ := s.History(ctx, zoe.Pupil.ID, zoe.ID)
	want := map[string]bool{}
	for _, f := range model.Check(zoe, history, school.Calendar(), school.Packs, on) {
		if IsDuty(f) {
			want[f.Rule+" "+f.Message] = true
		}
	}
	got := map[string]bool{}
	others := 0
	for d := range duties.All() {
		if strings.ContainsRune(d.Message, 0x1e) {
			t.Errorf("a duty's message holds the packing's separator: %q", d.Message)
		}
		if d.CaseID == zoe.ID {
			got[d.Rule+" "+d.Message] = true
		} else {
			others++
		}
	}
	same(t, "Zoë's duties, worked out afresh", got, want)
	if others != 4 {
		t.Errorf("%d duties of the other cases, want their 4 cached ones", others)
	}
}

// With nothing cached, Duties checks every active case with the school's
// packs and lists exactly the due, overdue and blocking findings; the
// next call reads the same list from the cache.
func TestDutiesChecksStaleCasesThenReadsTheCache(t *testing.T) {
	s, _ := todayFixture(t)
	on := d("2026-11-30") // Zoë's review due, Łukasz's overdue, unmet warnings
	school, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	active, err := s.ActiveCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, c := range active {
		for _, f := range model.Check(c.Case, c.History, school.Calendar(), school.Packs, on) {
			if f.Status == model.Due || f.Status == model.Overdue || f.Blocks() {
				want[fmt.Sprintf("%d %s %s", c.ID, f.Rule, f.Status)] = true
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the fixture should have duties as of 30/11/2026")
	}
	first, err := s.Duties(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for d := range first.All() {
		got[fmt.Sprintf("%d %s %s", d.CaseID, d.Rule, d.Status)] = true
	}
	same(t, "duties worked out by the rules", got, want)
	if _, stale, _ := s.Findings(ctx, on); len(stale) != 0 {
		t.Errorf("after Duties %d cases are still stale", len(stale))
	}
	second, err := s.Duties(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "duties read back from the cache", slices.Collect(second.All()), slices.Collect(first.All()))
}

// The cache read is one pass over the active cases by index, with no
// sort: a school's duties come in the order of the keys. The duties read
// is one pass over the covering index of schema 3, which holds only the
// duties, in case order (no sort); both of today's reads find the active
// cases in schema 4's index alone.
func TestCacheQueryUsesIndexes(t *testing.T) {
	s, _ := dutyFixture(t)
	checkActiveCasesIndex(t, s)
	for _, q := range []struct {
		name, query string
		want        []string // how the plan's steps begin
	}{
		{"cacheQuery", cacheQuery, []string{"SEARCH c USING", "SEARCH p USING", "SEARCH fc USING",
			"SEARCH f USING PRIMARY KEY (case_id=?)"}},
		{"dutyCasesQuery", dutyCasesQuery, []string{"SEARCH c USING COVERING INDEX cases_by_status", "SEARCH p USING",
			"SEARCH fc USING INTEGER PRIMARY KEY"}},
		{"dutiesQuery", dutiesQuery, []string{"SCAN findings USING COVERING INDEX findings_duties"}},
	} {
		plan := queryPlan(t, s.reader, q.query, "2026-11-03")
		for _, step := range plan {
			if strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("%s: query plan sorts: %q", q.name, plan)
			}
		}
		if !slices.EqualFunc(plan, q.want, strings.HasPrefix) {
			t.Errorf("%s: query plan %q, want steps beginning %q", q.name, plan, q.want)
		}
	}
}

// queryPlan is SQLite's plan for a query, one line a step. EXPLAIN does
// not check the schema is current, so db must have seen the latest one.
func queryPlan(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// ReadDay is Today and Duties side by side: the same lists, the duties on
// the connection Open left ready and the day's list on a second (or the
// first, if the duties are done by then), so the lookup opens at most one
// connection more than Open did. An error from then is the lookup's.
func TestReadDay(t *testing.T) {
	s, _ := dutyFixture(t)
	on := d("2026-11-03")
	wantEntries, err := s.Today(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	wantDuties, err := s.Duties(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	s2 := openAt(t, s.Path()) // a fresh store: one read connection, as Open leaves it
	if n := s2.reader.Stats().OpenConnections; n != 1 {
		t.Fatalf("Open left %d read connections, want 1", n)
	}
	var gotSchool model.School
	var gotEntries []TodayEntry
	duties, err := s2.ReadDay(ctx, on, func(school model.School, entries []TodayEntry) error {
		gotSchool, gotEntries = school, entries
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "the day's list", gotEntries, wantEntries)
	same(t, "the duties", slices.Collect(duties.All()), slices.Collect(wantDuties.All()))
	wantSchool, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "the school profile", gotSchool, wantSchool)
	if n := s2.reader.Stats().OpenConnections; n > 2 {
		t.Errorf("after ReadDay %d read connections are open, want at most 2", n)
	}
	refused := errors.New("the layout failed")
	if _, err := s2.ReadDay(ctx, on, func(model.School, []TodayEntry) error { return refused }); !errors.Is(err, refused) {
		t.Errorf("ReadDay with a failing then: %v, want %v", err, refused)
	}
}

// DutyListOf puts whole duties in the daily list's order, as Duties does:
// the list read back in reverse comes out as it was.
func TestDutyListOfKeepsTheDailyOrder(t *testing.T) {
	s, _ := dutyFixture(t)
	duties, err := s.Duties(ctx, d("2026-11-03"))
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Collect(duties.All())
	reversed := slices.Clone(want)
	slices.Reverse(reversed)
	got := DutyListOf(reversed)
	same(t, "the duties put in order again", slices.Collect(got.All()), want)
	if got.Blockers() != duties.Blockers() {
		t.Errorf("%d blockers, want %d", got.Blockers(), duties.Blockers())
	}
}
