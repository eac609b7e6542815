package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"reintegrate/model"
)

// shutDaysSchool has a February half term 15/02-19/02/2027; Good Friday
// (26/03/2027) and Easter Monday (29/03/2027) are the embedded bank
// holidays.
func shutDaysSchool() model.School {
	s := testSchool()
	s.Closures = []model.Closure{{First: date("2027-02-15"), Last: date("2027-02-19"), Name: "February half term"}}
	return s
}

// newShutDaysDriver opens the app as of on over one Y8 pupil whose plan
// starts on Thursday 04/02/2027 and ends on Wednesday 31/03/2027, every
// week planned full time in school, Monday to Friday, as copying a week
// forward leaves it: so the week holds "in school" on the days before the
// start, in the half term, on the bank holidays and after the end.
func newShutDaysDriver(t testing.TB, width, height int, on string) *driver {
	t.Helper()
	return newShutDaysDriverAt(t, width, height, on, shutDaysSchool())
}

// newShutDaysDriverAt is newShutDaysDriver with another school's calendar.
func newShutDaysDriverAt(t testing.TB, width, height int, on string, school model.School) *driver {
	t.Helper()
	store := newFakeStore(school)
	zoe := store.addPupil(model.Pupil{Name: "Zoë Brontë", DateOfBirth: date("2013-04-02"), YearGroup: "Y8"})
	var weeks []model.Week
	for monday := date("2027-02-01"); !monday.After(date("2027-03-29")); monday = monday.AddDays(7) {
		weeks = append(weeks, fullWeek(monday.String()))
	}
	store.addCase(model.Case{Pupil: zoe, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.MentalHealth},
		Start: date("2027-02-04"), PlannedEnd: date("2027-03-31"), Status: model.Active, Timetable: weeks})
	m := New(store, school, date(on), Options{IdleAfter: -1, Forms: fakeForms{}}).(Model)
	m.common.check = pinnedCheck
	store.check = pinnedCheck
	d := &driver{t: t, m: m, store: store}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// A day the school is shut and a day outside the plan are no sessions,
// whatever the week holds (model.PlanDay): the grid shows # and ".", its
// status line says which and why, never "in school", the hours count only
// the plan's school days with the threshold pro rata over them (RULES.md,
// "Full-time hours": threshold x school days / 5; 002 s2), and no key
// changes them.
func TestGridAcrossHalfTermBankHolidaysAndAThursdayStart(t *testing.T) {
	d := newShutDaysDriver(t, 120, 40, "2027-02-16")
	d.keys("enter", "t")
	// The grid opens on this week, the half term: nothing counts.
	d.mustSee("  15/02/2027  [#] #   #  #   #  #   #  #   #  #      0     —    —",
		"school shut\n", "Mon 15/02/2027 am: school shut (February half term) · no session, not counted")
	d.keys("right", "right")
	d.mustSee("Tue 16/02/2027 am: school shut (February half term)")
	d.mustNotSee("in school, 180 of 180 min", "register code")
	for _, k := range []string{"i", "b", "0", "space", "*", "+", "-", "m"} {
		d.keys(k)
		d.mustSee("Tue 16/02/2027: school shut (February half term), no session to plan.")
		d.mustNotSee("UNSAVED", "Minutes for this session")
	}

	// The first week: the plan starts on Thursday 04/02/2027. Monday to
	// Wednesday are before it: not counted, not editable; the threshold is
	// 24 h x 2/5 = 9.6 h.
	d.keys("up", "up", "left", "left")
	d.mustSee("  01/02/2027  [.] .   .  .   .  .   S  S   S  S     10   9.6 104%", "full time · 2-day week",
		"Mon 01/02/2027 am: before the plan (it starts 04/02/2027) · no session, not counted")
	d.keys("i", "0")
	d.mustSee("Mon 01/02/2027: before the plan (it starts 04/02/2027), no session to plan.")
	d.mustNotSee("UNSAVED")
	for range 6 {
		d.keys("right")
	}
	// Thursday is the plan's: it is in school, and it can change.
	d.mustSee("Thu 04/02/2027 am: in school, 180 of 180 min · register code /")
	d.keys("0")
	d.mustSee("! 01/02/2027   .  .   .  .   .  .  [-] S   S  S      7   9.6  73%", "below · 2-day week", "UNSAVED")

	// Good Friday: a four-day week; Easter Monday and, after the plan's end
	// on Wednesday 31/03/2027, Thursday and Friday: a two-day week.
	d.mustSee("  22/03/2027   S  S   S  S   S  S   S  S   #  #     20  19.2 104%", "full time · 4-day week",
		"  29/03/2027   #  #   S  S   S  S   .  .   .  .     10   9.6 104%")
	for range 7 {
		d.keys("down")
	}
	d.keys("right", "right")
	d.mustSee("Fri 26/03/2027 am: school shut (Good Friday)")
	d.keys("i")
	d.mustSee("Fri 26/03/2027: school shut (Good Friday), no session to plan.")
	d.keys("down", "left")
	d.mustSee("Thu 01/04/2027 pm: after the plan (it ends 31/03/2027)")
	d.keys("i")
	d.mustSee("Thu 01/04/2027: after the plan (it ends 31/03/2027), no session to plan.")
}

