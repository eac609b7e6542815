package model

import (
	"fmt"
	"math"
	"slices"
)

// Mode is where a pupil is for one session of a planned timetable.
type Mode string

const (
	InSchool     Mode = "school"
	Offsite      Mode = "offsite"      // approved off-site educational activity (B)
	Dual         Mode = "dual"         // at another school where dual registered (D)
	LAProvision  Mode = "la_provision" // LA-arranged provision (K)
	HomeLearning Mode = "home_learning"
	NoSession    Mode = "none"
)

// Modes lists every mode in the order the grid cycles through them.
var Modes = []Mode{InSchool, Offsite, Dual, LAProvision, HomeLearning, NoSession}

// Valid reports whether m is one of the six modes.
func (m Mode) Valid() bool {
	for _, v := range Modes {
		if m == v {
			return true
		}
	}
	return false
}

// InEducation reports whether the session's minutes count as hours in
// education: in school or at approved off-site provision (B, D, K).
func (m Mode) InEducation() bool {
	return m == InSchool || m == Offsite || m == Dual || m == LAProvision
}

// Half is the morning or afternoon session.
type Half int

const (
	AM Half = iota
	PM
)

func (h Half) String() string {
	if h == PM {
		return "pm"
	}
	return "am"
}

// DayNames are the keys of a week's days in a case file, Monday first.
var DayNames = [5]string{"mon", "tue", "wed", "thu", "fri"}

// Session is one planned am or pm session. Partial sessions carry their own
// minutes of direct contact; a full session takes its length from the school.
type Session struct {
	Mode    Mode
	Minutes int
	Partial bool // Minutes was given; otherwise a full session (or none)
}

// ContactMinutes is the session's minutes given the school's session length.
// A session with no minutes given is a full session, except none and home
// learning, which have no contact time unless minutes are given.
func (s Session) ContactMinutes(full int) int {
	switch {
	case s.Partial:
		// Never more than the whole session nor less than none: minutes
		// kept from before the school shortened its sessions in settings
		// (storage takes 0 to 1440) must not make a week look fuller than
		// the school day allows (found by FuzzWeekHours).
		return min(max(s.Minutes, 0), full)
	case s.Mode == "" || s.Mode == NoSession || s.Mode == HomeLearning:
		return 0
	}
	return full
}

// Week is one planned week, Monday to Friday, am and pm.
type Week struct {
	WeekBeginning Date
	Days          [5][2]Session
}

// Session returns the planned session for a day (0 = Monday) and half.
func (w Week) Session(day int, h Half) Session { return w.Days[day][h] }

// SortedWeeks returns the weeks in date order, in a fresh slice the caller
// may change without touching ws.
func SortedWeeks(ws []Week) []Week {
	out := slices.Clone(ws)
	slices.SortFunc(out, func(a, b Week) int { return a.WeekBeginning.t.Compare(b.WeekBeginning.t) })
	return out
}

// SessionLengths are the school's full am and pm contact minutes.
type SessionLengths struct {
	AM, PM int
}

// DefaultSessionLengths are the school profile's defaults: 3 h am, 2 h pm.
var DefaultSessionLengths = SessionLengths{AM: 180, PM: 120}

// Of returns the length of the half's session.
func (l SessionLengths) Of(h Half) int {
	if h == PM {
		return l.PM
	}
	return l.AM
}

// WeekHours is one week's time in education against the full-time threshold.
type WeekHours struct {
	WeekBeginning       Date
	SchoolDays          int // the plan's school days in the week (Calendar.Day)
	MinutesSchool       int
	MinutesOffsite      int
	MinutesHomeLearning int
	HoursInEducation    float64
	ThresholdHours      float64 // pro rata for short weeks; 0 when HasThreshold is false
	HasThreshold        bool
	PercentOfFullTime   float64
	FullTime            bool
}

// Hours works out a week's minutes, hours in education, the pro-rata
// threshold and whether the week is full time. Only the plan's school days
// count (Calendar.Day): a session on a day the school is shut (a bank
// holiday, INSET, a holiday) or before the plan's start or after its end
// is no session, and the threshold is pro rata over the days that are
// left, so a plan starting on a Thursday asks for two fifths of a week in
// its first week. fullHours is the year group's LGSCO threshold (or a
// pack's override); hasThreshold false means the pupil has none (nursery,
// post-16).
func (w Week) Hours(cal *Calendar, plan PlanDates, fullHours float64, hasThreshold bool) WeekHours {
	wh := WeekHours{WeekBeginning: w.WeekBeginning}
	lengths := cal.SessionLengths()
	for _, day := range cal.WeekDays(w.WeekBeginning, plan) {
		if !day.Planned() {
			continue
		}
		wh.SchoolDays++
		for _, h := range []Half{AM, PM} {
			s := day.SessionIn(w, h)
			minutes := s.ContactMinutes(lengths.Of(h))
			switch {
			case s.Mode == InSchool:
				wh.MinutesSchool += minutes
			case s.Mode.InEducation():
				wh.MinutesOffsite += minutes
			case s.Mode == HomeLearning:
				wh.MinutesHomeLearning += minutes
			}
		}
	}
	wh.HoursInEducation = round2(float64(wh.MinutesSchool+wh.MinutesOffsite) / 60)
	if !hasThreshold {
		return wh
	}
	wh.HasThreshold = true
	wh.ThresholdHours = round2(fullHours * float64(wh.SchoolDays) / 5)
	switch {
	case wh.ThresholdHours > 0:
		wh.PercentOfFullTime = round2(100 * wh.HoursInEducation / wh.ThresholdHours)
		wh.FullTime = wh.HoursInEducation >= wh.ThresholdHours
	default:
		// A week with no school days asks for nothing and is not a reduction.
		wh.PercentOfFullTime = 100
		wh.FullTime = true
	}
	return wh
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// FormatHours writes hours with at most two decimals and no trailing zeros.
func FormatHours(h float64) string {
	s := fmt.Sprintf("%.2f", h)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return trimDot(s)
}

func trimDot(s string) string {
	if s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}
