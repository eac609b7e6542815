package storage

import (
	"time"

	"reintegrate/model"
)

// DemoSchool is the school profile of the demo: a Somerset academy in the
// Bath and Wells trust that also takes pupils back from AP under the
// Worcestershire protocol, so every kind of case and form has an example.
func DemoSchool(on model.Date) model.School {
	s := model.DefaultSchool()
	s.Name = "St Aidan's Church of England Academy"
	s.URN = "149012"
	s.LocalAuthority = "Somerset Council"
	s.Trust = "Bath and Wells Multi Academy Trust"
	s.Packs.On = []model.Pack{model.National, model.Worcestershire, model.BWMAT}
	a := academicYear(on)
	s.Closures = []model.Closure{
		{First: model.NewDate(a, time.September, 1), Last: model.NewDate(a, time.September, 2), Name: "INSET"},
		{First: model.NewDate(a, time.October, 26), Last: model.NewDate(a, time.October, 30), Name: "October half term"},
		{First: model.NewDate(a, time.December, 21), Last: model.NewDate(a+1, time.January, 1), Name: "Christmas holiday"},
		{First: model.NewDate(a+1, time.January, 4), Last: model.NewDate(a+1, time.January, 4), Name: "INSET"},
		{First: model.NewDate(a+1, time.February, 15), Last: model.NewDate(a+1, time.February, 19), Name: "February half term"},
		{First: model.NewDate(a+1, time.April, 1), Last: model.NewDate(a+1, time.April, 16), Name: "Easter holiday"},
		{First: model.NewDate(a+1, time.May, 31), Last: model.NewDate(a+1, time.June, 4), Name: "May half term"},
		{First: model.NewDate(a+1, time.July, 22), Last: model.NewDate(a+1, time.August, 31), Name: "Summer holiday"},
	}
	return s
}

// academicYear is the calendar year in which the school year containing
// the date began (1 September).
func academicYear(on model.Date) int {
	if on.Month() >= time.September {
		return on.Year()
	}
	return on.Year() - 1
}

// birthday gives a pupil in the year group a date of birth that fits it in
// the school year of the date: month (1-12) picks where in the year.
func birthday(on model.Date, y model.YearGroup, month time.Month, day int) model.Date {
	n := 0 // Reception
	for i, g := range model.YearGroups {
		if g == y {
			n = i - 2
		}
	}
	year := academicYear(on) - n - 5 // September-to-December births
	if month < time.September {
		year++
	}
	return model.NewDate(year, month, day)
}

// plannedWeeks builds a timetable from the Monday given that steps up from
// the sessions of the first week to full time in the last, morning
// sessions first (the usual way back: mornings, then whole days).
func plannedWeeks(monday model.Date, weeks int, first, last int, mode model.Mode) []model.Week {
	out := make([]model.Week, weeks)
	for i := range out {
		sessions := last
		if weeks > 1 {
			sessions = first + (last-first)*i/(weeks-1)
		}
		out[i].WeekBeginning = monday.AddDays(7 * i)
		for s := range 10 {
			day, half := s%5, model.Half(s/5)
			m := model.NoSession
			if s < sessions {
				m = mode
			} else if half == model.PM {
				m = model.HomeLearning
			}
			out[i].Days[day][half] = model.Session{Mode: m}
		}
	}
	return out
}
