package model

import (
	"strings"
	"testing"
	"time"
)

// DESIGN.md, "Command line": dates are accepted as DD/MM/YYYY or YYYY-MM-DD,
// stored as YYYY-MM-DD and shown as DD/MM/YYYY.
func TestParseDateAcceptsBothForms(t *testing.T) {
	tests := []struct {
		in                string
		year, month, day  int
		stored, shownAsUK string
	}{
		{"2026-11-02", 2026, 11, 2, "2026-11-02", "02/11/2026"},
		{"02/11/2026", 2026, 11, 2, "2026-11-02", "02/11/2026"},
		{"2/11/2026", 2026, 11, 2, "2026-11-02", "02/11/2026"}, // as people type it
		{" 31/12/2030 ", 2030, 12, 31, "2030-12-31", "31/12/2030"},
		{"29/02/2024", 2024, 2, 29, "2024-02-29", "29/02/2024"}, // leap year
		{"2028-02-29", 2028, 2, 29, "2028-02-29", "29/02/2028"}, // leap year
		{"29/02/2000", 2000, 2, 29, "2000-02-29", "29/02/2000"}, // divisible by 400: leap
		{"01/01/1000", 1000, 1, 1, "1000-01-01", "01/01/1000"},  // the earliest four-digit year
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if d.Year() != tt.year || int(d.Month()) != tt.month || d.Day() != tt.day {
			t.Errorf("ParseDate(%q) = %d-%d-%d, want %d-%d-%d", tt.in, d.Year(), d.Month(), d.Day(), tt.year, tt.month, tt.day)
		}
		if d.String() != tt.stored || d.UK() != tt.shownAsUK {
			t.Errorf("ParseDate(%q) stored %q shown %q, want %q and %q", tt.in, d.String(), d.UK(), tt.stored, tt.shownAsUK)
		}
	}
}

// Bad input gets a clear message that says what to type; nothing panics.
func TestParseDateRefusesJunk(t *testing.T) {
	tests := []struct {
		in, wantInMessage string
	}{
		{"29/02/2026", "February has only 28 days"},
		{"2026-02-29", "February has only 28 days"},
		{"29/02/2100", "February has only 28 days"}, // divisible by 100, not 400: not leap
		{"31/02/2026", "February has only 28 days"},
		{"31/04/2026", "April has only 30 days"},
		{"00/01/2026", "the month must be 1-12 and the day 1-31"},
		{"12/13/2026", "the month must be 1-12"},
		{"2026-13-01", "the month must be 1-12"},
		{"", "type DD/MM/YYYY"},
		{"tomorrow", "type DD/MM/YYYY"},
		{"2026/11/02", "type DD/MM/YYYY"},
		{"02-11-2026", "type DD/MM/YYYY"},
		{"02.11.2026", "type DD/MM/YYYY"},
		{"2/11/26", "four digits"},
		{"2/11/20260", "four digits"}, // would print as 20260-11-02 and not read back
		{"0001-01-01", "four digits"}, // would be the zero Date, which means "not set"
		{"0999-12-31", "four digits"},
		{"2026-01-1/", "type DD/MM/YYYY"},
		{"2026-1-011", "type DD/MM/YYYY"},
		{"2026--1-01", "type DD/MM/YYYY"},
		{"+1/02/2026", "type DD/MM/YYYY"},
		{"-1/02/2026", "type DD/MM/YYYY"},
		{"1/2/2026/", "type DD/MM/YYYY"},
		{"١/٢/٢٠٢٦", "type DD/MM/YYYY"}, // Arabic-Indic digits: not what the app stores
		{"02/11/2026 10:00", "type DD/MM/YYYY"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %s, want an error", tt.in, d)
			continue
		}
		if !strings.Contains(err.Error(), tt.wantInMessage) || !strings.Contains(err.Error(), dateQuoted(tt.in)) {
			t.Errorf("ParseDate(%q) error %q, want it to quote the input and say %q", tt.in, err, tt.wantInMessage)
		}
	}
}

func dateQuoted(s string) string { return `"` + strings.TrimSpace(s) + `"` }

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want string
	}{
		{"AddDays across a month end", MustDate("2026-10-30").AddDays(3), "2026-11-02"},
		{"AddDays across the clocks going back (UTC: no lost hour)", MustDate("2026-10-24").AddDays(2), "2026-10-26"},
		{"AddDays back across a year end", MustDate("2027-01-02").AddDays(-3), "2026-12-30"},
		{"Monday of a Wednesday", MustDate("2026-11-04").Monday(), "2026-11-02"},
		{"Monday of a Monday", MustDate("2026-11-02").Monday(), "2026-11-02"},
		{"Monday of a Sunday is the Monday before", MustDate("2026-11-08").Monday(), "2026-11-02"},
		{"MinDate: unset loses", MinDate(Date{}, MustDate("2026-11-02")), "2026-11-02"},
		{"MinDate", MinDate(MustDate("2026-11-03"), MustDate("2026-11-02")), "2026-11-02"},
		{"MaxDate: unset loses", MaxDate(MustDate("2026-11-02"), Date{}), "2026-11-02"},
		{"MaxDate", MaxDate(MustDate("2026-11-03"), MustDate("2026-12-02")), "2026-12-02"},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got, tt.want)
		}
	}
}

func TestDateComparisons(t *testing.T) {
	a, b := MustDate("2026-11-02"), MustDate("2026-11-16")
	checks := []struct {
		name string
		ok   bool
	}{
		{"a before b", a.Before(b) && !b.Before(a)},
		{"b after a", b.After(a) && !a.After(b)},
		{"on or before includes the day", a.OnOrBefore(a) && a.OnOrBefore(b) && !b.OnOrBefore(a)},
		{"on or after includes the day", a.OnOrAfter(a) && b.OnOrAfter(a) && !a.OnOrAfter(b)},
		{"equal", a.Equal(MustDate("02/11/2026")) && !a.Equal(b)},
		{"14 days apart", a.DaysUntil(b) == 14 && b.DaysUntil(a) == -14},
		{"days across the clocks changing", MustDate("2026-03-28").DaysUntil(MustDate("2026-03-30")) == 2},
		{"weekday", a.Weekday() == time.Monday},
		{"zero is unset", Date{}.IsZero() && !a.IsZero() && Date{}.String() == "" && Date{}.UK() == ""},
		{"DateOf takes the local calendar date", DateOf(time.Date(2026, 11, 2, 23, 30, 0, 0, time.FixedZone("BST", 3600))).Equal(a)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: false", c.name)
		}
	}
}

// DESIGN.md, "Case file": dates are exchanged as YYYY-MM-DD, null when unset.
func TestDateMarshalJSON(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{MustDate("2026-11-02"), `"2026-11-02"`},
		{Date{}, `null`},
	} {
		got, err := tt.d.MarshalJSON()
		if err != nil || string(got) != tt.want {
			t.Errorf("MarshalJSON(%v) = %s, %v; want %s", tt.d, got, err, tt.want)
		}
	}
}

func TestAppendUK(t *testing.T) {
	if got := string(MustDate("2026-03-09").AppendUK([]byte("due "))); got != "due 09/03/2026" {
		t.Errorf("AppendUK = %q, want %q", got, "due 09/03/2026")
	}
	if got := string((Date{}).AppendUK([]byte("due"))); got != "due" {
		t.Errorf("AppendUK of no date = %q, want nothing added", got)
	}
}
