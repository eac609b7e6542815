package forms

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"reintegrate/model"
)

// timetableKey is where a record keeps its copy of the timetable.
const timetableKey = "timetable"

// maxSessionMinutes bounds a partial session: no school session is longer
// than a whole day.
const maxSessionMinutes = 600

// sessionWords are the words FormatSession writes and ParseSession reads,
// with the letters staff use on paper timetables and registers.
var sessionWords = []struct {
	mode    model.Mode
	letters []string
}{
	{model.InSchool, []string{"s", "school", "/", `\`}},
	{model.Offsite, []string{"b", "offsite", "off-site"}},
	{model.Dual, []string{"d", "dual"}},
	{model.LAProvision, []string{"k", "la_provision", "la"}},
	{model.HomeLearning, []string{"h", "home_learning", "home"}},
	{model.NoSession, []string{"-", "none", "–", "x"}},
}

// FormatSession writes a planned session as a record keeps it: the mode,
// then the minutes for a partial session ("school 150"). No session is "".
func FormatSession(s model.Session) string {
	if s.Mode == "" || (s.Mode == model.NoSession && !s.Partial) {
		return ""
	}
	if s.Partial {
		return string(s.Mode) + " " + strconv.Itoa(s.Minutes)
	}
	return string(s.Mode)
}

// ParseSession reads a session as FormatSession writes it, or as staff
// write it on paper: a mode or its letter (S, B, D, K, H, -), then minutes
// for a partial session ("S 150").
func ParseSession(s string) (model.Session, error) {
	words := strings.Fields(strings.ToLower(Clean(s, false)))
	if len(words) == 0 {
		return model.Session{Mode: model.NoSession}, nil
	}
	if len(words) > 2 {
		return model.Session{}, sessionError(s)
	}
	var out model.Session
	for _, sw := range sessionWords {
		if slices.Contains(sw.letters, words[0]) {
			out.Mode = sw.mode
		}
	}
	if out.Mode == "" {
		return model.Session{}, sessionError(s)
	}
	if len(words) == 2 {
		n, err := strconv.Atoi(strings.TrimSuffix(words[1], "m"))
		if err != nil || n < 0 || n > maxSessionMinutes {
			return model.Session{}, fmt.Errorf("%q: the minutes must be a whole number from 0 to %d, for example \"S 150\"", s, maxSessionMinutes)
		}
		out.Minutes, out.Partial = n, true
	}
	return out, nil
}

func sessionError(s string) error {
	return fmt.Errorf("%q is not a session: type S (in school), B (off-site), D (dual registered), K (LA provision), H (home learning) or - (none), with minutes for part of a session, for example \"S 150\"", s)
}

// encodeTimetable copies the weeks into the record's fields.
func encodeTimetable(weeks []model.Week, fields map[string]string) {
	for i, w := range model.SortedWeeks(weeks) {
		prefix := fmt.Sprintf("%s.%d.", timetableKey, i)
		fields[prefix+"week"] = w.WeekBeginning.String()
		for d, name := range model.DayNames {
			for h, half := range []string{"am", "pm"} {
				if s := FormatSession(w.Days[d][h]); s != "" {
					fields[prefix+name+"."+half] = s
				}
			}
		}
	}
}

// decodeTimetable reads the record's copy of the timetable; weeks or
// sessions that do not parse are left out (Validate reports them).
func decodeTimetable(fields map[string]string) []model.Week {
	var weeks []model.Week
	for i := 0; ; i++ {
		prefix := fmt.Sprintf("%s.%d.", timetableKey, i)
		ws, ok := fields[prefix+"week"]
		if !ok {
			return weeks
		}
		monday, err := model.ParseDate(ws)
		if err != nil {
			continue
		}
		w := model.Week{WeekBeginning: monday}
		for d, name := range model.DayNames {
			for h, half := range []string{"am", "pm"} {
				s, err := ParseSession(fields[prefix+name+"."+half])
				if err != nil {
					s = model.Session{Mode: model.NoSession}
				}
				w.Days[d][h] = s
			}
		}
		weeks = append(weeks, w)
	}
}

// timetableErrors reports sessions in the record's copy that do not parse.
func timetableErrors(fields map[string]string) []FieldError {
	var errs []FieldError
	for i := 0; ; i++ {
		prefix := fmt.Sprintf("%s.%d.", timetableKey, i)
		ws, ok := fields[prefix+"week"]
		if !ok {
			return errs
		}
		if d, err := model.ParseDate(ws); err != nil || d.Weekday() != 1 {
			errs = append(errs, FieldError{Field: fmt.Sprintf("Timetable, week %d", i+1), Key: prefix + "week",
				Message: "the week beginning must be a Monday: " + dateHint})
		}
		for _, name := range model.DayNames {
			for _, half := range []string{"am", "pm"} {
				if _, err := ParseSession(fields[prefix+name+"."+half]); err != nil {
					errs = append(errs, FieldError{Field: fmt.Sprintf("Timetable, week %d, %s %s", i+1, name, half),
						Key: prefix + name + "." + half, Message: err.Error()})
				}
			}
		}
	}
}

// gridRow is one printed week: its cells and its Time in Education.
type gridRow struct {
	week  string
	cells [10]string
	time  string
}

// timetableGrid lays out the weeks as the seeds' am/pm grid (001
// Reintegration Timetable; 002 appendix 1), the Time in Education worked
// out by model.Week.Hours against the pupil's full-time hours. A day the
// school is shut, or before the plan's start or after its end, prints
// what it is, not the week's session: it is no session of the plan
// (model.PlanDay).
func timetableGrid(weeks []model.Week, c model.Case, school model.School) []gridRow {
	c.Timetable = weeks
	params, cal := school.Packs.Params, school.Calendar()
	hours := model.PlannedWeeks(c, cal, params)
	sorted := model.SortedWeeks(weeks)
	rows := make([]gridRow, len(sorted))
	for i, w := range sorted {
		rows[i].week = w.WeekBeginning.UK()
		days := cal.WeekDays(w.WeekBeginning, c.Dates())
		for d, day := range days {
			for h := range 2 {
				rows[i].cells[d*2+h] = sessionCell(day, day.SessionIn(w, model.Half(h)))
			}
		}
		rows[i].time = timeInEducation(hours[i], days)
	}
	return rows
}

// sessionCell is a session as the printed grid shows it.
func sessionCell(day model.PlanDay, s model.Session) string {
	switch day.Kind {
	case model.SchoolShut:
		return "Shut"
	case model.BeforePlan:
		return "Before"
	case model.AfterPlan:
		return "After"
	}
	word := map[model.Mode]string{model.InSchool: "School", model.Offsite: "B", model.Dual: "D",
		model.LAProvision: "K", model.HomeLearning: "Home"}[s.Mode]
	if word == "" {
		return "–"
	}
	if s.Partial {
		return word + " " + strconv.Itoa(s.Minutes) + "m"
	}
	return word
}

// timeInEducation is the week's hours against its threshold, pro rata over
// the plan's school days when there are fewer than five; a week with none
// says why.
func timeInEducation(w model.WeekHours, days [5]model.PlanDay) string {
	if w.SchoolDays == 0 {
		label := model.NoPlannedDay(days)
		return strings.ToUpper(label[:1]) + label[1:]
	}
	s := model.FormatHours(w.HoursInEducation) + " h"
	if w.HasThreshold {
		s += fmt.Sprintf(" of %s (%s%%)", model.FormatHours(w.ThresholdHours), model.FormatHours(w.PercentOfFullTime))
	}
	if w.SchoolDays < 5 {
		s += fmt.Sprintf(", %d school days", w.SchoolDays)
	}
	return s
}

// gridKey explains the printed grid's cells.
const gridKey = "School: in school · B: approved off-site provision · D: dual registered · K: LA provision · " +
	"Home: home learning (not counted) · –: no session · 150m: part of a session, in minutes · " +
	"Shut: the school is shut (holiday, INSET day, bank holiday) · Before, After: outside the plan's dates"
