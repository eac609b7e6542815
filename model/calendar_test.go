package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// easterSunday is the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
// worked independently of the embedded list to cross-check it.
func calEaster(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(y, time.Month(month), day)
}

func calFirstMonday(y int, m time.Month) Date {
	d := NewDate(y, m, 1)
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d
}

func calLastMonday(y int, m time.Month) Date {
	d := NewDate(y, m+1, 0)
	for d.Weekday() != time.Monday {
		d = d.AddDays(-1)
	}
	return d
}

// nextWeekday moves a holiday that falls at a weekend to the Monday after.
func calNextWeekday(d Date) Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(1)
	}
	return d
}

// ruleBankHolidays are England and Wales's eight bank holidays for a year as
// the Banking and Financial Dealings Act 1971 and the usual proclamations
// place them: substitute days when Christmas, Boxing Day or New Year's Day
// fall at a weekend.
func calRuleBankHolidays(y int) map[Date]string {
	easter := calEaster(y)
	christmas, boxing := NewDate(y, time.December, 25), NewDate(y, time.December, 26)
	switch christmas.Weekday() {
	case time.Friday: // Boxing Day on Saturday: substitute Monday
		boxing = boxing.AddDays(2)
	case time.Saturday: // both at the weekend: Monday and Tuesday
		christmas, boxing = christmas.AddDays(2), boxing.AddDays(2)
	case time.Sunday: // Boxing Day keeps Monday, Christmas moves to Tuesday
		christmas = christmas.AddDays(2)
	}
	return map[Date]string{
		calNextWeekday(NewDate(y, time.January, 1)): "New Year's Day",
		easter.AddDays(-2):                          "Good Friday",
		easter.AddDays(1):                           "Easter Monday",
		calFirstMonday(y, time.May):                 "Early May bank holiday",
		calLastMonday(y, time.May):                  "Spring bank holiday",
		calLastMonday(y, time.August):               "Summer bank holiday",
		christmas:                                   "Christmas Day",
		boxing:                                      "Boxing Day",
	}
}

// DESIGN.md, "Domain words": England and Wales bank holidays, embedded, 2024-2030.
func TestBankHolidaysMatchTheRules(t *testing.T) {
	want := make(map[Date]string)
	for y := 2024; y <= 2030; y++ {
		for d, name := range calRuleBankHolidays(y) {
			want[d] = name
		}
	}
	for d, name := range want {
		got, ok := BankHolidays[d]
		if !ok {
			t.Errorf("%s (%s, %s) is missing from the embedded bank holidays", d, name, d.Weekday())
		} else if !strings.HasPrefix(got, name) {
			t.Errorf("%s is embedded as %q, want %q", d, got, name)
		}
	}
	for d, name := range BankHolidays {
		if _, ok := want[d]; !ok {
			t.Errorf("embedded bank holiday %s (%s) is not one the rules give", d, name)
		}
	}
}

// The algorithm itself, against Easter Sundays published by the Church of England.
func TestEasterSunday(t *testing.T) {
	for y, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05",
		2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21"} {
		if got := calEaster(y).String(); got != want {
			t.Errorf("Easter %d = %s, want %s", y, got, want)
		}
	}
}

// A school with a half term, an INSET day and the Christmas holiday.
func calTestSchool() *Calendar {
	return NewCalendar(
		Closure{First: MustDate("2026-10-26"), Last: MustDate("2026-10-30"), Name: "Autumn half term"},
		Closure{First: MustDate("2026-11-13"), Last: MustDate("2026-11-13"), Name: "INSET day"},
		Closure{First: MustDate("2026-12-21"), Last: MustDate("2027-01-01"), Name: "Christmas holiday"},
	)
}

