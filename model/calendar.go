package model

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/bank-holidays-england-and-wales.txt
var bankHolidayData string

// BankHolidays are the England and Wales bank holidays 2024-2030, by date,
// with their names. See data/bank-holidays-england-and-wales.txt for the source.
var BankHolidays = parseBankHolidays(bankHolidayData)

func parseBankHolidays(text string) map[Date]string {
	days := make(map[Date]string)
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		date, name, _ := strings.Cut(line, " ")
		d, err := ParseDate(date)
		if err != nil {
			panic(fmt.Sprintf("embedded bank holidays: %v", err))
		}
		days[d] = name
	}
	return days
}

// Closure is a run of days the school is shut to pupils: a holiday or an
// INSET day (First equals Last for a single day).
type Closure struct {
	First, Last Date
	Name        string
}

// Calendar answers which days are school days: not weekends, not bank
// holidays, not the school's own holidays and INSET days.
// It also knows the length of the school's am and pm sessions, which turn
// a planned session into minutes of direct contact.
type Calendar struct {
	Closures []Closure
	Sessions SessionLengths  // zero means DefaultSessionLengths
	closed   map[Date]string // built by NewCalendar from Closures
}

// NewCalendar makes a calendar with the school's own closures, indexed by
// day so lookups stay cheap. A Calendar is safe for concurrent reads.
func NewCalendar(closures ...Closure) *Calendar {
	c := &Calendar{Closures: closures, Sessions: DefaultSessionLengths, closed: make(map[Date]string)}
	for _, cl := range closures {
		for d := cl.First; !d.After(cl.Last); d = d.AddDays(1) {
			c.closed[d] = cl.Name
		}
	}
	return c
}

// closure finds the school's own closure on d; a Calendar built without
// NewCalendar is searched in order rather than indexed.
func (c *Calendar) closure(d Date) (string, bool) {
	if c.closed != nil {
		name, ok := c.closed[d]
		return name, ok
	}
	for _, cl := range c.Closures {
		if !d.Before(cl.First) && !d.After(cl.Last) {
			return cl.Name, true
		}
	}
	return "", false
}

// IsSchoolDay reports whether pupils are expected in school on the date.
func (c *Calendar) IsSchoolDay(d Date) bool {
	_, closed := c.Closed(d)
	return !closed
}

// Closed says why the school is shut on the date, if it is.
func (c *Calendar) Closed(d Date) (why string, closed bool) {
	if d.IsWeekend() {
		return "weekend", true
	}
	if name, ok := BankHolidays[d]; ok {
		return name, true
	}
	if c == nil {
		return "", false
	}
	return c.closure(d)
}

// SchoolDaysBetween counts school days from first to last, both included.
func (c *Calendar) SchoolDaysBetween(first, last Date) int {
	n := 0
	for d := first; !d.After(last); d = d.AddDays(1) {
		if c.IsSchoolDay(d) {
			n++
		}
	}
	return n
}

// SchoolDaysInWeek counts the school days Monday to Friday of the week that
// begins on the Monday given.
func (c *Calendar) SchoolDaysInWeek(monday Date) int {
	return c.SchoolDaysBetween(monday, monday.AddDays(4))
}

// AddSchoolDays is the date n school days after d (d itself not counted).
func (c *Calendar) AddSchoolDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsSchoolDay(d) {
			n--
		}
	}
	return d
}

// PlanEnd is where a plan of so many weeks from start ends: the Friday of
// its last week (the start's week counting as the first), or, when the
// school is shut that day, the last school day before it, never before the
// start. Every seed caps a plan at six weeks (000; 001 process 4; 002
// s5.10), and a plan ending in the Christmas holiday reads as a mistake to
// the LA.
func (c *Calendar) PlanEnd(start Date, weeks int) Date {
	end := start.Monday().AddDays(7*(weeks-1) + 4)
	for !c.IsSchoolDay(end) && end.After(start) {
		end = end.AddDays(-1)
	}
	return end
}

// SessionLengths returns the school's session lengths, or the defaults.
func (c *Calendar) SessionLengths() SessionLengths {
	if c == nil || c.Sessions == (SessionLengths{}) {
		return DefaultSessionLengths
	}
	return c.Sessions
}
