package model

import "testing"

// Shorthand for planned sessions in the tables below.
func sessFull(m Mode) Session              { return Session{Mode: m} }
func sessPart(m Mode, minutes int) Session { return Session{Mode: m, Minutes: minutes, Partial: true} }

var sessNone = Session{Mode: NoSession}

// planWeek builds a week from ten sessions, Monday am to Friday pm; days not
// given are none.
func weekOf(monday string, sessions ...Session) Week {
	w := Week{WeekBeginning: MustDate(monday)}
	for i := range 10 {
		s := sessNone
		if i < len(sessions) {
			s = sessions[i]
		}
		w.Days[i/2][i%2] = s
	}
	return w
}

// everyDay repeats one day's am and pm for all five days.
func weekEveryDay(monday string, am, pm Session) Week {
	return weekOf(monday, am, pm, am, pm, am, pm, am, pm, am, pm)
}

// RULES.md, "Full-time hours": hours in education = minutes in school +
// minutes at approved off-site provision (B, K, D); home learning is shown
// but does not count; a short week's threshold is pro rata (x school days / 5);
// a week is full time when its hours reach its threshold. 002 s2: LGSCO hours.
func TestWeekHours(t *testing.T) {
	school := NewCalendar(
		Closure{First: MustDate("2026-11-13"), Last: MustDate("2026-11-13"), Name: "INSET day"},
		Closure{First: MustDate("2026-10-26"), Last: MustDate("2026-10-30"), Name: "Autumn half term"},
	)
	short := NewCalendar()
	short.Sessions = SessionLengths{AM: 165, PM: 105} // a school with a 4.5-hour day
	in, b, d, k, home := sessFull(InSchool), sessFull(Offsite), sessFull(Dual), sessFull(LAProvision), sessFull(HomeLearning)
	tests := []struct {
		name       string
		cal        *Calendar
		year       YearGroup
		week       Week
		want       WeekHours // WeekBeginning is filled in from week
		wantPretty string    // FormatHours of the hours in education
	}{
		{"full week in school, Y8", school, "Y8", weekEveryDay("2026-11-02", in, in),
			WeekHours{SchoolDays: 5, MinutesSchool: 1500, HoursInEducation: 25, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 104.17, FullTime: true}, "25"},
		{"mornings only, Y8", school, "Y8", weekEveryDay("2026-11-02", in, sessNone),
			WeekHours{SchoolDays: 5, MinutesSchool: 900, HoursInEducation: 15, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 62.5}, "15"},
		{"partial sessions carry their own minutes", school, "Y8",
			weekOf("2026-11-02", sessPart(InSchool, 150), sessNone, sessPart(InSchool, 90), sessPart(InSchool, 45)),
			WeekHours{SchoolDays: 5, MinutesSchool: 285, HoursInEducation: 4.75, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 19.79}, "4.75"},
		{"home learning is shown but not counted", school, "Y8", weekEveryDay("2026-11-02", in, sessPart(HomeLearning, 120)),
			WeekHours{SchoolDays: 5, MinutesSchool: 900, MinutesHomeLearning: 600, HoursInEducation: 15, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 62.5}, "15"},
		{"home learning without minutes has no contact time", school, "Y8", weekEveryDay("2026-11-02", in, home),
			WeekHours{SchoolDays: 5, MinutesSchool: 900, HoursInEducation: 15, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 62.5}, "15"},
		{"off-site B, D and K count", school, "Y8", weekOf("2026-11-02", in, b, in, d, in, k, in, sessPart(Offsite, 60), in, sessNone),
			WeekHours{SchoolDays: 5, MinutesSchool: 900, MinutesOffsite: 420, HoursInEducation: 22, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 91.67}, "22"},
		{"Spring bank holiday: threshold x 4/5, Monday's sessions do not count", school, "Y8", weekEveryDay("2026-05-25", in, in),
			WeekHours{SchoolDays: 4, MinutesSchool: 1200, HoursInEducation: 20, ThresholdHours: 19.2, HasThreshold: true, PercentOfFullTime: 104.17, FullTime: true}, "20"},
		{"INSET Friday: threshold x 4/5", school, "Y3", weekEveryDay("2026-11-09", in, sessNone),
			WeekHours{SchoolDays: 4, MinutesSchool: 720, HoursInEducation: 12, ThresholdHours: 18.8, HasThreshold: true, PercentOfFullTime: 63.83}, "12"},
		{"Christmas and Boxing Day substitutes: threshold x 3/5", NewCalendar(), "Y11", weekEveryDay("2027-12-27", in, in),
			WeekHours{SchoolDays: 3, MinutesSchool: 900, HoursInEducation: 15, ThresholdHours: 15, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}, "15"},
		{"half term: no school days asks for nothing", school, "Y8", weekEveryDay("2026-10-26", in, in),
			WeekHours{SchoolDays: 0, ThresholdHours: 0, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}, "0"},
		{"Y12: hours shown, no threshold", school, "Y12", weekEveryDay("2026-11-02", in, sessNone),
			WeekHours{SchoolDays: 5, MinutesSchool: 900, HoursInEducation: 15}, "15"},
		{"N2: hours shown, no threshold", school, "N2", weekEveryDay("2026-11-02", in, in),
			WeekHours{SchoolDays: 5, MinutesSchool: 1500, HoursInEducation: 25}, "25"},
		{"Y4 exactly at 23.5 hours is full time", school, "Y4", weekOf("2026-11-02", in, in, in, in, in, in, in, in, in, sessPart(InSchool, 30)),
			WeekHours{SchoolDays: 5, MinutesSchool: 1410, HoursInEducation: 23.5, ThresholdHours: 23.5, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}, "23.5"},
		{"Y4 one minute short is not", school, "Y4", weekOf("2026-11-02", in, in, in, in, in, in, in, in, in, sessPart(InSchool, 29)),
			WeekHours{SchoolDays: 5, MinutesSchool: 1409, HoursInEducation: 23.48, ThresholdHours: 23.5, HasThreshold: true, PercentOfFullTime: 99.91}, "23.48"},
		{"R at 21 hours pro rata over an INSET day", school, "R", weekOf("2026-11-09", in, in, in, in, in, in, sessPart(InSchool, 60), sessPart(InSchool, 48)),
			WeekHours{SchoolDays: 4, MinutesSchool: 1008, HoursInEducation: 16.8, ThresholdHours: 16.8, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}, "16.8"},
		{"the school's own session lengths", short, "Y8", weekEveryDay("2026-11-02", in, in),
			WeekHours{SchoolDays: 5, MinutesSchool: 1350, HoursInEducation: 22.5, ThresholdHours: 24, HasThreshold: true, PercentOfFullTime: 93.75}, "22.5"},
		{"no sessions at all", nil, "Y8", Week{WeekBeginning: MustDate("2026-11-02")},
			WeekHours{SchoolDays: 5, ThresholdHours: 24, HasThreshold: true}, "0"},
	}
	for _, tt := range tests {
		hours, ok := tt.year.FullTimeHours()
		got := tt.week.Hours(tt.cal, PlanDates{}, hours, ok)
		tt.want.WeekBeginning = tt.week.WeekBeginning
		if got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
		if s := FormatHours(got.HoursInEducation); s != tt.wantPretty {
			t.Errorf("%s: FormatHours = %q, want %q", tt.name, s, tt.wantPretty)
		}
	}
}