func TestCalendarClosed(t *testing.T) {
	cal := calTestSchool()
	tests := []struct {
		date, why string
	}{
		{"2026-11-02", ""}, // an ordinary Monday
		{"2026-11-07", "weekend"},
		{"2026-11-08", "weekend"},
		{"2026-04-03", "Good Friday"},
		{"2026-12-28", "Boxing Day (substitute day)"},
		{"2026-10-28", "Autumn half term"},
		{"2026-11-13", "INSET day"},
		{"2026-12-21", "Christmas holiday"}, // first day of a closure
		{"2027-01-01", "New Year's Day"},    // bank holidays are named before the school's own closures
		{"2027-01-04", ""},                  // back to school
	}
	for _, tt := range tests {
		why, closed := cal.Closed(MustDate(tt.date))
		if closed != (tt.why != "") || why != tt.why {
			t.Errorf("Closed(%s) = %q, %v; want %q", tt.date, why, closed, tt.why)
		}
		if cal.IsSchoolDay(MustDate(tt.date)) != (tt.why == "") {
			t.Errorf("IsSchoolDay(%s) = %v, want %v", tt.date, !closed, tt.why == "")
		}
	}
}

// A calendar the caller built by hand (no NewCalendar) and a nil calendar
// still know weekends, bank holidays and, for the former, closures.
func TestCalendarWithoutIndex(t *testing.T) {
	byHand := &Calendar{Closures: []Closure{{First: MustDate("2026-11-13"), Last: MustDate("2026-11-13"), Name: "INSET day"}}}
	var none *Calendar
	tests := []struct {
		cal  *Calendar
		date string
		want bool
	}{
		{byHand, "2026-11-13", false},
		{byHand, "2026-11-12", true},
		{none, "2026-11-13", true},
		{none, "2026-05-25", false}, // Spring bank holiday
		{none, "2026-11-14", false}, // Saturday
	}
	for _, tt := range tests {
		if got := tt.cal.IsSchoolDay(MustDate(tt.date)); got != tt.want {
			t.Errorf("IsSchoolDay(%s) with calendar %v = %v, want %v", tt.date, tt.cal != nil, got, tt.want)
		}
	}
}

func TestSchoolDaysBetween(t *testing.T) {
	school, plain := calTestSchool(), NewCalendar()
	tests := []struct {
		cal         *Calendar
		first, last string
		want        int
	}{
		{plain, "2026-11-02", "2026-11-06", 5},
		{plain, "2026-11-02", "2026-11-02", 1},  // both ends included
		{plain, "2026-11-07", "2026-11-08", 0},  // a weekend
		{plain, "2026-11-06", "2026-11-02", 0},  // the wrong way round
		{plain, "2026-12-21", "2027-01-08", 12}, // Dec 25, 28 and Jan 1 are bank holidays
		{school, "2026-12-21", "2027-01-08", 5}, // and the school is shut until 1 January
		{school, "2026-10-19", "2026-11-13", 14},
		{plain, "2026-03-30", "2026-04-10", 8}, // Good Friday and Easter Monday
	}
	for _, tt := range tests {
		if got := tt.cal.SchoolDaysBetween(MustDate(tt.first), MustDate(tt.last)); got != tt.want {
			t.Errorf("SchoolDaysBetween(%s, %s) = %d, want %d", tt.first, tt.last, got, tt.want)
		}
	}
}

// RULES.md, "Full-time hours": a short week has its threshold pro rata.
func TestSchoolDaysInWeek(t *testing.T) {
	school := calTestSchool()
	tests := []struct {
		monday string
		want   int
	}{
		{"2026-11-02", 5},
		{"2026-11-09", 4}, // INSET on Friday
		{"2026-10-26", 0}, // half term
		{"2026-03-30", 4}, // Good Friday
		{"2026-04-06", 4}, // Easter Monday
		{"2026-05-04", 4}, // Early May bank holiday
		{"2026-08-31", 4}, // Summer bank holiday
		{"2027-12-27", 3}, // Christmas and Boxing Day substitutes, Monday and Tuesday
		{"2028-01-03", 4}, // New Year's Day substitute
		{"2026-12-28", 0}, // Christmas holiday
	}
	for _, tt := range tests {
		if got := school.SchoolDaysInWeek(MustDate(tt.monday)); got != tt.want {
			t.Errorf("SchoolDaysInWeek(%s) = %d, want %d", tt.monday, got, tt.want)
		}
	}
}

