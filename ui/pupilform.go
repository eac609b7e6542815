package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// pupilAnswers are a pupil's details as typed, bound to the fields of the
// pupil screen and of the new case wizard's pupil step. They are checked
// as the pupils import checks a row: model.ParseDate, model.ParseUPN with
// its check letter, the year groups model knows; and a UPN another pupil
// on roll has is refused at once, with everything typed kept.
type pupilAnswers struct {
	name, preferred, dob, upn string
	year                      model.YearGroup
	flags                     []model.Flag
	fsm                       bool
	self                      int64         // the pupil being edited; 0 for a new one
	others                    []model.Pupil // the pupils on roll, for the UPN check
	on                        model.Date    // the as-of date, for the year group a birth date gives
	guessYear                 bool          // a new pupil: a typed date of birth moves the year
	guessedFor                string        // the date of birth the year group was last set from
	yearList                  *huh.Select[model.YearGroup]
}

func newPupilAnswers(p model.Pupil, others []model.Pupil, on model.Date) *pupilAnswers {
	a := &pupilAnswers{name: p.Name, preferred: p.PreferredName, upn: p.UPN, year: p.YearGroup,
		flags: p.Flags, fsm: p.FreeSchoolMeals, self: p.ID, others: others, on: on, guessYear: p.ID == 0}
	if !p.DateOfBirth.IsZero() {
		a.dob = p.DateOfBirth.UK()
	}
	if a.year == "" {
		a.year = "Y7"
	}
	a.guessedFor = a.dob
	return a
}

// groups are the pupil screen's two pages of questions: who, then the
// flags and free school meals.
func (a *pupilAnswers) groups() []*huh.Group {
	return []*huh.Group{
		huh.NewGroup(a.nameField(), a.preferredField(), a.birthField(), a.upnField(), a.yearField()).Title("Details (1 of 2)"),
		huh.NewGroup(a.flagsField(),
			huh.NewConfirm().Title("Eligible for free school meals?").Affirmative("Yes").Negative("No").Value(&a.fsm),
		).Title("Flags and free school meals (2 of 2)"),
	}
}

// wizardGroup is the new case wizard's one page for a new pupil: what the
// plan needs; the rest is on the pupil screen (p on the case).
func (a *pupilAnswers) wizardGroup(title string) *huh.Group {
	return huh.NewGroup(a.nameField(), a.birthField(), a.upnField(), a.yearField(), a.flagsField()).Title(title)
}

func (a *pupilAnswers) nameField() huh.Field {
	return huh.NewInput().Title("Pupil's full name").Value(&a.name).Validate(needText("Name", "the pupil's full name"))
}

func (a *pupilAnswers) preferredField() huh.Field {
	return huh.NewInput().Title("Preferred name (if not the legal forename)").Value(&a.preferred)
}

func (a *pupilAnswers) birthField() huh.Field {
	return huh.NewInput().Title("Date of birth (DD/MM/YYYY)").Value(&a.dob).Validate(requiredDate("Date of birth"))
}

func (a *pupilAnswers) upnField() huh.Field {
	return huh.NewInput().Title("UPN (leave blank if not known)").Value(&a.upn).Validate(a.checkUPN)
}

// yearField is kept, so that a typed date of birth can move it (noteBirth).
func (a *pupilAnswers) yearField() huh.Field {
	years := make([]huh.Option[model.YearGroup], len(model.YearGroups))
	for i, y := range model.YearGroups {
		years[i] = huh.NewOption(string(y), y)
	}
	a.yearList = huh.NewSelect[model.YearGroup]().Title("Year group").Options(years...).Value(&a.year).Height(5)
	return a.yearList
}

func (a *pupilAnswers) flagsField() huh.Field {
	flags := make([]huh.Option[model.Flag], len(model.Flags))
	for i, f := range model.Flags {
		flags[i] = huh.NewOption(f.Label(), f)
	}
	return huh.NewMultiSelect[model.Flag]().Title("Flags (space to tick)").Options(flags...).Value(&a.flags).Height(6)
}

// checkUPN is the one UPN rule (model.ParseUPN, check letter and all), and
// refuses a UPN another pupil on roll already has.
func (a *pupilAnswers) checkUPN(s string) error {
	u, err := model.ParseUPN(s)
	if err != nil {
		return errors.New("UPN: " + err.Error())
	}
	for _, p := range a.others {
		if u != "" && p.UPN == u && p.ID != a.self {
			return fmt.Errorf("UPN: %s is %s's (%s): check it, or choose that pupil", u, sanitise(p.Name), p.YearGroup)
		}
	}
	return nil
}

// noteBirth moves a new pupil's year group to the one a newly typed date
// of birth gives (model.YearGroupFor: the English school year, 1 September
// cut-off), which the user can still change (a pupil taught out of year).
// It runs after each message the form takes.
func (a *pupilAnswers) noteBirth() {
	if !a.guessYear || a.dob == a.guessedFor {
		return
	}
	a.guessedFor = a.dob
	if dob, err := model.ParseDate(a.dob); err == nil {
		if y, ok := model.YearGroupFor(dob, a.on); ok && a.yearList != nil {
			a.year = y
			a.yearList.Value(&a.year)
		}
	}
}

// pupil is base with the answers in. The checks the fields made are made
// again: a form can be completed in ways that skip a field's validation.
func (a *pupilAnswers) pupil(base model.Pupil) (model.Pupil, error) {
	if err := needText("Name", "the pupil's full name")(a.name); err != nil {
		return base, err
	}
	dob, err := model.ParseDate(a.dob)
	if err != nil {
		return base, errors.New("Date of birth: " + err.Error())
	}
	if err := a.checkUPN(a.upn); err != nil {
		return base, err
	}
	upn, _ := model.ParseUPN(a.upn)
	p := base
	p.Name, p.PreferredName = model.CleanName(a.name), model.CleanName(a.preferred)
	if strings.EqualFold(p.PreferredName, firstWord(p.Name)) {
		p.PreferredName = "" // the legal forename is no preferred name
	}
	p.DateOfBirth, p.UPN, p.YearGroup, p.Flags, p.FreeSchoolMeals = dob, upn, a.year, a.flags, a.fsm
	return p, nil
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// yearNote is what to check about a year group that does not fit the date
// of birth, as the import lists it; "" when it fits.
func yearNote(p model.Pupil, on model.Date) string {
	want, ok := model.YearGroupFor(p.DateOfBirth, on)
	if !ok || want == p.YearGroup {
		return ""
	}
	return fmt.Sprintf("%s does not fit the date of birth %s, which gives %s in %s: kept as chosen (a pupil taught out of year)",
		p.YearGroup, p.DateOfBirth.UK(), want, model.SchoolYearOf(on))
}

// wrapText is a message wrapped at words to the width, each line styled,
// so it is read whole at 80 columns.
func wrapText(st lipgloss.Style, s string, width int) string {
	lines := strings.Split(ansi.Wrap(s, max(width-1, 20), ""), "\n")
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return strings.Join(lines, "\n")
}
