package model

// Register codes for planned sessions (RULES.md, "Register codes"). They are
// derived from the plan, never findings.
const (
	CodePresentAM      = "/"
	CodePresentPM      = `\`
	CodeOffsite        = "B"
	CodeDual           = "D"
	CodeLAProvision    = "K"
	CodePartTime       = "C2" // not required: part-time timetable, compulsory school age
	CodeNotCompulsory  = "X"  // not required: not of compulsory school age
	CodeSchoolClosed   = "#"  // planned whole-school closure (bank holiday, INSET, holiday)
	CodeNotSchoolOnDay = ""   // weekends take no code
	CodeNotOnPlan      = ""   // before the plan's start or after its end: the register as usual
)

// RegisterCode is the attendance code the plan gives a session on a day
// (Calendar.Day says what the day is; s is the week's session for it).
// A day the school is shut gets the closure code # (a weekend none), never
// a code of the plan, whatever the week holds; a day before the plan's
// start or after its end gets none: the plan says nothing about it and the
// register is taken as usual. Home learning and no session are both "not
// required to attend" under the part-time timetable: C2 for a pupil of
// compulsory school age, X for one who is not (nursery and post-16 alike,
// as DfE's X code covers both).
func RegisterCode(day PlanDay, s Session, h Half, p Pupil) string {
	switch {
	case day.Kind == SchoolShut && day.Why == "weekend":
		return CodeNotSchoolOnDay
	case day.Kind == SchoolShut:
		return CodeSchoolClosed
	case !day.Planned():
		return CodeNotOnPlan
	}
	on := day.Date
	switch s.Mode {
	case InSchool:
		if h == PM {
			return CodePresentPM
		}
		return CodePresentAM
	case Offsite:
		return CodeOffsite
	case Dual:
		return CodeDual
	case LAProvision:
		return CodeLAProvision
	}
	if !p.CompulsorySchoolAge(on) {
		return CodeNotCompulsory
	}
	return CodePartTime
}

// WeekFor returns the planned week that contains the date, if any.
func (c Case) WeekFor(d Date) (Week, bool) {
	monday := d.Monday()
	for _, w := range c.Timetable {
		if w.WeekBeginning.Equal(monday) {
			return w, true
		}
	}
	return Week{}, false
}