// RULES.md fair-access.20-school-days counts school days from the referral.
func TestAddSchoolDays(t *testing.T) {
	school, plain := calTestSchool(), NewCalendar()
	tests := []struct {
		cal  *Calendar
		from string
		n    int
		want string
	}{
		{plain, "2026-11-02", 0, "2026-11-02"},
		{plain, "2026-11-02", 1, "2026-11-03"},
		{plain, "2026-11-06", 1, "2026-11-09"},  // over a weekend
		{plain, "2026-04-02", 1, "2026-04-07"},  // over Good Friday, the weekend and Easter Monday
		{plain, "2026-05-22", 1, "2026-05-26"},  // over the Spring bank holiday
		{school, "2026-11-12", 1, "2026-11-16"}, // over an INSET Friday
		{school, "2026-12-18", 1, "2027-01-04"}, // over the Christmas holiday
		{plain, "2026-11-02", 20, "2026-11-30"},
		{school, "2026-10-12", 20, "2026-11-17"}, // half term and INSET do not count
	}
	for _, tt := range tests {
		if got := tt.cal.AddSchoolDays(MustDate(tt.from), tt.n).String(); got != tt.want {
			t.Errorf("AddSchoolDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

// Every seed caps a plan at six weeks (000; 001 process 4; 002 s5.10): a
// plan ends on the Friday of its last week, stepped back to a school day
// when the school is shut then, never before its start.
func TestPlanEnd(t *testing.T) {
	school := calTestSchool()
	for _, tt := range []struct {
		start string
		weeks int
		want  string
	}{
		{"2026-11-02", 6, "2026-12-11"}, // an ordinary term: the sixth Friday
		{"2026-11-04", 6, "2026-12-11"}, // a Wednesday start: its week is the first
		{"2026-11-23", 6, "2026-12-18"}, // sixth Friday 01/01/2027 is in the Christmas holiday
		{"2026-10-12", 5, "2026-11-12"}, // fifth Friday 13/11/2026 is an INSET day
		{"2026-11-23", 2, "2026-12-04"},
		{"2026-12-21", 1, "2026-12-21"}, // all of it in the holiday: not before the start
	} {
		if got := school.PlanEnd(MustDate(tt.start), tt.weeks).String(); got != tt.want {
			t.Errorf("PlanEnd(%s, %d weeks) = %s, want %s", tt.start, tt.weeks, got, tt.want)
		}
	}
}

// DESIGN.md, "School profile": am and pm contact minutes, default 180 and 120.
func TestCalendarSessionLengths(t *testing.T) {
	var none *Calendar
	custom := NewCalendar()
	custom.Sessions = SessionLengths{AM: 195, PM: 105}
	tests := []struct {
		cal  *Calendar
		want SessionLengths
	}{
		{none, SessionLengths{AM: 180, PM: 120}},
		{&Calendar{}, SessionLengths{AM: 180, PM: 120}},
		{NewCalendar(), SessionLengths{AM: 180, PM: 120}},
		{custom, SessionLengths{AM: 195, PM: 105}},
		{School{Sessions: SessionLengths{AM: 170, PM: 130}}.Calendar(), SessionLengths{AM: 170, PM: 130}},
		{School{}.Calendar(), SessionLengths{AM: 180, PM: 120}},
	}
	for i, tt := range tests {
		got := tt.cal.SessionLengths()
		if got != tt.want || got.Of(AM) != tt.want.AM || got.Of(PM) != tt.want.PM {
			t.Errorf("case %d: SessionLengths = %+v, want %+v", i, got, tt.want)
		}
	}
}

func ExampleCalendar_SchoolDaysInWeek() {
	cal := NewCalendar(Closure{First: MustDate("2026-06-01"), Last: MustDate("2026-06-01"), Name: "INSET day"})
	fmt.Println(cal.SchoolDaysInWeek(MustDate("2026-05-25")), cal.SchoolDaysInWeek(MustDate("2026-06-01")))
	// Output: 4 4
}
