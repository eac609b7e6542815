package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/huh/v2"

	"reintegrate/forms"
	"reintegrate/model"
)

// caseDetails is the New case form: a new pupil's details when adding
// one, then the plan. The answers are bound to its fields.
type caseDetails struct {
	form       *huh.Form
	pupil      *model.Pupil // nil when adding a pupil
	name       string
	dob        string
	upn        string
	year       model.YearGroup
	flags      []model.Flag
	kind       model.Kind
	reasons    []model.Reason
	start      string
	end        string
	named      string
	forms      []string
	packs      model.Packs
	catalogue  FormCatalogue
	on         model.Date // the as-of date, for the year group a birth date gives
	guessedFor string     // the date of birth the year group was last set from
	longAgreed string     // the start and end of a long plan already warned about
	yearList   *huh.Select[model.YearGroup]
}

func newCaseDetails(c *Common, p *model.Pupil, typed string) *caseDetails {
	start := firstSchoolDay(c.Cal, c.On)
	d := &caseDetails{pupil: p, on: c.On, name: strings.TrimSpace(typed), year: "Y7", kind: model.ReducedTimetable,
		start: start.UK(), end: c.Cal.PlanEnd(start, 6).UK(), packs: c.School.Packs, catalogue: c.Forms}
	groups := []*huh.Group{}
	if p == nil {
		groups = append(groups, d.pupilGroup())
	}
	groups = append(groups, d.planGroup())
	if c.Forms != nil {
		groups = append(groups, d.formsGroup())
	}
	d.form = huh.NewForm(groups...)
	return d
}

// firstSchoolDay is the date itself or the next day pupils are in.
func firstSchoolDay(cal *model.Calendar, on model.Date) model.Date {
	if cal.IsSchoolDay(on) {
		return on
	}
	return cal.AddSchoolDays(on, 1)
}

func (d *caseDetails) pupilGroup() *huh.Group {
	years := make([]huh.Option[model.YearGroup], len(model.YearGroups))
	for i, y := range model.YearGroups {
		years[i] = huh.NewOption(string(y), y)
	}
	// Kept, so that a typed date of birth can move it (see noteBirth).
	d.yearList = huh.NewSelect[model.YearGroup]().Title("Year group").Options(years...).Value(&d.year).Height(5)
	flags := make([]huh.Option[model.Flag], len(model.Flags))
	for i, f := range model.Flags {
		flags[i] = huh.NewOption(f.Label(), f)
	}
	return huh.NewGroup(
		huh.NewInput().Title("Pupil's full name").Value(&d.name).Validate(needText("Name", "the pupil's full name")),
		huh.NewInput().Title("Date of birth (DD/MM/YYYY)").Value(&d.dob).Validate(requiredDate("Date of birth")),
		huh.NewInput().Title("UPN (leave blank if not known)").Value(&d.upn).Validate(checkUPN),
		d.yearList,
		huh.NewMultiSelect[model.Flag]().Title("Flags (space to tick)").Options(flags...).Value(&d.flags).Height(6),
	).Title("New pupil")
}

// noteBirth moves the year group to the one a newly typed date of birth
// gives, which the user can still change (a pupil taught out of year). It
// runs in Update after each message the form takes; setting the list's
// value again moves its cursor to that year.
func (d *caseDetails) noteBirth() {
	if d.pupil != nil || d.dob == d.guessedFor {
		return
	}
	d.guessedFor = d.dob
	if dob, err := model.ParseDate(d.dob); err == nil {
		if y, ok := yearGroupFor(dob, d.on); ok && d.yearList != nil {
			d.year = y
			d.yearList.Value(&d.year)
		}
	}
}

// yearGroupFor is the year group of a child born on dob in the school
// year holding on: in England a child's year is set by their age on
// 31 August at the start of that school year (4: Reception, 5: Y1 ...
// 17: Y13; 3: N2, 2: N1).
func yearGroupFor(dob, on model.Date) (model.YearGroup, bool) {
	start := on.Time().Year()
	if on.Time().Month() < time.September {
		start--
	}
	age := start - dob.Time().Year() // on 31 August of the start year
	if dob.Time().Month() > time.August {
		age--
	}
	switch {
	case age == 2:
		return "N1", true
	case age == 3:
		return "N2", true
	case age == 4:
		return "R", true
	case age >= 5 && age <= 17:
		return model.YearGroup("Y" + itoa(age-4)), true
	}
	return "", false
}

