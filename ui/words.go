package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"reintegrate/model"
)

// The school's words for things, in one place so every screen says them
// the same way.

func itoa(n int) string { return strconv.Itoa(n) }

// kindShort is a kind in a table column.
func kindShort(k model.Kind) string {
	switch k {
	case model.ReducedTimetable:
		return "Reduced"
	case model.APReintegration:
		return "From AP"
	case model.SuspensionReintegration:
		return "Suspension"
	}
	return string(k)
}

// modeWord is a session's mode as staff say it.
func modeWord(m model.Mode) string {
	switch m {
	case model.InSchool:
		return "school"
	case model.Offsite:
		return "off-site"
	case model.Dual:
		return "dual reg"
	case model.LAProvision:
		return "LA prov"
	case model.HomeLearning:
		return "home lrn"
	}
	return "none"
}

// modeLabel is the long form, for the grid's detail line and help.
func modeLabel(m model.Mode) string {
	switch m {
	case model.InSchool:
		return "in school"
	case model.Offsite:
		return "approved off-site (B)"
	case model.Dual:
		return "dual registered elsewhere (D)"
	case model.LAProvision:
		return "LA-arranged provision (K)"
	case model.HomeLearning:
		return "home learning (not counted)"
	}
	return "no session"
}

// modeLetter is a session in one cell of the grid. The letters are the
// register codes where there is one (002 s6: B off-site; 001: D dual).
func modeLetter(m model.Mode) string {
	switch m {
	case model.InSchool:
		return "S"
	case model.Offsite:
		return model.CodeOffsite
	case model.Dual:
		return model.CodeDual
	case model.LAProvision:
		return model.CodeLAProvision
	case model.HomeLearning:
		return "H"
	}
	return "-"
}

// sessionText is a session with its code for the Today list: "/ school",
// "C2 none", "B off-site 90m", and "# school shut" on a day the school is
// shut, whatever the week holds (model.PlanDay).
func sessionText(day model.PlanDay, s model.Session, h model.Half, p model.Pupil) string {
	code := model.RegisterCode(day, s, h, p)
	if code == "" {
		code = "—"
	}
	if !day.Planned() {
		return cell(code, 2) + " " + day.Label()
	}
	t := cell(code, 2) + " " + modeWord(s.Mode)
	if s.Partial && s.Mode != model.NoSession {
		t += " " + itoa(s.Minutes) + "m"
	}
	return t
}

// hours writes hours as the model does: two decimals at most.
func hours(h float64) string { return model.FormatHours(h) }

// percent writes a whole percentage.
func percent(p float64) string { return fmt.Sprintf("%.0f%%", p) }

// statusWord is a finding's status in capitals, the word that carries the
// meaning when colour cannot.
func statusWord(f model.Finding) string {
	if f.Blocks() {
		return "BLOCKER"
	}
	switch f.Status {
	case model.Overdue:
		return "OVERDUE"
	case model.Due:
		return "DUE"
	case model.Unmet:
		return "NOT MET"
	case model.Met:
		return "MET"
	}
	return "N/A"
}

// status is the style statusWord is shown in.
func (st *Styles) status(f model.Finding) lipgloss.Style {
	if f.Blocks() {
		return st.Blocker
	}
	switch f.Status {
	case model.Overdue:
		return st.Overdue
	case model.Due:
		return st.Due
	case model.Unmet:
		return st.Unmet
	case model.Met:
		return st.Met
	}
	return st.Subtle
}

// flagsText lists a pupil's flags in words.
func flagsText(p model.Pupil) string {
	if len(p.Flags) == 0 {
		return "none"
	}
	words := make([]string, len(p.Flags))
	for i, f := range p.Flags {
		words[i] = f.Label()
	}
	return strings.Join(words, ", ")
}

// reasonsText lists a case's reasons in words.
func reasonsText(rs []model.Reason) string {
	if len(rs) == 0 {
		return "none recorded"
	}
	words := make([]string, len(rs))
	for i, r := range rs {
		words[i] = reasonWord(r)
	}
	return strings.Join(words, ", ")
}

// reasonWord is a reason in running text: the model's label in lower case.
func reasonWord(r model.Reason) string { return strings.ToLower(r.Label()) }

// dateOr shows a date, or the word for a missing one.
func dateOr(d model.Date, missing string) string {
	if d.IsZero() {
		return missing
	}
	return d.UK()
}

// weekOf says where the date falls in the plan: "week 2 of 6", "starts
// 02/11/2026", "ended 11/12/2026".
func weekOf(start, end, on model.Date) string {
	if start.IsZero() {
		return "no start"
	}
	if on.Before(start.Monday()) {
		return "starts " + start.UK()
	}
	n := start.Monday().DaysUntil(on.Monday())/7 + 1
	if end.IsZero() {
		return "week " + itoa(n)
	}
	m := start.Monday().DaysUntil(end.Monday())/7 + 1
	if n > m {
		return "ended " + end.UK()
	}
	return fmt.Sprintf("week %d of %d", n, m)
}