// A week wholly after the plan says so, not "school shut", and counts for
// nothing.
func TestGridWeekOutsideThePlan(t *testing.T) {
	d := newShutDaysDriver(t, 120, 40, "2027-03-31")
	d.keys("enter", "t", "o") // a week after the last: 05/04/2027, after the plan's end
	d.mustSee("  05/04/2027  [.] .   .  .   .  .   .  .   .  .      0     —    —", "after the plan\n",
		"Mon 05/04/2027 am: after the plan (it ends 31/03/2027)")
}

// The Today screen and the grid on a shut day, and the grid over a plan
// starting on a Thursday, at 80x24 and 120x40.
func TestGoldenShutDays(t *testing.T) {
	screens := []struct {
		name string
		open func(d *driver)
	}{
		{"today-half-term", func(d *driver) {}},
		{"timetable-half-term", func(d *driver) { d.keys("enter", "t") }},
		{"timetable-thursday-start", func(d *driver) { d.keys("enter", "t", "up", "up") }},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				d := newShutDaysDriver(t, size[0], size[1], "2027-02-16")
				s.open(d)
				golden.RequireEqual(t, trimRight(d.view()))
			})
		}
	}
}

// On Good Friday the Today screen says the school is shut for every
// session, with the closure code, and never "school" or "home learning".
func TestTodayOnGoodFriday(t *testing.T) {
	d := newShutDaysDriver(t, 80, 24, "2027-03-26")
	d.mustSee("Friday 26/03/2027 · not a school day (Good Friday)", "#  school shut      #  school shut")
	d.mustNotSee("# school", "home lrn", "/ school")
}

// The Cases list and the case's Overview say a half-term week is shut, not
// "0/0 h full time".
func TestThisWeekInTheHalfTerm(t *testing.T) {
	d := newShutDaysDriver(t, 120, 40, "2027-02-16")
	d.keys("c")
	d.mustSee("Zoë Brontë", "school shut")
	d.mustNotSee("0/0 h")
	d = newShutDaysDriver(t, 120, 40, "2027-02-16")
	d.keys("enter")
	d.mustSee("This week", "school shut")
	d.mustNotSee("0/0 h")
}

// A closure with a long name (emoji, an accent, a right-to-left mark) at
// 80 columns: the status line and the refusal stay on one line, in whole
// words, and still say the school is shut.
func TestGridLongClosureNameAt80Columns(t *testing.T) {
	school := shutDaysSchool()
	school.Closures[0].Name = "Zoë's February half term 🎉 and the trust's staff training days, \u200fwith the local authority's moderation"
	d := newShutDaysDriverAt(t, 80, 24, "2027-02-16", school)
	d.keys("enter", "t")
	d.mustSee("Mon 15/02/2027 am: school shut · no session, not counted")
	d.keys("i")
	d.mustSee("Mon 15/02/2027: school shut, no session to plan.")
	for _, line := range strings.Split(d.view(), "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("a line of %d columns:\n%s", w, line)
		}
	}
}