// RULES.md, "Full-time hours": only the plan's school days count. A plan
// starting on a Thursday has no Monday to Wednesday: their sessions are not
// counted and the first week's threshold is pro rata from the start day
// (threshold x school days / 5, the plan's school days only); likewise the
// last week after the end. 002 s2: LGSCO hours; 000 "reintegration timetable".
func TestWeekHoursOverThePlansDays(t *testing.T) {
	in := sessFull(InSchool)
	halfTerm := NewCalendar(Closure{First: MustDate("2027-02-15"), Last: MustDate("2027-02-19"), Name: "February half term"})
	everyDay := weekEveryDay("2027-02-01", in, in) // Monday 01/02/2027, 25 h if every day counted
	tests := []struct {
		name string
		cal  *Calendar
		week Week
		plan PlanDates
		want WeekHours
	}{
		{"starts on the Thursday: two days of a Y8's 24 h", NewCalendar(), everyDay, PlanDates{Start: MustDate("2027-02-04")},
			WeekHours{SchoolDays: 2, MinutesSchool: 600, HoursInEducation: 10, ThresholdHours: 9.6, HasThreshold: true, PercentOfFullTime: 104.17, FullTime: true}},
		{"starts on the Thursday, mornings only there", NewCalendar(), weekOf("2027-02-01", in, in, in, in, in, in, in, sessNone, in, sessNone),
			PlanDates{Start: MustDate("2027-02-04")},
			WeekHours{SchoolDays: 2, MinutesSchool: 360, HoursInEducation: 6, ThresholdHours: 9.6, HasThreshold: true, PercentOfFullTime: 62.5}},
		{"ends on the Wednesday", NewCalendar(), everyDay, PlanDates{Start: MustDate("2027-01-04"), End: MustDate("2027-02-03")},
			WeekHours{SchoolDays: 3, MinutesSchool: 900, HoursInEducation: 15, ThresholdHours: 14.4, HasThreshold: true, PercentOfFullTime: 104.17, FullTime: true}},
		{"a week wholly after the end asks for nothing", NewCalendar(), everyDay, PlanDates{End: MustDate("2027-01-29")},
			WeekHours{SchoolDays: 0, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}},
		{"a week wholly before the start asks for nothing", NewCalendar(), everyDay, PlanDates{Start: MustDate("2027-02-08")},
			WeekHours{SchoolDays: 0, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}},
		{"starts on a Saturday: the whole week is outside", NewCalendar(), everyDay, PlanDates{Start: MustDate("2027-02-06")},
			WeekHours{SchoolDays: 0, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}},
		{"half term inside the plan: shut, not counted", halfTerm, weekEveryDay("2027-02-15", in, in), PlanDates{Start: MustDate("2027-02-01"), End: MustDate("2027-03-12")},
			WeekHours{SchoolDays: 0, HasThreshold: true, PercentOfFullTime: 100, FullTime: true}},
		{"Good Friday in the plan's first week, starting Wednesday", NewCalendar(), weekEveryDay("2027-03-22", in, in), PlanDates{Start: MustDate("2027-03-24")},
			WeekHours{SchoolDays: 2, MinutesSchool: 600, HoursInEducation: 10, ThresholdHours: 9.6, HasThreshold: true, PercentOfFullTime: 104.17, FullTime: true}},
	}
	for _, tt := range tests {
		got := tt.week.Hours(tt.cal, tt.plan, 24, true)
		tt.want.WeekBeginning = tt.week.WeekBeginning
		if got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
	// PlannedWeeks takes the plan's dates from the case, its end moved by
	// an extension.
	c := Case{Pupil: Pupil{YearGroup: "Y8"}, Start: MustDate("2027-02-04"), PlannedEnd: MustDate("2027-02-09"),
		Extensions: []Extension{{NewEnd: MustDate("2027-02-10")}},
		Timetable:  []Week{everyDay, weekEveryDay("2027-02-08", in, in)}}
	weeks := PlannedWeeks(c, NewCalendar(), DefaultParams())
	if weeks[0].SchoolDays != 2 || weeks[0].ThresholdHours != 9.6 || weeks[1].SchoolDays != 3 || weeks[1].ThresholdHours != 14.4 {
		t.Errorf("PlannedWeeks over 04/02 to 10/02/2027: %+v", weeks)
	}
}

// RULES.md, "Full-time hours": a pack may override the threshold (some LAs
// use 25 h for all); PlannedWeeks works the weeks out in date order.
func TestPlannedWeeksThresholdOverride(t *testing.T) {
	in := sessFull(InSchool)
	c := Case{Pupil: Pupil{YearGroup: "Y8"}, Timetable: []Week{
		weekEveryDay("2026-11-09", in, in),
		weekOf("2026-11-02", in, in, in, in, in, in, in, in, in, sessPart(InSchool, 119)),
	}}
	tests := []struct {
		name      string
		year      YearGroup
		flat      float64
		threshold []float64
		fullTime  []bool
	}{
		{"LGSCO", "Y8", 0, []float64{24, 24}, []bool{true, true}},
		{"a flat 25 hours", "Y8", 25, []float64{25, 25}, []bool{false, true}},
		{"post-16 keeps no threshold", "Y12", 25, []float64{0, 0}, []bool{false, false}},
	}
	for _, tt := range tests {
		c.Pupil.YearGroup = tt.year
		params := DefaultParams()
		params.ThresholdHours = tt.flat
		weeks := PlannedWeeks(c, NewCalendar(), params)
		if len(weeks) != 2 || weeks[0].WeekBeginning.String() != "2026-11-02" || weeks[1].WeekBeginning.String() != "2026-11-09" {
			t.Fatalf("%s: weeks not in date order: %+v", tt.name, weeks)
		}
		for i, w := range weeks {
			if w.ThresholdHours != tt.threshold[i] || w.FullTime != tt.fullTime[i] {
				t.Errorf("%s: week %d threshold %v full time %v, want %v and %v", tt.name, i, w.ThresholdHours, w.FullTime, tt.threshold[i], tt.fullTime[i])
			}
		}
	}
	if c.Timetable[0].WeekBeginning.String() != "2026-11-09" {
		t.Error("PlannedWeeks reordered the case's own timetable")
	}
}

// DESIGN.md, "Domain words": a full session's minutes come from the school
// profile; a partial session has its own.
func TestSessionContactMinutes(t *testing.T) {
	tests := []struct {
		s    Session
		want int
	}{
		{sessFull(InSchool), 180}, {sessFull(Offsite), 180}, {sessFull(Dual), 180}, {sessFull(LAProvision), 180},
		{sessFull(HomeLearning), 0}, {sessFull(NoSession), 0}, {Session{}, 0},
		{sessPart(InSchool, 90), 90}, {sessPart(HomeLearning, 60), 60}, {sessPart(InSchool, 0), 0},
	}
	for _, tt := range tests {
		if got := tt.s.ContactMinutes(180); got != tt.want {
			t.Errorf("%+v.ContactMinutes(180) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// DESIGN.md, "Domain words": the six modes; RULES.md: B, D and K are in education.
func TestModes(t *testing.T) {
	inEducation := map[Mode]bool{InSchool: true, Offsite: true, Dual: true, LAProvision: true}
	for _, m := range Modes {
		if !m.Valid() {
			t.Errorf("%q is listed but not valid", m)
		}
		if m.InEducation() != inEducation[m] {
			t.Errorf("%q.InEducation() = %v, want %v", m, m.InEducation(), inEducation[m])
		}
	}
	for _, m := range []Mode{"", "School", "absent", "home"} {
		if m.Valid() {
			t.Errorf("%q is valid, want not", m)
		}
	}
	w := weekOf("2026-11-02", sessNone, sessNone, sessNone, sessPart(Dual, 100))
	if s := w.Session(1, PM); s != sessPart(Dual, 100) || AM.String() != "am" || PM.String() != "pm" {
		t.Errorf("Session(1, pm) = %+v", s)
	}
}

// DESIGN.md, "check --json": hours with two decimals at most.
func TestFormatHours(t *testing.T) {
	for h, want := range map[float64]string{0: "0", 25: "25", 10: "10", 100: "100", 23.5: "23.5",
		19.2: "19.2", 104.17: "104.17", 4.75: "4.75", 0.05: "0.05", 2.999: "3"} {
		if got := FormatHours(h); got != want {
			t.Errorf("FormatHours(%v) = %q, want %q", h, got, want)
		}
	}
}
