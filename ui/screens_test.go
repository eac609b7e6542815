package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zoë Brontë", "zoe bronte"},
		{"Łukasz Nowak", "lukasz nowak"},
		{"Nguyễn Văn An", "nguyen van an"},
		{"Øyvind Straße", "oyvind strasse"},
		{"Siobhán Ní Bhriain", "siobhan ni bhriain"},
		{"ZOË", "zoe"},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchIsAccentInsensitiveAndFuzzy(t *testing.T) {
	names := foldedNames{fold("Sam Taylor"), fold("Zoë Brontë"), fold("Łukasz Nowak"), fold("Nguyễn Văn An")}
	tests := []struct {
		pattern string
		want    []int
	}{
		{"zoe", []int{1}},
		{"Zoë", []int{1}},
		{"lukasz", []int{2}},
		{"nguyen", []int{3}},
		{"smtl", []int{0}}, // fuzzy: letters in order
		{"", []int{0, 1, 2, 3}},
		{"xyz", []int{}},
	}
	for _, tt := range tests {
		if got := search(tt.pattern, names); !slices.Equal(got, tt.want) && len(got)+len(tt.want) > 0 {
			t.Errorf("search(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestTodayShowsCodesAndDuties(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	// RULES.md register codes: / in school am, \ in school pm, D dual, C2
	// not required (compulsory school age), X not of compulsory school age
	// (Nguyễn is in Y12, 17 on 04/11/2026).
	d.mustSee("Wednesday 04/11/2026 · a school day", "On reduced timetables today: 4",
		"/  school", "C2 none", "D  dual reg", "\\  school", "X  none",
		"OVERDUE", "DUE", "BLOCKER ×1", "no written agreement from a parent")
	d.mustNotSee("Aisha Khan", "Oliver Smith") // a draft and a closed case are not on today's register
}

func TestTodayOnANonSchoolDay(t *testing.T) {
	tests := []struct{ on, want string }{
		{"2026-11-07", "not a school day (weekend)"},
		{"2026-11-06", "not a school day (INSET)"},
		{"2026-12-25", "not a school day (Christmas Day)"},
	}
	for _, tt := range tests {
		store := newFakeStore(testSchool())
		seed(store)
		m := New(store, testSchool(), date(tt.on), Options{Forms: fakeForms{}})
		d := &driver{t: t, m: m, store: store}
		d.run(m.Init())
		if !strings.Contains(d.view(), tt.want) {
			t.Errorf("on %s the screen does not say %q:\n%s", tt.on, tt.want, d.view())
		}
	}
}

func TestTodayEnterOpensTheChosenCase(t *testing.T) {
	d := newDriver(t, 80, 24, false)
	d.keys("down", "enter")
	d.mustSee("Today › Zoë Brontë", "1 Overview")
	d.keys("esc")
	d.mustSee("On reduced timetables today")
}

func TestPrivacyKeyHidesNames(t *testing.T) {
	d := newDriver(t, 80, 24, false)
	d.keys("ctrl+p")
	d.mustSee("NAMES HIDDEN", "S. T.", "Z. B.", "Ł. N.")
	d.mustNotSee("Sam Taylor", "Brontë", "Nowak")
	d.keys("enter")
	d.mustSee("Today › S. T.")
	d.mustNotSee("Sam Taylor")
	d.keys("ctrl+p")
	d.mustSee("Sam Taylor")
}

func TestCasesSearchAndFilters(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("c")
	d.mustSee("5 of 6 cases") // open cases: the closed one waits for the filter
	d.keys("lukasz")
	d.mustSee("1 of 6 cases", "Łukasz Nowak", "From AP")
	d.mustNotSee("Sam Taylor")
	d.keys("esc")
	d.mustSee("5 of 6 cases")
	d.keys("tab")
	d.mustSee("Status: active", "4 of 6 cases")
	d.keys("shift+tab", "shift+tab")
	d.mustSee("Kind: Reintegration from AP", "1 of 6 cases")
	d.keys("tab", "tab", "tab", "tab", "shift+tab", "shift+tab")
	d.mustSee("Status: open (active and draft)", "Kind: any", "5 of 6 cases")
	d.keys("q", "z") // letters type into the search, q does not quit
	if d.quit {
		t.Fatal("q in the search box quit the app")
	}
	d.keys("backspace", "backspace", "zoe", "enter")
	d.mustSee("Cases › Zoë Brontë")
	d.keys("esc", "esc", "esc")
	d.mustSee("On reduced timetables today")
}

func TestCasesShowWeekAndHours(t *testing.T) {
	d := newDriver(t, 120, 30, false)
	d.keys("c")
	// 002 s2 LGSCO hours: Y8 24 h, 19.2 in a four-day week; Y12 has none.
	d.mustSee("week 1 of 6", "14/19.2 h 73% below", "20/19.2 h full time", "12 h (no threshold)",
		"starts 16/11/2026", "no week planned")
}

func TestCaseFindingsWithTheRealRules(t *testing.T) {
	// Zoë's plan has no parental consent: 002 s5.2-5.3 and reg 11(6) make
	// that a blocker, shown in words.
	d := newDriver(t, 120, 40, true)
	d.keys("down", "enter", "2")
	d.mustSee("Blockers (", "BLOCKER written parental consent", "source: reg 11(6) 2024 Regs", "rule consent.parent")
	d.keys("1")
	d.mustSee("BLOCKER", "Consent    NOT RECORDED")
}

func TestCaseTabsAndHistory(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter")
	d.mustSee("[1 Overview]", "Child in Need plan, SEN support", "social worker: A Patel")
	d.keys("tab")
	d.mustSee("[2 Findings]", "OVERDUE the local authority was not sent the plan", "rule notify.la")
	d.keys("5")
	d.mustSee("[5 History]", "rkhan", "create")
	d.keys("shift+tab")
	d.mustSee("[4 Reviews]", "Reviews held: 0", "next by 16/11/2026", "not held")
}

func TestAuditText(t *testing.T) {
	tests := []struct {
		before, after, want string
	}{
		{`null`, `{"Kind":"x"}`, "create"},
		{`{"Timetable":[1],"Forms":[]}`, `{"Timetable":[2],"Forms":[]}`, "update: timetable"},
		{`{"A":1,"B":2}`, `{"A":2}`, "update: a, b"},
		{`{"A":1}`, `{"A":1}`, "update: no visible change"},
	}
	for _, tt := range tests {
		action := "update"
		if tt.before == "null" {
			action = "create"
		}
		got := auditText(AuditEntry{Action: action, Before: []byte(tt.before), After: []byte(tt.after)})
		if got != tt.want {
			t.Errorf("auditText(%s -> %s) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}

func TestFormFillSavesRecordAndCaseData(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("down", "enter", "3", "enter")
	d.mustSee("Parental consent · Zoë Brontë", "Parent or carer's name")
	d.keys("Mrs E Brontë", "enter", "03/11/2026", "enter")
	// Completed on the day it was signed, not the day it was typed (04/11).
	d.mustSee("Parental consent saved.", "completed 03/11/2026")
	got := d.store.lastSave
	rec, ok := got.Form("test.consent")
	if !ok || rec.Completed != date("2026-11-03") || rec.Fields["parent"] != "Mrs E Brontë" || rec.Version != 1 {
		t.Fatalf("form record = %+v (found %v); want completed 03/11/2026 with the parent's name, version 1", rec, ok)
	}
	if got.Consent.ParentName != "Mrs E Brontë" || got.Consent.Signed != date("2026-11-03") {
		t.Fatalf("consent = %+v; the form's case data did not reach the case", got.Consent)
	}
}

func TestFormValidationKeepsAnswers(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter", "enter", "03/11/2026", "enter")
	// The whole-form check refuses an empty name and names the field.
	d.mustSee("Parent or carer's name: type the name of the parent who signed")
	if d.store.saves != 0 {
		t.Fatalf("a refused form was saved")
	}
	d.keys("J Taylor", "enter", "enter")
	d.mustSee("Parental consent saved.")
	if rec, _ := d.store.lastSave.Form("test.consent"); rec.Fields["signed"] != "03/11/2026" {
		t.Fatalf("the date typed before the refusal was lost: %+v", rec)
	}
}

func TestFormLeaveAsksAndKeepsPartDone(t *testing.T) {
	tests := []struct {
		answer, see string
		saves       int
	}{
		{"y", "nothing was saved", 0},
		{"d", "kept as a draft", 1},
		{"esc", "Parent or carer's name", 0},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			d := newDriver(t, 100, 30, false)
			d.keys("enter", "3", "enter", "J", "esc")
			d.mustSee("Leave and lose your answers?")
			d.keys(tt.answer)
			d.mustSee(tt.see)
			if d.store.saves != tt.saves {
				t.Fatalf("saves = %d, want %d", d.store.saves, tt.saves)
			}
			if tt.answer == "d" {
				d.mustSee("draft · 1 to fill", "Signed on")
				if rec, _ := d.store.lastSave.Form("test.consent"); !rec.Completed.IsZero() || rec.Fields["parent"] != "J" {
					t.Fatalf("part-done record = %+v, want no completed date and the typed name", rec)
				}
			}
		})
	}
}

func TestFormLeavesAtOnceWhenUntouched(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter", "esc")
	d.mustSee("[3 Forms]")
}

func TestNewCaseForAnExistingPupil(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("n", "aisha", "enter")
	d.mustSee("New case for Aisha Khan", "Kind of plan")
	// kind, reasons, start, end, named person, then the forms to fill now.
	d.keys("enter", "enter", "enter", "enter", "Mr B Lee", "enter", "space", "enter")
	d.mustSee("Aisha Khan", "Parental consent")
	var made model.Case
	for _, fc := range d.store.cases {
		if fc.c.NamedPerson == "Mr B Lee" {
			made = fc.c
		}
	}
	// model.Calendar.PlanEnd: every seed caps a plan at six weeks (000; 001; 002 s5.10).
	if made.Status != model.Draft || made.Start != testOn || made.PlannedEnd != date("2026-12-11") || len(made.Timetable) != 6 {
		t.Fatalf("new case = status %q, %s to %s, %d weeks; want a draft from 04/11/2026 to 11/12/2026 with 6 weeks",
			made.Status, made.Start, made.PlannedEnd, len(made.Timetable))
	}
}

func TestNewCaseRefusesBadDates(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("n", "aisha", "enter", "enter", "enter")
	for range 10 {
		d.keys("backspace")
	}
	d.keys("31/02/2026", "enter")
	d.mustSee("Start:", "not a real date")
}

func TestNewCaseNewPupilChecksFields(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("n", "enter", "enter")
	d.mustSee("Name: type the pupil's full name")
	d.keys("Siobhán Ní Bhriain", "enter", "2013/13/01", "enter")
	d.mustSee("Date of birth:")
	for range 10 {
		d.keys("backspace")
	}
	d.keys("01/09/2013", "enter", "123", "enter")
	d.mustSee(`UPN: "123" is not a UPN: type the 13 characters from the MIS`)
}

func TestSettingsEditAndClosures(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("s")
	d.mustSee("St George's School", "Packs on: national, bwmat", "06/11/2026", "INSET")
	d.keys("e", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	d.send(tea.KeyPressMsg(tea.Key{Code: 'j', Mod: tea.ModCtrl})) // a new line in the text box
	d.keys("15/02/2027-19/02/2027 Half term", "enter")
	d.mustSee("Settings saved.", "15/02/2027 to 19/02/2027 Half term")
	if n := len(d.store.school.Closures); n != 3 {
		t.Fatalf("saved %d closures, want the two there and the one typed", n)
	}
	if d.root().common.Cal.IsSchoolDay(date("2027-02-16")) {
		t.Fatal("the new half term is still a school day to the app")
	}
}

func TestParseClosures(t *testing.T) {
	tests := []struct {
		text    string
		want    int
		wantErr string
	}{
		{"06/11/2026 INSET", 1, ""},
		{"21/12/2026-01/01/2027 Christmas\n\n2026-11-06 INSET", 2, ""},
		{"06/11/2026", 1, ""},
		{"06/11/2026 INSET\n31/02/2027 Bad", 0, "Holidays, line 2"},
		{"01/01/2027-21/12/2026 Backwards", 0, "ends before it starts"},
		{"tomorrow", 0, "type DD/MM/YYYY"},
	}
	for _, tt := range tests {
		got, err := parseClosures(tt.text)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseClosures(%q) err = %v, want %q", tt.text, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || len(got) != tt.want):
			t.Errorf("parseClosures(%q) = %d closures, %v; want %d", tt.text, len(got), err, tt.want)
		}
	}
	cl := model.Closure{First: date("2026-12-21"), Last: date("2027-01-01"), Name: "Christmas"}
	if back, err := parseClosures(closureLine(cl)); err != nil || back[0] != cl {
		t.Errorf("closureLine does not read back: %v %v", back, err)
	}
}

func TestHelpAndQuit(t *testing.T) {
	d := newDriver(t, 80, 24, false)
	d.keys("?")
	d.mustSee("All keys on Today", "initials only", "hide screen", "new case")
	d.keys("esc")
	d.mustSee("On reduced timetables today")
	d.keys("enter", "q") // below the top, q steps back
	if d.quit {
		t.Fatal("q quit from the Case screen")
	}
	d.mustSee("On reduced timetables today")
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit from the Today screen")
	}
}

func TestHelpWhileTyping(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter")
	d.mustSee("f1 all keys")
	d.send(tea.KeyPressMsg(tea.Key{Code: tea.KeyF1}))
	d.mustSee("All keys on Parental consent")
}

func TestSanitiseStopsEscapes(t *testing.T) {
	got := sanitise("Sam\x1b[2JTaylor\u202e\x07")
	if got != "SamTaylor" {
		t.Errorf("sanitise = %q, want the control sequences gone", got)
	}
}

// One UPN rule everywhere: the check letter (B123456789012's should be A),
// and a UPN another pupil on roll has is refused at the field.
func TestCheckUPN(t *testing.T) {
	a := newPupilAnswers(model.Pupil{ID: 7}, []model.Pupil{{ID: 3, Name: "Zoë Clarke", UPN: "J801200000101", YearGroup: "Y8"}}, testOn)
	for s, want := range map[string]string{"": "", "A123456789012": "", "a12345678901B": "", " j801200000101": "is Zoë Clarke's (Y8)",
		"B123456789012": "its check letter should be A", "123": "not a UPN", "1234567890123": "not a UPN", "A12345678901": "not a UPN"} {
		err := a.checkUPN(s)
		if (err == nil) != (want == "") || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("checkUPN(%q) = %v, want %q", s, err, want)
		}
	}
	a.self = 3 // Zoë's own UPN is hers to keep
	if err := a.checkUPN("J801200000101"); err != nil {
		t.Errorf("editing Zoë: %v", err)
	}
}
