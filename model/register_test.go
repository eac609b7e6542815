package model

import "testing"

// RULES.md, "Register codes for a session": present (/ am, \ pm), B, D, K,
// C2 for a session not required of a pupil of compulsory school age, X for
// one below it; 002 s6 ("C Code", "B Code"); 001 process 5 (code D).
func TestRegisterCode(t *testing.T) {
	cal := NewCalendar(Closure{First: MustDate("2026-11-13"), Last: MustDate("2026-11-13"), Name: "INSET day"})
	y8 := Pupil{Name: "Nguyễn Văn An", DateOfBirth: MustDate("2013-04-02"), YearGroup: "Y8"}
	// Born 15/06/2021: fifth birthday 15/06/2026, compulsory school age from 31/08/2026.
	reception := Pupil{Name: "Zoë Brontë", DateOfBirth: MustDate("2021-06-15"), YearGroup: "R"}
	// Born 01/10/2009: turned 16 in 2025/26, so compulsory school age ended 26/06/2026.
	y12 := Pupil{Name: "Łukasz Nowak", DateOfBirth: MustDate("2009-10-01"), YearGroup: "Y12"}
	const wed = "2026-11-04"
	tests := []struct {
		name     string
		s        Session
		h        Half
		p        Pupil
		on       string
		calendar *Calendar
		want     string
	}{
		{"in school, am", sessFull(InSchool), AM, y8, wed, cal, "/"},
		{"in school, pm", sessFull(InSchool), PM, y8, wed, cal, `\`},
		{"partial in school is still present", sessPart(InSchool, 60), PM, y8, wed, cal, `\`},
		{"approved off-site", sessFull(Offsite), AM, y8, wed, cal, "B"},
		{"dual registered", sessFull(Dual), PM, y8, wed, cal, "D"},
		{"LA provision", sessFull(LAProvision), AM, y8, wed, cal, "K"},
		{"not required: home learning", sessFull(HomeLearning), AM, y8, wed, cal, "C2"},
		{"not required: none", sessFull(NoSession), PM, y8, wed, cal, "C2"},
		{"not required: unset session", Session{}, PM, y8, wed, cal, "C2"},
		{"Reception, below compulsory school age", sessFull(NoSession), AM, reception, "2026-03-10", cal, "X"},
		{"Reception, home learning below compulsory school age", sessFull(HomeLearning), PM, reception, "2026-08-28", cal, "X"},
		{"Reception child present is present at any age", sessFull(InSchool), AM, reception, "2026-03-10", cal, "/"},
		{"same child in Y1, of compulsory school age", sessFull(NoSession), AM, reception, "2026-09-08", cal, "C2"},
		{"post-16, past compulsory school age", sessFull(NoSession), AM, y12, wed, cal, "X"},
		{"no date of birth: the year group decides (R has a threshold)", sessFull(NoSession), AM, Pupil{YearGroup: "R"}, wed, cal, "C2"},
		{"no date of birth: N2 is not of compulsory school age", sessFull(NoSession), AM, Pupil{YearGroup: "N2"}, wed, cal, "X"},
		{"bank holiday", sessFull(InSchool), AM, y8, "2026-12-28", cal, "#"},
		{"bank holiday, no session planned", sessFull(NoSession), PM, y8, "2026-05-25", cal, "#"},
		{"INSET day", sessFull(InSchool), AM, y8, "2026-11-13", cal, "#"},
		{"bank holiday with no calendar", sessFull(Offsite), AM, y8, "2026-04-03", nil, "#"},
		{"weekend takes no code", sessFull(InSchool), AM, y8, "2026-11-07", cal, ""},
	}
	for _, tt := range tests {
		if got := RegisterCode(tt.s, tt.h, tt.p, MustDate(tt.on), tt.calendar); got != tt.want {
			t.Errorf("%s: RegisterCode = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// `reintegrate today` finds the planned week of a date.
func TestCaseWeekFor(t *testing.T) {
	c := Case{Timetable: []Week{
		weekEveryDay("2026-11-02", sessFull(InSchool), sessNone),
		weekEveryDay("2026-11-09", sessFull(InSchool), sessFull(InSchool)),
	}}
	tests := []struct {
		on, want string // want "" when no week is planned
	}{
		{"2026-11-02", "2026-11-02"},
		{"2026-11-06", "2026-11-02"},
		{"2026-11-08", "2026-11-02"}, // Sunday belongs to the week that began on Monday
		{"2026-11-09", "2026-11-09"},
		{"2026-11-16", ""},
		{"2026-11-01", ""},
	}
	for _, tt := range tests {
		w, ok := c.WeekFor(MustDate(tt.on))
		if ok != (tt.want != "") || w.WeekBeginning.String() != tt.want {
			t.Errorf("WeekFor(%s) = %s, %v; want %q", tt.on, w.WeekBeginning, ok, tt.want)
		}
	}
}
