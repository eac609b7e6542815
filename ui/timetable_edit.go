package ui

import (
	"fmt"
	"slices"

	"reintegrate/model"
)

// The timetable grid's edits, as plain functions over the weeks so they
// can be tested without a terminal. Weeks are kept in date order.

// slot is one session in a week: day 0 (Monday) to 4, am or pm. The grid's
// columns are slots in order: Mon am, Mon pm, Tue am, ...
type slot struct {
	day  int
	half model.Half
}

func slotOf(col int) slot { return slot{day: col / 2, half: model.Half(col % 2)} }

// nextMode is the mode after m in the order the space key cycles.
func nextMode(m model.Mode) model.Mode {
	i := slices.Index(model.Modes, m)
	return model.Modes[(i+1)%len(model.Modes)]
}

// setMode changes a session's mode. A full session stays full; a part
// session keeps its minutes, so switching school to off-site does not lose
// the agreed length.
func setMode(w *model.Week, s slot, m model.Mode) {
	w.Days[s.day][s.half].Mode = m
	if m == model.NoSession {
		w.Days[s.day][s.half] = model.Session{Mode: model.NoSession}
	}
}

// setMinutes gives a session its minutes of direct contact. The full
// length makes it a full session again; more than that is refused, since a
// session cannot be longer than the school's.
func setMinutes(w *model.Week, s slot, minutes, full int) error {
	sess := &w.Days[s.day][s.half]
	switch {
	case sess.Mode == model.NoSession || sess.Mode == "":
		return fmt.Errorf("minutes: set the session's mode first (s school, b off-site, h home learning)")
	case minutes < 0 || minutes > full:
		return fmt.Errorf("minutes: type a whole number from 0 to %d (a full %s session)", full, s.half)
	case minutes == full:
		sess.Minutes, sess.Partial = 0, false
	default:
		sess.Minutes, sess.Partial = minutes, true
	}
	return nil
}

// minutesOf is the session's minutes as the grid shows them.
func minutesOf(sess model.Session, full int) int {
	if sess.Partial {
		return sess.Minutes
	}
	if sess.Mode == model.NoSession || sess.Mode == "" || sess.Mode == model.HomeLearning {
		return 0
	}
	return full
}

// weekIndex finds the week beginning on the Monday, if planned.
func weekIndex(weeks []model.Week, monday model.Date) int {
	return slices.IndexFunc(weeks, func(w model.Week) bool { return w.WeekBeginning.Equal(monday) })
}

// putWeek sets the week (replacing one on the same Monday) and keeps the
// weeks in date order. It returns the week's index.
func putWeek(weeks []model.Week, w model.Week) ([]model.Week, int) {
	if i := weekIndex(weeks, w.WeekBeginning); i >= 0 {
		weeks[i] = w
		return weeks, i
	}
	weeks = append(weeks, w)
	slices.SortFunc(weeks, byMonday)
	return weeks, weekIndex(weeks, w.WeekBeginning)
}

// copyForward copies week i's sessions onto the following week, adding it
// when it is not planned yet.
func copyForward(weeks []model.Week, i int) ([]model.Week, int) {
	next := weeks[i]
	next.WeekBeginning = weeks[i].WeekBeginning.AddDays(7)
	return putWeek(weeks, next)
}

// stepUp plans the week after week i as week i with more time in school:
// part sessions become full first, then empty mornings Monday to Friday,
// then empty afternoons, since mornings first is the usual way back
// (002 appendix 1: "a clear path of planned reintegration from part-time
// to full-time"). It adds enough sessions that, at the same pace, the
// plan is full time by its end: missing sessions shared over the weeks left.
func stepUp(weeks []model.Week, i int, plan model.PlanDates, cal *model.Calendar) ([]model.Week, int, int) {
	next := weeks[i]
	next.WeekBeginning = weeks[i].WeekBeginning.AddDays(7)
	order := stepOrder(next, plan, cal)
	left, end := 1, plan.End
	if !end.IsZero() && !end.Before(next.WeekBeginning) {
		left = next.WeekBeginning.DaysUntil(end.Monday())/7 + 1
	}
	add := (len(order) + left - 1) / left
	for _, s := range order[:add] {
		next.Days[s.day][s.half] = model.Session{Mode: model.InSchool}
	}
	weeks, j := putWeek(weeks, next)
	return weeks, j, add
}

// stepOrder lists the sessions a step up may fill, in the order it fills
// them, on the plan's school days only (model.PlanDay: a bank holiday, or
// a day after the plan's end, gains nothing).
func stepOrder(w model.Week, plan model.PlanDates, cal *model.Calendar) []slot {
	var partial, empty []slot
	days := cal.WeekDays(w.WeekBeginning, plan)
	for _, h := range []model.Half{model.AM, model.PM} {
		for day := range 5 {
			if !days[day].Planned() {
				continue
			}
			s := w.Days[day][h]
			switch {
			case s.Mode.InEducation() && s.Partial:
				partial = append(partial, slot{day, h})
			case !s.Mode.InEducation():
				empty = append(empty, slot{day, h})
			}
		}
	}
	return append(partial, empty...)
}

// addWeek plans the first week of the plan that has no timetable yet, or,
// when every week is planned, the week after the last (which runs past the
// planned end, and the rules will say so). New weeks start empty.
func addWeek(weeks []model.Week, start, end model.Date) ([]model.Week, int, bool) {
	if !start.IsZero() && !end.IsZero() {
		for d := start.Monday(); !d.After(end); d = d.AddDays(7) {
			if weekIndex(weeks, d) < 0 {
				w, i := putWeek(weeks, emptyWeek(d))
				return w, i, true
			}
		}
	}
	var monday model.Date
	switch {
	case len(weeks) > 0:
		monday = weeks[len(weeks)-1].WeekBeginning.AddDays(7)
	case !start.IsZero():
		monday = start.Monday()
	default:
		return weeks, -1, false
	}
	w, i := putWeek(weeks, emptyWeek(monday))
	return w, i, end.IsZero() || !monday.After(end)
}

func emptyWeek(monday model.Date) model.Week {
	w := model.Week{WeekBeginning: monday}
	for d := range 5 {
		w.Days[d] = [2]model.Session{{Mode: model.NoSession}, {Mode: model.NoSession}}
	}
	return w
}

// removeWeek takes week i out of the plan.
func removeWeek(weeks []model.Week, i int) []model.Week {
	return slices.Delete(weeks, i, i+1)
}

// byMonday orders weeks by the date they begin.
func byMonday(a, b model.Week) int { return a.WeekBeginning.Time().Compare(b.WeekBeginning.Time()) }
