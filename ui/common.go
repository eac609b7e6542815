package ui

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// Common is what every screen shares: the terminal size, the styles, the
// keys, the store and the school. Screens hold a pointer to the one Common,
// so a resize or a theme change reaches them all at once.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          GlobalKeyMap
	Store         Store
	Forms         FormCatalogue
	School        model.School
	Cal           *model.Calendar
	On            model.Date // the as-of date (--on); screens never read the clock
	Accessible    bool
	HideNames     bool // the privacy key: initials instead of names
	ctx           context.Context
	// check is the rule engine, model.Check; tests may pin it so their
	// golden screens do not move with the rule catalogue's wording.
	check func(model.Case, []model.PastCase, *model.Calendar, model.Packs, model.Date) []model.Finding
}

// chrome is the header and footer lines every screen shares.
const chrome = 2

// BodyHeight is the lines a screen may use between header and footer.
func (c *Common) BodyHeight() int { return max(c.Height-chrome, 1) }

// Name is how a pupil is shown: in full, or as initials while names are
// hidden (someone is looking over the shoulder in the office).
func (c *Common) Name(p model.Pupil) string {
	if !c.HideNames {
		return sanitise(p.Name)
	}
	return initials(sanitise(p.Name))
}

// initials turns "Zoë Brontë-Smith" into "Z. B." so a row stays recognisable
// to its keyworker but not to a visitor.
func initials(name string) string {
	var b strings.Builder
	for _, part := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(part)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		b.WriteByte('.')
	}
	if b.Len() == 0 {
		return "?"
	}
	return b.String()
}

// sanitise is the product's one sanitiser (model.CleanText) on one line,
// applied again before text reaches the terminal (DESIGN.md, "Safety of
// what is shown and written"). Storage cleans on the way in too; this is
// the belt to its braces, since a stray ESC in a name would repaint the
// screen.
func sanitise(s string) string { return model.CleanText(s, false) }

// fit makes s exactly h lines, none wider than w: long lines are cut with
// an ellipsis, missing lines are blank. Every view goes through it, so no
// screen can overflow the terminal or leave the old frame showing below.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// cell pads or cuts s to exactly w cells.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	switch {
	case sw > w:
		return ansi.Truncate(s, w, "…")
	case sw < w:
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

// cellRight right-aligns s in w cells (numbers).
func cellRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw >= w {
		return cell(s, w)
	}
	return strings.Repeat(" ", w-sw) + s
}

// column is one column of a table: a fixed width, or a share of what is
// left when Flex is set.
type column struct {
	Title string
	Width int // the width, or the minimum when Flex > 0
	Flex  int
	Right bool
	Drop  int // on a narrow terminal, columns with the highest Drop go first; 0 stays
	Max   int // a flexible column grows no wider than this (0: no limit)
}

// widths shares total cells between the columns, one space between each.
// A column that does not fit is dropped (width 0) in Drop order.
func widths(cols []column, total int) []int {
	out := make([]int, len(cols))
	used, flex := -1, 0
	for i, c := range cols {
		out[i] = c.Width
		used += c.Width + 1
	}
	for used > total {
		i := dropNext(cols, out)
		if i < 0 {
			break
		}
		used -= out[i] + 1
		out[i] = 0
	}
	for i, c := range cols {
		if out[i] > 0 {
			flex += c.Flex
		}
	}
	spare := total - used
	if spare <= 0 || flex == 0 {
		return out
	}
	for i, c := range cols {
		if c.Flex > 0 && out[i] > 0 {
			out[i] += spare * c.Flex / flex
			if c.Max > 0 {
				out[i] = min(out[i], max(c.Max, c.Width))
			}
		}
	}
	return out
}

// dropNext is the column to drop next, or -1 when none may go.
func dropNext(cols []column, w []int) int {
	best := -1
	for i, c := range cols {
		if c.Drop > 0 && w[i] > 0 && (best < 0 || c.Drop > cols[best].Drop) {
			best = i
		}
	}
	return best
}

// tableRow lays cells out in the columns.
func tableRow(cols []column, w []int, cells ...string) string {
	parts := make([]string, 0, len(cols))
	for i := range cols {
		if w[i] == 0 {
			continue
		}
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		if cols[i].Right {
			parts = append(parts, cellRight(s, w[i]))
		} else {
			parts = append(parts, cell(s, w[i]))
		}
	}
	return strings.Join(parts, " ")
}

// tableHead is the column titles.
func tableHead(cols []column, w []int) string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	return tableRow(cols, w, titles...)
}

// window picks the first line to show so the cursor line stays visible in
// a viewport of h lines, moving as little as possible from top.
func window(top, cursor, h, total int) int {
	if h <= 0 {
		return 0
	}
	if cursor < top {
		top = cursor
	}
	if cursor >= top+h {
		top = cursor - h + 1
	}
	return max(0, min(top, total-h))
}

// clamp keeps i within [0, n).
func clamp(i, n int) int {
	if n <= 0 {
		return 0
	}
	return max(0, min(i, n-1))
}

// plural writes "1 case", "2 cases".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
