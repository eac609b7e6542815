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
		day := tt.calendar.Day(MustDate(tt.on), PlanDates{})
		if got := RegisterCode(day, tt.s, tt.h, tt.p); got != tt.want {
			t.Errorf("%s: RegisterCode = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A day the school is shut has no session of the plan, whatever the week
// holds: # on a holiday (the closure code, never / \ B D K C2 X of RULES.md,
// "Register codes"), nothing at a weekend; a day before the plan's start
// or after its end gets no code of the plan (the register is taken as
// usual). The half term and Good Friday as an attendance officer meets them.
func TestRegisterCodeOnDaysThePlanDoesNotCover(t *testing.T) {
	cal := NewCalendar(Closure{First: MustDate("2027-02-15"), Last: MustDate("2027-02-19"), Name: "February half term"})
	y8 := Pupil{Name: "Zoë Clarke", DateOfBirth: MustDate("2013-04-02"), YearGroup: "Y8"}
	plan := PlanDates{Start: MustDate("2027-01-07"), End: MustDate("2027-04-30")} // a Thursday start
	tests := []struct {
		on   string
		kind DayKind
		why  string
		code string
	}{
		{"2027-02-16", SchoolShut, "February half term", CodeSchoolClosed},
		{"2027-03-26", SchoolShut, "Good Friday", CodeSchoolClosed},
		{"2027-02-13", SchoolShut, "weekend", ""},
		{"2027-01-05", BeforePlan, "", ""},
		{"2027-05-03", SchoolShut, "Early May bank holiday", CodeSchoolClosed}, // after the end, and shut: shut says why
		{"2027-05-04", AfterPlan, "", ""},
		{"2027-01-07", PlannedDay, "", "/"},
		{"2027-04-30", PlannedDay, "", "/"},
	}
	for _, tt := range tests {
		day := cal.Day(MustDate(tt.on), plan)
		if day.Kind != tt.kind || day.Why != tt.why {
			t.Errorf("%s: %v %q, want %v %q", tt.on, day.Kind, day.Why, tt.kind, tt.why)
		}
		for _, m := range Modes {
			s := day.SessionIn(weekEveryDay(MustDate(tt.on).Monday().String(), sessFull(m), sessFull(m)), AM)
			want := tt.code
			if tt.kind == PlannedDay {
				want = RegisterCode(day, sessFull(m), AM, y8)
			} else if s.Mode != NoSession || s.ContactMinutes(180) != 0 || day.Session(sessFull(m)) != s {
				t.Errorf("%s: a %s session in the week is %+v on a day the plan does not cover, want none", tt.on, m, s)
			}
			if got := RegisterCode(day, sessFull(m), AM, y8); got != want {
				t.Errorf("%s (%s): %s session gets %q, want %q", tt.on, day.Phrase(), m, got, want)
			}
		}
	}
	if got := RegisterCode(cal.Day(MustDate("2027-01-07"), plan), sessFull(InSchool), AM, y8); got != "/" {
		t.Errorf("the start day in school: %q, want /", got)
	}
}

// PlanDay's words, as the grid, today and the reports show them.
func TestPlanDayPhrase(t *testing.T) {
	cal := NewCalendar(Closure{First: MustDate("2027-02-15"), Last: MustDate("2027-02-19"), Name: "February half term"})
	plan := PlanDates{Start: MustDate("2027-01-07"), End: MustDate("2027-03-31")}
	for on, want := range map[string]string{
		"2027-02-16": "school shut (February half term)",
		"2027-03-26": "school shut (Good Friday)",
		"2027-01-05": "before the plan (it starts 07/01/2027)",
		"2027-04-01": "after the plan (it ends 31/03/2027)",
		"2027-01-08": "",
	} {
		if got := cal.Day(MustDate(on), plan).Phrase(); got != want {
			t.Errorf("%s: %q, want %q", on, got, want)
		}
	}
	// A plan with no dates yet covers every school day.
	if d := cal.Day(MustDate("2027-01-05"), PlanDates{}); !d.Planned() {
		t.Errorf("no plan dates: %+v, want a planned day", d)
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
