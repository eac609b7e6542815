package model

// Fuzz targets for the hours computation (issue 7, part 3).
//
// CI (.ci/run) gives every fuzz target in model/ a few seconds after the
// ordinary tests. Before a release, or after touching timetable.go,
// calendar.go or a parser, run each for ten minutes, one at a time:
//
//	for t in FuzzWeekHours FuzzPlannedWeeks FuzzParseYearGroup FuzzParseFlags \
//	         FuzzParseFlag FuzzParseUPN FuzzParsePack FuzzParseDate \
//	         FuzzParseCaseFile FuzzParsePupilsCSV FuzzCleanText; do
//	    go test ./model -run '^$' -fuzz "^$t\$" -fuzztime 10m || break
//	done
//
// A failure leaves its input under model/testdata/fuzz/<target>/; keep that
// file (it becomes a regression case that plain `go test` runs) and fix the
// code, not the property.

import (
	"encoding/binary"
	"math"
	"testing"
)

// fuzzWeek builds a week, its calendar and a full-time threshold from the
// fuzzer's numbers. The week begins on a Monday between 2024 and 2030, the
// span of the embedded bank holidays, so bank-holiday weeks turn up; closed
// is a bit per weekday closed for INSET, and its top three bits place the
// plan's dates (a start in the week, an end in the week, a plan that starts
// the week after), so weeks cut by the plan's start or end turn up;
// sessions are three bytes each
// (mode, then minutes as a signed 16-bit number; the top bit of the mode
// byte marks a partial session), so minutes outside the session turn up too.
func fuzzWeek(week uint16, closed uint8, am, pm uint16, sessions []byte) (Week, *Calendar, PlanDates) {
	monday := NewDate(2024, 1, 1).AddDays(7 * int(week%366))
	var closures []Closure
	for day := range 5 {
		if closed&(1<<day) != 0 {
			d := monday.AddDays(day)
			closures = append(closures, Closure{First: d, Last: d, Name: "INSET day"})
		}
	}
	cal := NewCalendar(closures...)
	cal.Sessions = SessionLengths{AM: 1 + int(am%600), PM: 1 + int(pm%600)}
	w := Week{WeekBeginning: monday}
	modes := append([]Mode{""}, Modes...)
	for i := range 10 {
		var b [3]byte
		copy(b[:], sessions[min(3*i, len(sessions)):])
		s := Session{Mode: modes[int(b[0]&0x7f)%len(modes)], Partial: b[0]&0x80 != 0}
		if s.Partial {
			s.Minutes = int(int16(binary.BigEndian.Uint16(b[1:])))
		}
		w.Days[i/2][i%2] = s
	}
	var plan PlanDates
	if closed&0x20 != 0 {
		plan.Start = monday.AddDays(int(am % 5))
	}
	if closed&0x40 != 0 {
		plan.End = monday.AddDays(int(pm % 5))
	}
	if closed&0x80 != 0 {
		plan.Start = monday.AddDays(7)
	}
	return w, cal, plan
}

// planSchoolDays counts the week's school days inside the plan, the long
// way: the days Week.Hours should count.
func planSchoolDays(w Week, cal *Calendar, plan PlanDates) int {
	n := 0
	for i := range 5 {
		d := w.WeekBeginning.AddDays(i)
		inPlan := (plan.Start.IsZero() || !d.Before(plan.Start)) && (plan.End.IsZero() || !d.After(plan.End))
		if cal.IsSchoolDay(d) && inPlan {
			n++
		}
	}
	return n
}

func fuzzWeekSeeds(f *testing.F) {
	full := []byte{1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0}
	f.Add(uint16(44), uint8(0), uint16(179), uint16(119), full)                                     // 2024-11-04, 180/120, all in school
	f.Add(uint16(151), uint8(0b10000), uint16(164), uint16(104), full)                              // 2026-11-30 with an INSET Friday
	f.Add(uint16(69), uint8(0), uint16(179), uint16(119), full)                                     // 2025-04-21: Easter Monday
	f.Add(uint16(0), uint8(0b11111), uint16(0), uint16(0), []byte{0x81, 0xff, 0xff})                // all closed, -1 minutes
	f.Add(uint16(44), uint8(0x20), uint16(183), uint16(119), full)                                  // the plan starts on the Thursday
	f.Add(uint16(44), uint8(0x40|0b100), uint16(179), uint16(121), full)                            // the plan ends on the Tuesday; INSET Wednesday
	f.Add(uint16(44), uint8(0x80), uint16(179), uint16(119), full)                                  // the plan starts the week after
	f.Add(uint16(10), uint8(0), uint16(59), uint16(59), []byte{0x82, 0x7f, 0xff, 0x85, 0x00, 0x3c}) // 32767 min offsite; 60 min home learning
}

// FuzzWeekHours: whatever the week, the calendar and the threshold,
// Week.Hours obeys RULES.md, "Full-time hours" (002 s2, LGSCO): hours are
// never negative and never more than five days of both sessions' full
// length; home learning never counts; the pro-rata threshold is never above
// the full one and is the full one x school days / 5; the percent is hours
// over threshold; a week is full time exactly when its hours reach the
// threshold.
func FuzzWeekHours(f *testing.F) {
	fuzzWeekSeeds(f)
	f.Fuzz(func(t *testing.T, week uint16, closed uint8, am, pm uint16, sessions []byte) {
		w, cal, plan := fuzzWeek(week, closed, am, pm, sessions)
		for _, year := range YearGroups {
			full, ok := year.FullTimeHours()
			checkWeekHours(t, w, cal, plan, full, ok)
		}
		// A pack's flat threshold (some LAs use 25 h for all), in hundredths
		// of an hour as settings keep it.
		checkWeekHours(t, w, cal, plan, float64(pm%6000)/100, true)
	})
}