func (d *caseDetails) planGroup() *huh.Group {
	kinds := make([]huh.Option[model.Kind], len(model.Kinds))
	for i, k := range model.Kinds {
		kinds[i] = huh.NewOption(k.Label(), k)
	}
	reasons := make([]huh.Option[model.Reason], len(model.Reasons))
	for i, r := range model.Reasons {
		reasons[i] = huh.NewOption(reasonWord(r), r)
	}
	return huh.NewGroup(
		huh.NewSelect[model.Kind]().Title("Kind of plan").Options(kinds...).Value(&d.kind),
		huh.NewMultiSelect[model.Reason]().Title("Reasons (space to tick)").Options(reasons...).Value(&d.reasons).
			Height(len(reasons)+1), // "other" is the last: it must not scroll off
		huh.NewInput().Title("Start (DD/MM/YYYY)").Value(&d.start).Validate(requiredDate("Start")),
		huh.NewInput().Title("Planned end (DD/MM/YYYY)").Value(&d.end).Validate(d.checkEnd),
		huh.NewInput().Title("Named person (who leads the plan)").Value(&d.named),
	).Title("The plan")
}

func (d *caseDetails) formsGroup() *huh.Group {
	return huh.NewGroup(
		huh.NewMultiSelect[string]().Title("Forms to fill now (space to tick; the rest wait on the Forms tab)").
			Value(&d.forms).OptionsFunc(d.formOptions, &d.kind),
	).Title("Forms")
}

// formOptions are the packs' templates for a case of the chosen kind.
func (d *caseDetails) formOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, t := range d.catalogue.ForCase(model.Case{Kind: d.kind}, d.packs) {
		out = append(out, huh.NewOption(t.Title(), t.ID()))
	}
	return out
}

func (d *caseDetails) checkEnd(s string) error {
	end, err := model.ParseDate(s)
	if err != nil {
		return forms.FieldError{Field: "Planned end", Message: err.Error()}
	}
	start, err := model.ParseDate(d.start)
	if err != nil {
		return nil // the start's own check says what is wrong with it
	}
	if end.Before(start) {
		return forms.FieldError{Field: "Planned end", Message: "it must be on or after the start, " + start.UK()}
	}
	return d.checkLength(start, end)
}

// checkLength says, before anything is saved, when the plan runs past the
// protocols' limit (duration.limit: 6 weeks; 000; 001 process 4; 002
// s5.10). It is a warning, not a refusal: pressing enter again on the same
// dates keeps them, and the Findings then ask for the extension's reasons.
func (d *caseDetails) checkLength(start, end model.Date) error {
	weeks, last := d.packs.Params.LengthLimit(start)
	key := start.String() + " " + end.String()
	if !end.After(last) || d.longAgreed == key {
		return nil
	}
	d.longAgreed = key
	return forms.FieldError{Field: "Planned end", Message: fmt.Sprintf("%d weeks is past the %d-week limit "+
		"(duration.limit), which ends %s. Type an earlier date, or press enter again to keep it.",
		(start.DaysUntil(end)+7)/7, weeks, last.UK())}
}

func needText(field, what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s: type %s", field, what)
		}
		return nil
	}
}

// checkUPN accepts a blank UPN or the DfE's 13 characters: a check letter
// then 12 digits (the last may be a letter for a temporary UPN).
func checkUPN(s string) error {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return nil
	}
	ok := len(s) == 13 && unicode.IsLetter(rune(s[0]))
	for i := 1; ok && i < 12; i++ {
		ok = s[i] >= '0' && s[i] <= '9'
	}
	if !ok {
		return errors.New("UPN: type 13 characters, a letter then 12 digits (for example A123456789012), or leave it blank")
	}
	return nil
}

func (d *caseDetails) heading(c *Common) string {
	if d.pupil == nil {
		return "New case for a new pupil"
	}
	return "New case for " + c.Name(*d.pupil)
}

// build turns the answers into the pupil and a draft case with its weeks
// laid out, empty, from start to planned end.
func (d *caseDetails) build(c *Common) (model.Case, model.Pupil, bool, error) {
	start, err := model.ParseDate(d.start)
	if err != nil {
		return model.Case{}, model.Pupil{}, false, errors.New("Start: " + err.Error())
	}
	if err := d.checkEnd(d.end); err != nil {
		return model.Case{}, model.Pupil{}, false, err
	}
	end, _ := model.ParseDate(d.end)
	pupil, isNew := model.Pupil{}, d.pupil == nil
	if isNew {
		dob, err := model.ParseDate(d.dob)
		if err != nil {
			return model.Case{}, model.Pupil{}, false, errors.New("Date of birth: " + err.Error())
		}
		pupil = model.Pupil{Name: strings.TrimSpace(sanitise(d.name)), DateOfBirth: dob,
			UPN: strings.ToUpper(strings.TrimSpace(d.upn)), YearGroup: d.year, Flags: d.flags}
	} else {
		pupil = *d.pupil
	}
	cs := model.Case{Pupil: pupil, Kind: d.kind, Reasons: d.reasons, Start: start, PlannedEnd: end,
		Status: model.Draft, NamedPerson: strings.TrimSpace(sanitise(d.named))}
	for m := start.Monday(); !m.After(end); m = m.AddDays(7) {
		cs.Timetable = append(cs.Timetable, emptyWeek(m))
	}
	return cs, pupil, isNew, nil
}
