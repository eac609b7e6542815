package model

// What a plan's session is on a date. A timetable week holds ten sessions,
// but not every one of them is a session of the plan: on a day the school
// is shut there is no session, whatever the week holds (a week copied
// into half term keeps its pattern, and a holiday added to the calendar
// after the plan was made does not rewrite it); and a day before the plan
// starts or after it ends is not planned at all (a plan starting on a
// Thursday has no Monday to Wednesday). Everything that reads a session
// (hours, thresholds, register codes, the grid, today's list, the printed
// timetable, the reports) asks Day first.

// DayKind is what a date is for a plan's sessions.
type DayKind int

const (
	// PlannedDay is a school day from the plan's start to its end: its
	// sessions are the plan's.
	PlannedDay DayKind = iota
	// SchoolShut is a weekend, a bank holiday, or one of the school's own
	// holidays and INSET days.
	SchoolShut
	// BeforePlan is a school day before the plan's start.
	BeforePlan
	// AfterPlan is a school day after the plan's end (moved by extensions).
	AfterPlan
)

// PlanDates are the first and last days of a plan, both included. A zero
// date leaves that side open: a plan with no start or end entered yet.
type PlanDates struct {
	Start, End Date
}

// Dates are when the case's plan runs: from its start to its planned end
// moved by extensions (End).
func (c Case) Dates() PlanDates { return PlanDates{Start: c.Start, End: c.End()} }

// PlanDay is what one date is for a plan's sessions.
type PlanDay struct {
	Date Date
	Kind DayKind
	Why  string // why the school is shut: "weekend", "Good Friday", "February half term"
	Plan PlanDates
}

// Day says what the date is for a plan running over the dates: the school
// shut, before or after the plan, or a planned day. A day the school is
// shut is that first, inside the plan or out of it: it has no session
// either way, and the reason is the more useful thing to say.
func (c *Calendar) Day(d Date, plan PlanDates) PlanDay {
	day := PlanDay{Date: d, Plan: plan}
	switch why, closed := c.Closed(d); {
	case closed:
		day.Kind, day.Why = SchoolShut, why
	case !plan.Start.IsZero() && d.Before(plan.Start):
		day.Kind = BeforePlan
	case !plan.End.IsZero() && d.After(plan.End):
		day.Kind = AfterPlan
	}
	return day
}

// WeekDays are what the days of the week beginning on the Monday are for
// the plan, Monday first.
func (c *Calendar) WeekDays(monday Date, plan PlanDates) [5]PlanDay {
	var days [5]PlanDay
	for i := range days {
		days[i] = c.Day(monday.AddDays(i), plan)
	}
	return days
}

// Planned reports whether the day's sessions are sessions of the plan.
func (d PlanDay) Planned() bool { return d.Kind == PlannedDay }

// Session is the session the plan has on the day, given the week's
// session for it: that session on a planned day, no session on any other.
func (d PlanDay) Session(s Session) Session {
	if !d.Planned() {
		return Session{Mode: NoSession}
	}
	return s
}

// SessionIn is Session, taking the day's session from the week.
func (d PlanDay) SessionIn(w Week, h Half) Session {
	if !d.Planned() {
		return Session{Mode: NoSession}
	}
	return w.Days[d.Date.DayOfWeek()][h]
}

// Label is what the day is, in a few words, for a cell or a column:
// "school shut", "before the plan", "after the plan"; "" for a planned day.
func (d PlanDay) Label() string {
	switch d.Kind {
	case SchoolShut:
		return "school shut"
	case BeforePlan:
		return "before the plan"
	case AfterPlan:
		return "after the plan"
	}
	return ""
}

// Phrase is Label with its reason: "school shut (February half term)",
// "before the plan (it starts 18/02/2027)", "after the plan (it ends
// 26/03/2027)"; "" for a planned day.
func (d PlanDay) Phrase() string {
	switch d.Kind {
	case SchoolShut:
		return d.Label() + " (" + d.Why + ")"
	case BeforePlan:
		return d.Label() + " (it starts " + d.Plan.Start.UK() + ")"
	case AfterPlan:
		return d.Label() + " (it ends " + d.Plan.End.UK() + ")"
	}
	return ""
}

// NoPlannedDay says why a week has none of the plan's school days, in the
// words of Label: "before the plan" or "after the plan" when the plan
// starts after it or ends before it, else "school shut" (a holiday week).
func NoPlannedDay(days [5]PlanDay) string {
	for _, d := range days {
		if d.Kind == BeforePlan || d.Kind == AfterPlan {
			return d.Label()
		}
	}
	return PlanDay{Kind: SchoolShut}.Label()
}
