package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// limitCase is a case with one of everything, each text short.
func limitCase() Case {
	return Case{
		Pupil: Pupil{Name: "Zoë Clarke", UPN: "A123456789012", YearGroup: "Y8"},
		Kind:  ReducedTimetable, Status: Active,
		Involvement:   []Involvement{{Role: SocialWorker, Name: "A Patel"}},
		Notifications: []Notification{{To: LocalAuthority, What: "plan", SentBy: "Ms R Khan"}},
		Extensions:    []Extension{{Reason: "needs longer"}},
		Reviews:       []Review{{Kind: "review", Notes: "settled"}},
		Forms:         []FormRecord{{Template: "bwmat.plan", Fields: map[string]string{"objectives": "attend"}}},
	}
}

// Every text field is refused one character past its limit, naming the
// field, and taken at the limit (counted in characters, not bytes: 200
// emoji are a name of 200 characters).
func TestCaseTextLimits(t *testing.T) {
	fields := []struct {
		name  string
		limit int
		set   func(c *Case, s string)
	}{
		{"pupil's name", MaxNameLength, func(c *Case, s string) { c.Pupil.Name = s }},
		{"pupil's UPN", MaxNameLength, func(c *Case, s string) { c.Pupil.UPN = s }},
		{"outcome note", MaxNoteLength, func(c *Case, s string) { c.OutcomeNote = s }},
		{"closed by", MaxNameLength, func(c *Case, s string) { c.ClosedBy = s }},
		{"closed with blockers open: reason", MaxNoteLength, func(c *Case, s string) { c.ClosedOver.Reason = s }},
		{"closed with blockers open: rule 1: ID", MaxNameLength, func(c *Case, s string) { c.ClosedOver.Blockers = []string{s} }},
		{"named person", MaxNameLength, func(c *Case, s string) { c.NamedPerson = s }},
		{"home learning", MaxNoteLength, func(c *Case, s string) { c.HomeLearning = s }},
		{"consent: parent's name", MaxNameLength, func(c *Case, s string) { c.Consent.ParentName = s }},
		{"consent: relationship", MaxNameLength, func(c *Case, s string) { c.Consent.Relationship = s }},
		{"consent: authorised by", MaxNameLength, func(c *Case, s string) { c.Consent.AuthorisedBy = s }},
		{"involvement 1: name", MaxNameLength, func(c *Case, s string) { c.Involvement[0].Name = s }},
		{"notification 1: what", MaxNameLength, func(c *Case, s string) { c.Notifications[0].What = s }},
		{"notification 1: sent by", MaxNameLength, func(c *Case, s string) { c.Notifications[0].SentBy = s }},
		{"extension 1: reason", MaxNoteLength, func(c *Case, s string) { c.Extensions[0].Reason = s }},
		{"review 1: kind", MaxNameLength, func(c *Case, s string) { c.Reviews[0].Kind = s }},
		{"review 1: notes", MaxNoteLength, func(c *Case, s string) { c.Reviews[0].Notes = s }},
		{"review 1: the pupil's views", MaxNoteLength, func(c *Case, s string) { c.Reviews[0].PupilViewsText = s }},
		{"review 1: the parent's views", MaxNoteLength, func(c *Case, s string) { c.Reviews[0].ParentViewsText = s }},
		{"review 1: decisions", MaxNoteLength, func(c *Case, s string) { c.Reviews[0].Decisions = s }},
		{"review 1: why it was struck out", MaxNoteLength, func(c *Case, s string) { c.Reviews[0].StruckOut.Reason = s }},
		{"form 1: template", MaxNameLength, func(c *Case, s string) { c.Forms[0].Template = s }},
		{`form 1 (bwmat.plan): field "objectives"`, MaxNoteLength, func(c *Case, s string) { c.Forms[0].Fields["objectives"] = s }},
		{`form 1 (bwmat.plan): the name of field "ééé`, MaxNameLength, func(c *Case, s string) {
			c.Forms[0].Fields = map[string]string{s: "x"}
		}},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			for _, char := range []string{"é", "🌟"} {
				c := limitCase()
				f.set(&c, strings.Repeat(char, f.limit))
				if err := c.CheckLimits(); err != nil {
					t.Errorf("%d × %q refused: %v", f.limit, char, err)
				}
			}
			c := limitCase()
			f.set(&c, strings.Repeat("é", f.limit+1))
			err := c.CheckLimits()
			var le *LimitError
			if !errors.As(err, &le) {
				t.Fatalf("%d characters taken (err %v)", f.limit+1, err)
			}
			want := fmt.Sprintf("has %s characters: the most it may have is %s; shorten it", Thousands(f.limit+1), Thousands(f.limit))
			if !strings.HasPrefix(err.Error(), f.name) || !strings.Contains(err.Error(), want) {
				t.Errorf("got %q, want it to begin %q and say %q", err, f.name, want)
			}
		})
	}
}