func checkWeekHours(t *testing.T, w Week, cal *Calendar, plan PlanDates, full float64, hasThreshold bool) {
	t.Helper()
	wh := w.Hours(cal, plan, full, hasThreshold)
	l := cal.SessionLengths()
	ceiling := round2(float64(5*(l.AM+l.PM)) / 60) // hours are shown to two decimals
	days := planSchoolDays(w, cal, plan)
	switch {
	case wh.WeekBeginning != w.WeekBeginning || wh.SchoolDays != days:
		t.Fatalf("week %s, plan %v to %v: school days %d, calendar and plan say %d", w.WeekBeginning, plan.Start, plan.End, wh.SchoolDays, days)
	case wh.MinutesSchool < 0 || wh.MinutesOffsite < 0 || wh.MinutesHomeLearning < 0 || wh.HoursInEducation < 0:
		t.Fatalf("negative time in education: %+v\nweek %+v", wh, w)
	case wh.HoursInEducation > ceiling:
		t.Fatalf("%v hours is more than five days of %d+%d-minute sessions (%v h): %+v\nweek %+v", wh.HoursInEducation, l.AM, l.PM, ceiling, wh, w)
	case wh.MinutesHomeLearning > days*(l.AM+l.PM) || wh.MinutesSchool+wh.MinutesOffsite > days*(l.AM+l.PM):
		t.Fatalf("more minutes than the week's %d school days hold: %+v\nweek %+v", days, wh, w)
	case wh.HoursInEducation != round2(float64(wh.MinutesSchool+wh.MinutesOffsite)/60):
		t.Fatalf("hours %v are not school + off-site minutes (%d + %d) / 60", wh.HoursInEducation, wh.MinutesSchool, wh.MinutesOffsite)
	}
	if !hasThreshold {
		if wh.HasThreshold || wh.ThresholdHours != 0 || wh.PercentOfFullTime != 0 || wh.FullTime {
			t.Fatalf("no threshold (nursery, post-16), yet %+v", wh)
		}
		return
	}
	checkThreshold(t, wh, full, days)
}

func checkThreshold(t *testing.T, wh WeekHours, full float64, days int) {
	t.Helper()
	want := round2(full * float64(days) / 5)
	switch {
	case !wh.HasThreshold:
		t.Fatalf("threshold %v h lost: %+v", full, wh)
	case wh.ThresholdHours < 0 || wh.ThresholdHours > full:
		t.Fatalf("pro-rata threshold %v is outside 0..%v: %+v", wh.ThresholdHours, full, wh)
	case wh.ThresholdHours != want:
		t.Fatalf("threshold %v, want %v x %d/5 = %v", wh.ThresholdHours, full, days, want)
	case wh.FullTime != (wh.HoursInEducation >= wh.ThresholdHours):
		t.Fatalf("full time %v but %v h against a threshold of %v h", wh.FullTime, wh.HoursInEducation, wh.ThresholdHours)
	case wh.ThresholdHours == 0 && wh.PercentOfFullTime != 100:
		t.Fatalf("a week that asks for nothing is %v%% of full time, want 100", wh.PercentOfFullTime)
	case wh.ThresholdHours > 0 && wh.PercentOfFullTime != round2(100*wh.HoursInEducation/wh.ThresholdHours):
		t.Fatalf("percent %v is not %v h / %v h", wh.PercentOfFullTime, wh.HoursInEducation, wh.ThresholdHours)
	case wh.FullTime && wh.PercentOfFullTime < 100, !wh.FullTime && wh.PercentOfFullTime > 100:
		t.Fatalf("full time %v at %v%%", wh.FullTime, wh.PercentOfFullTime)
	case math.IsNaN(wh.PercentOfFullTime) || math.IsInf(wh.PercentOfFullTime, 0):
		t.Fatalf("percent %v", wh.PercentOfFullTime)
	}
}

// FuzzPlannedWeeks: the weeks of a case come back one for one, in date
// order, each as Week.Hours works it out against the pupil's year group or
// the pack's flat threshold (RULES.md, "Full-time hours": "A pack may
// override the threshold").
func FuzzPlannedWeeks(f *testing.F) {
	fuzzWeekSeeds(f)
	f.Fuzz(func(t *testing.T, week uint16, closed uint8, am, pm uint16, sessions []byte) {
		first, cal, plan := fuzzWeek(week, closed, am, pm, sessions)
		// A later week (a different Monday) listed first: PlannedWeeks sorts.
		later, _, _ := fuzzWeek(week+1+uint16(closed%5), 0, am, pm, append(sessions[min(15, len(sessions)):], sessions...))
		c := Case{Pupil: Pupil{YearGroup: YearGroups[int(closed)%len(YearGroups)]}, Timetable: []Week{later, first},
			Start: plan.Start, PlannedEnd: plan.End}
		params := DefaultParams()
		params.ThresholdHours = float64(am%3000) / 100
		weeks := PlannedWeeks(c, cal, params)
		if len(weeks) != 2 || !weeks[0].WeekBeginning.Before(weeks[1].WeekBeginning) {
			t.Fatalf("weeks out of order or lost: %+v", weeks)
		}
		full, ok := c.Pupil.YearGroup.FullTimeHours()
		if ok && params.ThresholdHours > 0 {
			full = params.ThresholdHours
		}
		for _, w := range weeks {
			src := first
			if w.WeekBeginning != first.WeekBeginning {
				src = later
			}
			checkWeekHours(t, src, cal, plan, full, ok)
			if got := src.Hours(cal, plan, full, ok); got != w {
				t.Fatalf("PlannedWeeks gave %+v, Week.Hours %+v", w, got)
			}
		}
	})
}
