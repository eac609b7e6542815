package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles are the app's styles by what they mean, never by colour: screen
// code asks for Blocker or Below, not for red. Colour only ever repeats what
// a word or marker already says, so NO_COLOR and colour-blind users lose
// nothing (every blocker also says BLOCKER, every short week says "below").
type Styles struct {
	Header      lipgloss.Style // the top line: app, school, date
	Crumb       lipgloss.Style // where you are, in the header
	Title       lipgloss.Style // a section heading inside a screen
	Subtle      lipgloss.Style // labels, column heads, hints
	Text        lipgloss.Style
	Selected    lipgloss.Style // the row or cell under the cursor
	Status      lipgloss.Style // a passing "saved" message
	Error       lipgloss.Style // something went wrong or was refused
	Blocker     lipgloss.Style
	Overdue     lipgloss.Style
	Due         lipgloss.Style
	Met         lipgloss.Style
	Unmet       lipgloss.Style
	Below       lipgloss.Style // a week below its full-time threshold
	FullTime    lipgloss.Style // a week at or above full time
	Closed      lipgloss.Style // a day the school is shut
	BarFull     lipgloss.Style
	BarEmpty    lipgloss.Style
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	Prompt      lipgloss.Style // a question that waits for y/n
	Help        help.Styles
	IsDark      bool
}

// palette is the handful of colours the styles draw on.
type palette struct {
	accent, subtle, text, bad, warn, good, info, faint color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return palette{
		accent: ld(c("#5A3FC0"), c("#A99BFF")),
		subtle: ld(c("#6B6B6B"), c("#9A9A9A")),
		text:   ld(c("#1A1A1A"), c("#E8E8E8")),
		bad:    ld(c("#B00020"), c("#FF6B7F")),
		warn:   ld(c("#8A5A00"), c("#FFC24B")),
		good:   ld(c("#1B6E2E"), c("#6FDB8A")),
		info:   ld(c("#1D5FA8"), c("#7FB8FF")),
		faint:  ld(c("#C8C8C8"), c("#4A4A4A")),
	}
}

// newStyles builds the styles for a light or dark terminal.
func newStyles(isDark bool) *Styles {
	p := newPalette(isDark)
	s := lipgloss.NewStyle
	return &Styles{
		Header:      s().Bold(true).Foreground(p.accent),
		Crumb:       s().Foreground(p.text),
		Title:       s().Bold(true).Foreground(p.accent),
		Subtle:      s().Foreground(p.subtle),
		Text:        s().Foreground(p.text),
		Selected:    s().Reverse(true).Bold(true),
		Status:      s().Foreground(p.good).Bold(true),
		Error:       s().Foreground(p.bad).Bold(true),
		Blocker:     s().Foreground(p.bad).Bold(true),
		Overdue:     s().Foreground(p.bad),
		Due:         s().Foreground(p.warn),
		Met:         s().Foreground(p.good),
		Unmet:       s().Foreground(p.warn),
		Below:       s().Foreground(p.warn).Bold(true),
		FullTime:    s().Foreground(p.good),
		Closed:      s().Foreground(p.subtle).Faint(true),
		BarFull:     s().Foreground(p.info),
		BarEmpty:    s().Foreground(p.faint),
		TabActive:   s().Bold(true).Underline(true).Foreground(p.accent),
		TabInactive: s().Foreground(p.subtle),
		Prompt:      s().Bold(true).Foreground(p.warn),
		Help:        help.DefaultStyles(isDark),
		IsDark:      isDark,
	}
}
