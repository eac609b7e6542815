package storage

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"reintegrate/model"
)

// Validation here guards what the file can hold: the codes that are stored
// as comma-separated words, and the shape of a timetable week. The rules of
// a good plan are model.Check's business, not storage's.

func validatePupil(p model.Pupil) error {
	if err := p.CheckLimits(); err != nil {
		return err
	}
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("pupil name is empty: type the pupil's full name")
	}
	if !slices.Contains(model.YearGroups, p.YearGroup) {
		return fmt.Errorf("pupil %s: year group %q is not known: type N1, N2, R or Y1 to Y13", p.Name, p.YearGroup)
	}
	if err := known("pupil "+p.Name+": flag", p.Flags, model.Flags); err != nil {
		return err
	}
	if _, err := model.ParseUPN(p.UPN); err != nil { // one UPN rule everywhere, its check letter included
		return fmt.Errorf("pupil %s: UPN %w", p.Name, err)
	}
	return nil
}

// known checks that every code is one of the allowed words and names the
// field and the words to use when one is not.
func known[T ~string](field string, codes, allowed []T) error {
	for _, c := range codes {
		if !slices.Contains(allowed, c) {
			return fmt.Errorf("%s %q is not known: use %s", field, c, strings.ReplaceAll(joinCodes(allowed), ",", ", "))
		}
	}
	return nil
}

func validateCase(c model.Case) error {
	if c.Pupil.ID == 0 {
		return fmt.Errorf("the case has no pupil: save the pupil first, then the case")
	}
	return validateCaseDetails(c)
}

// validateCaseDetails checks everything but the pupil, which an imported
// case file names rather than points to.
func validateCaseDetails(c model.Case) error {
	checks := []error{
		c.CheckLimits(),
		known("case kind", []model.Kind{c.Kind}, model.Kinds),
		known("case status", []model.CaseStatus{c.Status}, model.CaseStatuses),
		known("case reason", c.Reasons, model.Reasons),
	}
	for _, in := range c.Involvement {
		checks = append(checks, known("involvement role", []model.Role{in.Role}, model.InvolvementRoles))
	}
	for _, n := range c.Notifications {
		checks = append(checks, known("notification sent to", []model.Role{n.To}, model.NotificationTargets))
	}
	if c.Outcome != model.NoOutcome {
		checks = append(checks, known("outcome", []model.Outcome{c.Outcome}, model.Outcomes))
	}
	checks = append(checks, validateCodes("blocker open at closing", c.ClosedOver.Blockers))
	for i, r := range c.Reviews {
		checks = append(checks, known("review attended by", r.Attended, model.ReviewAttendees))
		if r.StruckOut.On.IsZero() != (strings.TrimSpace(r.StruckOut.Reason) == "") {
			checks = append(checks, fmt.Errorf("review %d: a strike-out needs both its date and its reason", i+1))
		}
	}
	for i, f := range c.Forms {
		if strings.TrimSpace(f.Template) == "" {
			checks = append(checks, fmt.Errorf("form record %d has no template name", i+1))
		}
	}
	checks = append(checks, validateTimetable(c.Timetable))
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

// validateCodes checks free codes (rule IDs) the stored comma-separated
// text can hold.
func validateCodes(field string, codes []string) error {
	for _, c := range codes {
		if c == "" || strings.ContainsAny(c, ", \n") {
			return fmt.Errorf("%s %q cannot be stored: a rule's ID has no commas or spaces, such as consent.parent", field, c)
		}
	}
	return nil
}

// validateTimetable checks each week begins on a Monday, appears once, and
// has sessions the stored text can hold.
func validateTimetable(weeks []model.Week) error {
	seen := make(map[model.Date]bool, len(weeks))
	for i, w := range weeks {
		wb := w.WeekBeginning
		switch {
		case wb.IsZero():
			return fmt.Errorf("timetable week %d has no week beginning date: give its Monday", i+1)
		case wb.Weekday() != time.Monday:
			return fmt.Errorf("timetable week beginning %s is a %s: a week begins on its Monday (%s)", wb.UK(), wb.Weekday(), wb.Monday().UK())
		case seen[wb]:
			return fmt.Errorf("timetable has two weeks beginning %s: keep one", wb.UK())
		}
		seen[wb] = true
		if err := validateWeek(w); err != nil {
			return err
		}
	}
	return nil
}

func validateWeek(w model.Week) error {
	for day, halves := range w.Days {
		for h, s := range halves {
			where := fmt.Sprintf("timetable week beginning %s, %s %s", w.WeekBeginning.UK(), model.DayNames[day], model.Half(h))
			if s.Mode != "" && !s.Mode.Valid() {
				return fmt.Errorf("%s: mode %q is not known: use %s", where, s.Mode, strings.ReplaceAll(joinCodes(model.Modes), ",", ", "))
			}
			if s.Minutes < 0 || s.Minutes > 24*60 {
				return fmt.Errorf("%s: %d minutes is not a session length: type the minutes of direct contact, 0 to 1440", where, s.Minutes)
			}
		}
	}
	return nil
}