// Each list is refused past its limit, before its entries are looked at.
func TestCaseListLimits(t *testing.T) {
	lists := []struct {
		name, unit string
		limit      int
		grow       func(c *Case, n int)
	}{
		{"the timetable", "weeks", MaxWeeks, func(c *Case, n int) {
			monday := NewDate(2026, time.November, 2)
			for i := range n {
				c.Timetable = append(c.Timetable, Week{WeekBeginning: monday.AddDays(7 * i)})
			}
		}},
		{"the involvement list", "entries", MaxListItems, func(c *Case, n int) { c.Involvement = make([]Involvement, n) }},
		{"the notifications", "entries", MaxListItems, func(c *Case, n int) { c.Notifications = make([]Notification, n) }},
		{"the extensions", "entries", MaxListItems, func(c *Case, n int) { c.Extensions = make([]Extension, n) }},
		{"the reviews", "entries", MaxListItems, func(c *Case, n int) { c.Reviews = make([]Review, n) }},
		{"the forms", "entries", MaxListItems, func(c *Case, n int) { c.Forms = make([]FormRecord, n) }},
		{"form 1 (bwmat.plan)", "fields", MaxFormFields, func(c *Case, n int) {
			for i := range n {
				c.Forms[0].Fields[fmt.Sprint("field", i)] = "x"
			}
		}},
	}
	for _, l := range lists {
		t.Run(l.name, func(t *testing.T) {
			c := limitCase()
			l.grow(&c, l.limit-1) // the form has one field already
			if l.unit != "fields" {
				c = limitCase()
				l.grow(&c, l.limit)
			}
			if err := c.CheckLimits(); err != nil {
				t.Errorf("%d %s refused: %v", l.limit, l.unit, err)
			}
			c = limitCase()
			l.grow(&c, l.limit+1)
			want := fmt.Sprintf("%s has %s %s: the most it may have is %s; remove the ones not needed",
				l.name, Thousands(l.limit+1+btoi(l.unit == "fields")), l.unit, Thousands(l.limit))
			if err := c.CheckLimits(); err == nil || err.Error() != want {
				t.Errorf("got %v, want %q", err, want)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// All of a case's text together is limited too: 51 full review notes are
// over a million characters, though each note is within its own limit.
func TestCaseTextTogether(t *testing.T) {
	c := limitCase()
	note := strings.Repeat("é", MaxNoteLength)
	c.Reviews = nil
	for range MaxCaseText / MaxNoteLength {
		c.Reviews = append(c.Reviews, Review{Notes: note})
	}
	c.Reviews[0].Notes = note[:len(note)-200] // leave room for the other fields
	if err := c.CheckLimits(); err != nil {
		t.Fatalf("a million characters refused: %v", err)
	}
	c.Reviews = append(c.Reviews, Review{Notes: note})
	err := c.CheckLimits()
	if err == nil || !strings.Contains(err.Error(), "the case's text, all its fields and forms together, has 1,0") ||
		!strings.Contains(err.Error(), "the most it may have is 1,000,000") {
		t.Errorf("got %v", err)
	}
}

func TestSchoolLimits(t *testing.T) {
	sc := DefaultSchool()
	sc.Name = strings.Repeat("Ł", MaxNameLength)
	sc.Closures = make([]Closure, MaxListItems)
	if err := sc.CheckLimits(); err != nil {
		t.Fatalf("at the limits: %v", err)
	}
	for _, tc := range []struct {
		edit func(*School)
		want string
	}{
		{func(s *School) { s.Trust = strings.Repeat("x", 201) }, "trust has 201 characters"},
		{func(s *School) { s.Closures = append(s.Closures, Closure{}) }, "the school's closures has 501 entries"},
		{func(s *School) { s.Closures[3].Name = strings.Repeat("x", 201) }, "closure 4: name has 201 characters"},
	} {
		s := sc
		s.Closures = append([]Closure(nil), sc.Closures...)
		tc.edit(&s)
		if err := s.CheckLimits(); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}

// A case file past its limits is refused before its entries are walked:
// one problem, not one per week, and quickly (120,000 duplicate weeks took
// 36 s to refuse, one error each, before the limits).
func TestCaseFileLimits(t *testing.T) {
	week := `{"week_beginning": "2026-11-02"}`
	weeks := func(n int) []byte {
		return cfEdit(t, `[{"week_beginning": "2026-11-02", "sessions": {"mon": {"am": {"mode": "school"}}}}]`,
			"["+strings.TrimSuffix(strings.Repeat(week+",", n), ",")+"]")
	}
	tests := []struct {
		name string
		doc  []byte
		want cfWantError
	}{
		{"9.4 MB of duplicate weeks", weeks(300_000), cfWantError{"", "is 9.4 MB: a case file may be at most 8 MB; check it is the case file you meant"}},
		{"200,000 duplicate weeks in 6 MB", weeks(200_000), cfWantError{"timetable", "has 200,000 weeks: the most it may have is 104; remove the ones not needed"}},
		{"105 weeks", weeks(105), cfWantError{"timetable", "has 105 weeks: the most it may have is 104"}},
		{"501 reviews", cfEdit(t, `]}`, `], "reviews": [`+strings.TrimSuffix(strings.Repeat(`{},`, 501), ",")+`]}`),
			cfWantError{"reviews", "has 501 entries: the most it may have is 500"}},
		{"501 earlier plans", cfEdit(t, `]}`, `], "history": [`+strings.TrimSuffix(strings.Repeat(`{"kind": "reduced_timetable"},`, 501), ",")+`]}`),
			cfWantError{"history", "has 501 entries"}},
		{"a relationship of 201 characters", cfEdit(t, `"status": "active"`, `"status": "active", "consent": {"relationship": "`+strings.Repeat("a", 201)+`"}`),
			cfWantError{"", "consent: relationship has 201 characters: the most it may have is 200"}},
		{"a form field's name of 201 characters", cfEdit(t, `]}`, `], "forms": [{"template": "x", "fields": {"`+strings.Repeat("k", 201)+`": "v"}}]}`),
			cfWantError{"forms[0].fields." + strings.Repeat("k", 201), "the field's name has 201 characters"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := ParseCaseFile(tc.doc)
			took := time.Since(start)
			var errs CaseFileErrors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("want one problem, got %d: %.300v", len(errs), err)
			}
			if errs[0].Path != tc.want.path || !strings.Contains(errs[0].Message, tc.want.says) {
				t.Errorf("got %s: %q, want %s: %q", errs[0].Path, errs[0].Message, tc.want.path, tc.want.says)
			}
			t.Logf("%d bytes refused in %v", len(tc.doc), took)
		})
	}
	if _, err := ParseCaseFile(weeks(1)); err != nil {
		t.Fatalf("one week: %v", err)
	}
}

// A file with thousands of problems stops listing them after a thousand.
func TestCaseFileProblemsStop(t *testing.T) {
	var keys strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&keys, `, "nickname%d": 1`, i)
	}
	_, err := ParseCaseFile(cfEdit(t, `"year_group": "Y8"`, `"year_group": "Y8"`+keys.String()))
	var errs CaseFileErrors
	if !errors.As(err, &errs) || len(errs) != cfMaxErrors+1 {
		t.Fatalf("got %d problems, want %d", len(errs), cfMaxErrors+1)
	}
	if last := errs[len(errs)-1].Message; !strings.Contains(last, "has more than 1,000 problems: reading stopped there") {
		t.Errorf("last problem: %q", last)
	}
}

func TestThousandsAndSize(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20000: "20,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{900: "900 bytes", 512 << 10: "512 KB", 8 << 20: "8 MB", 3 << 19: "1.5 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
