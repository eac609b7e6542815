package model

import (
	"strings"
	"testing"
)

// 002 s2 (LGSCO, "Out of school... out of mind?"): the full-time week by
// year group; RULES.md, "Full-time hours": nursery and post-16 have none.
func TestFullTimeHoursEveryYearGroup(t *testing.T) {
	want := map[YearGroup]float64{
		"R": 21, "Y1": 21, "Y2": 21, // "Reception and Years 1 to 2 (children aged 5 to 7): 21 hours"
		"Y3": 23.5, "Y4": 23.5, "Y5": 23.5, "Y6": 23.5, // "Years 3 to 6 (children aged 7 to 11): 23.5 hours"
		"Y7": 24, "Y8": 24, "Y9": 24, "Y10": 24, // "Years 7 to 10 (children aged 11 to 15): 24 hours"
		"Y11": 25, // "Year 11 (children aged 15 to 16): 25 hours"
	}
	noThreshold := map[YearGroup]bool{"N1": true, "N2": true, "Y12": true, "Y13": true}
	for _, y := range YearGroups {
		hours, ok := y.FullTimeHours()
		switch {
		case noThreshold[y]:
			if ok || hours != 0 {
				t.Errorf("%s: FullTimeHours = %v, %v; want no threshold (not compulsory school age / post-16)", y, hours, ok)
			}
		case !ok || hours != want[y]:
			t.Errorf("%s: FullTimeHours = %v, %v; want %v hours", y, hours, ok, want[y])
		}
	}
	if len(want)+len(noThreshold) != len(YearGroups) {
		t.Errorf("the table covers %d year groups, the model lists %d", len(want)+len(noThreshold), len(YearGroups))
	}
	if _, ok := YearGroup("Y14").FullTimeHours(); ok {
		t.Error("Y14 is not a year group but has a threshold")
	}
}

// DESIGN.md, "Domain words": N1, N2, R, Y1..Y13, accepted as schools write them.
func TestParseYearGroup(t *testing.T) {
	good := []struct {
		in   string
		want YearGroup
	}{
		{"Y8", "Y8"}, {"y8", "Y8"}, {"8", "Y8"}, {"Year 8", "Y8"}, {" year 13 ", "Y13"},
		{"R", "R"}, {"Reception", "R"}, {"YR", "R"}, {"reception", "R"},
		{"N1", "N1"}, {"n2", "N2"}, {"Nursery", "N2"}, {"Y1", "Y1"}, {"Y11", "Y11"},
	}
	for _, tt := range good {
		got, err := ParseYearGroup(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseYearGroup(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "Y0", "0", "Y14", "14", "Year", "N3", "Y 8", "8a", "Year Eight", "Ÿ8"} {
		got, err := ParseYearGroup(in)
		if err == nil {
			t.Errorf("ParseYearGroup(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.Contains(err.Error(), "type N1, N2, R or Y1 to Y13") {
			t.Errorf("ParseYearGroup(%q) error %q does not say what to type", in, err)
		}
	}
}

// Education Act 1996 s8 and the School Leaving Date Order: compulsory school
// age starts on the first prescribed day (31 March, 31 August, 31 December)
// on or after the fifth birthday, and ends on the last Friday of June of the
// school year in which the pupil turns 16. RULES.md, "Register codes" turns
// this into C2 or X.
func TestCompulsorySchoolAge(t *testing.T) {
	tests := []struct {
		name, dob, on string
		want          bool
	}{
		// Fifth birthday in the spring term: from 31 March.
		{"born 1 Jan: the day before 31 March", "2021-01-01", "2026-03-30", false},
		{"born 1 Jan: 31 March", "2021-01-01", "2026-03-31", true},
		// Fifth birthday on a prescribed day: from that very day.
		{"born 31 Mar: the day before the fifth birthday", "2021-03-31", "2026-03-30", false},
		{"born 31 Mar: fifth birthday is a prescribed day", "2021-03-31", "2026-03-31", true},
		// Fifth birthday in the summer term: from 31 August.
		{"born 1 Apr: 30 August", "2021-04-01", "2026-08-30", false},
		{"born 1 Apr: 31 August", "2021-04-01", "2026-08-31", true},
		{"born 31 Aug: the fifth birthday itself", "2021-08-31", "2026-08-31", true},
		{"born 31 Aug: the day before", "2021-08-31", "2026-08-30", false},
		// Fifth birthday in the autumn term: from 31 December.
		{"born 1 Sep: 30 December", "2021-09-01", "2026-12-30", false},
		{"born 1 Sep: 31 December", "2021-09-01", "2026-12-31", true},
		{"born 31 Dec: the fifth birthday itself", "2021-12-31", "2026-12-31", true},
		// 29 February: the fifth birthday falls in a common year.
		{"born 29 Feb: 30 March", "2016-02-29", "2021-03-30", false},
		{"born 29 Feb: 31 March", "2016-02-29", "2021-03-31", true},
		// The end: last Friday of June in the school year they turn 16.
		{"born May 2010: last Friday of June 2026", "2010-05-10", "2026-06-26", true},
		{"born May 2010: the Saturday after", "2010-05-10", "2026-06-27", false},
		{"born 31 Aug 2010: still ends June 2026, before the birthday", "2010-08-31", "2026-06-27", false},
		{"born 1 Sep 2010: turns 16 in the 2026/27 school year", "2010-09-01", "2026-09-07", true},
		{"born 1 Sep 2010: last Friday of June 2027", "2010-09-01", "2027-06-25", true},
		{"born 1 Sep 2010: the day after", "2010-09-01", "2027-06-26", false},
		{"born Dec 2010: last Friday of June 2027", "2010-12-31", "2027-06-25", true},
		{"a Y8 pupil mid-year", "2013-04-02", "2026-11-02", true},
	}
	for _, tt := range tests {
		p := Pupil{Name: "Zoë Brontë", DateOfBirth: MustDate(tt.dob)}
		if got := p.CompulsorySchoolAge(MustDate(tt.on)); got != tt.want {
			t.Errorf("%s: CompulsorySchoolAge(%s) for a pupil born %s = %v, want %v", tt.name, tt.on, tt.dob, got, tt.want)
		}
	}
}

// Without a date of birth the year group decides: those with an LGSCO
// threshold are of compulsory school age, nursery and post-16 are not.
func TestCompulsorySchoolAgeWithoutDateOfBirth(t *testing.T) {
	on := MustDate("2026-11-02")
	for _, y := range YearGroups {
		_, want := y.FullTimeHours()
		if got := (Pupil{YearGroup: y}).CompulsorySchoolAge(on); got != want {
			t.Errorf("%s with no date of birth: CompulsorySchoolAge = %v, want %v", y, got, want)
		}
	}
}

// RULES.md, "Rules": rules look at the pupil's flags by name.
func TestPupilHasFlags(t *testing.T) {
	p := Pupil{Name: "Łukasz Nowak", Flags: []Flag{ChildInNeed, SENSupport}}
	tests := []struct {
		flags []Flag
		want  bool
	}{
		{[]Flag{ChildInNeed}, true},
		{[]Flag{ChildProtection, ChildInNeed}, true}, // professionals.social-worker: either plan
		{[]Flag{EHCP}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := p.Has(tt.flags...); got != tt.want {
			t.Errorf("Has(%v) = %v, want %v", tt.flags, got, tt.want)
		}
	}
	for _, f := range Flags {
		if f.Label() == "" || f.Label() == string(f) {
			t.Errorf("flag %s has no label for people", f)
		}
	}
}
