package model

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date with no time of day and no zone. The zero Date
// means "not set" (an absent or null date in a case file).
type Date struct {
	t time.Time // always midnight UTC when set
}

// NewDate builds a Date; it normalises out-of-range days as time.Date does.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf takes the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate accepts the two forms a person types in a school: YYYY-MM-DD and
// DD/MM/YYYY. Impossible dates such as 31/02/2026 are refused, and so is
// anything else: every part must be ASCII digits and the year four of them
// (from 1000), so that a date always prints back in the form it was read.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var ys, ms, ds string
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		ys, ms, ds = s[:4], s[5:7], s[8:]
	} else if parts := strings.Split(s, "/"); len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
		ds, ms, ys = parts[0], parts[1], parts[2]
	}
	y, m, d := dateDigits(ys), dateDigits(ms), dateDigits(ds)
	switch {
	case y < 0 || m < 0 || d < 0:
		return Date{}, fmt.Errorf("%q is not a date: type DD/MM/YYYY, for example 02/11/2026", s)
	case len(ys) != 4 || y < 1000:
		return Date{}, fmt.Errorf("%q is not a date: the year must have four digits, for example 02/11/2026", s)
	case m < 1 || m > 12 || d < 1 || d > 31:
		return Date{}, fmt.Errorf("%q is not a real date: the month must be 1-12 and the day 1-31; type DD/MM/YYYY, for example 02/11/2026", s)
	}
	date := NewDate(y, time.Month(m), d)
	if date.Day() != d {
		last := NewDate(y, time.Month(m)+1, 0).Day()
		return Date{}, fmt.Errorf("%q is not a real date: %s has only %d days; type a day from 1 to %d", s, time.Month(m), last, last)
	}
	return date, nil
}

// dateDigits reads ASCII digits (at most nine, so no overflow); -1 means it is
// not such a number.
func dateDigits(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// MustDate is ParseDate for literals in tests and tables; it panics on a bad literal.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool           { return d.t.IsZero() }
func (d Date) Time() time.Time        { return d.t }
func (d Date) Year() int              { return d.t.Year() }
func (d Date) Month() time.Month      { return d.t.Month() }
func (d Date) Day() int               { return d.t.Day() }
func (d Date) Weekday() time.Weekday  { return d.t.Weekday() }
func (d Date) AddDays(n int) Date     { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Before(o Date) bool     { return d.t.Before(o.t) }
func (d Date) After(o Date) bool      { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool      { return d.t.Equal(o.t) }
func (d Date) OnOrBefore(o Date) bool { return !d.t.After(o.t) }
func (d Date) OnOrAfter(o Date) bool  { return !d.t.Before(o.t) }

// DaysUntil is the number of calendar days from d to o (negative if o is earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.t.Sub(d.t).Hours() / 24)
}

// Monday is the Monday of d's week.
func (d Date) Monday() Date { return d.AddDays(-d.DayOfWeek()) }

// IsWeekend reports whether the date is a Saturday or Sunday.
func (d Date) IsWeekend() bool { return d.DayOfWeek() >= 5 }

// DayOfWeek counts from Monday (0) to Sunday (6): a weekday's index into
// Week.Days.
func (d Date) DayOfWeek() int { return (int(d.Weekday()) + 6) % 7 }

// String is the stored and exchanged form, YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// UK is the shown form, DD/MM/YYYY, or "" when unset.
func (d Date) UK() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(ukLayout)
}

// AppendUK appends the shown form to b (nothing when unset), for text
// put together a few thousand lines at a time.
func (d Date) AppendUK(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	return d.t.AppendFormat(b, ukLayout)
}

const ukLayout = "02/01/2006"

// MarshalJSON writes YYYY-MM-DD, or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// MinDate and MaxDate pick the earlier or later of two set dates; an unset
// date loses to a set one.
func MinDate(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func MaxDate(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.After(a)) {
		return b
	}
	return a
}
