package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// The grid's layout, left to right: a two-cell marker, the week's Monday,
// ten three-cell sessions, hours, the threshold, percent, a bar that takes
// what room is left, and a note. Below 100 columns the Monday drops its
// year (the title line has the plan's dates in full) so that at 80 there
// is still room for a short bar; wider terminals get a longer bar.
const (
	gridCell   = 3
	gridCells  = 10*gridCell + 5 // sessions and a space before each day
	gridFigs   = 6 + 6 + 5       // " Hours" " Full" "  %"
	gridNote   = 12              // " LAST: below"
	gridMinBar = 4
	gridMaxBar = 30
)

// dateWidth is the Monday's column: DD/MM/YYYY, or DD/MM when narrow.
func (g *grid) dateWidth() int {
	if g.width >= 100 {
		return 10
	}
	return 5
}

func (g *grid) leftWidth() int { return 2 + g.dateWidth() + 1 }

// barWidth grows with the terminal up to gridMaxBar; past that the room
// goes to the note, which then also says when a week is short.
func (g *grid) barWidth() int {
	return min(max(g.width-g.leftWidth()-gridCells-gridFigs-gridNote-1, 0), gridMaxBar)
}

// noteWidth is what is left for the note after the bar.
func (g *grid) noteWidth() int {
	used := g.leftWidth() + gridCells + gridFigs - 6 + g.fullWidth() + 1
	if bw := g.barWidth(); bw >= gridMinBar {
		used += bw + 1
	}
	return max(g.width-used, 0)
}

// fullWidth is the threshold column's width: below 72 columns it goes, so
// that the note ("below") still shows; the title line gives the threshold.
func (g *grid) fullWidth() int {
	if g.width < 72 {
		return 0
	}
	return 6
}

// gridChrome is the lines around the weeks: title, two header lines,
// then a blank, the detail line, the plan's summary, the message line and
// the legend.
const gridChrome = 8

func (g *grid) View() string {
	st := g.c.Styles
	weeks := model.PlannedWeeks(g.cs, g.c.Cal, g.c.School.Packs.Params)
	lines := []string{g.titleLine(), g.headLine(), g.subHeadLine()}
	message := g.messageLines()
	rows := max(g.height-gridChrome-(len(message)-1), 1)
	if len(weeks) == 0 {
		lines = append(lines, "  "+st.Subtle.Render("No weeks planned yet. Press "+g.keys.AddWeek.Help().Key+
			" to add the first week of the plan."))
	}
	g.row = clamp(g.row, len(weeks))
	g.top = window(g.top, g.row, rows, len(weeks))
	last := lastSchoolWeek(weeks)
	for i := g.top; i < min(len(weeks), g.top+rows); i++ {
		lines = append(lines, g.weekLine(i, weeks[i], i == last))
	}
	summary := g.summaryLine(weeks)
	if g.state == gridMinutes && g.note != "" {
		summary = st.Error.Render(g.note) // why the typed minutes were refused
	}
	lines = append(lines, "", g.detailLine(weeks), summary)
	lines = append(lines, message...)
	for len(lines) < g.height-1 {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, g.legendLine()), "\n")
}

// summaryLine sums the plan up against full time: how many weeks fall
// short, and whether the last one reaches it, as the plan must (000;
// 002 s5.7: "a clear path ... from part-time to full-time").
func (g *grid) summaryLine(weeks []model.WeekHours) string {
	st := g.c.Styles
	if len(weeks) == 0 || !weeks[0].HasThreshold {
		return ""
	}
	below, open := 0, 0
	for _, w := range weeks {
		if w.SchoolDays > 0 {
			open++
		}
		if weekBelow(w) {
			below++
		}
	}
	s := fmt.Sprintf("%d of %s below full time", below, plural(open, "school week", "school weeks"))
	if g.width < 70 {
		s = fmt.Sprintf("%d of %d weeks below", below, open)
	}
	last := lastSchoolWeek(weeks)
	switch {
	case last < 0:
		return st.Text.Render(s)
	case !weeks[last].FullTime && g.width < 70: // the week's row says LAST!
		return st.Text.Render(s+" · ") + st.Below.Render("LAST WEEK NOT FULL TIME")
	case !weeks[last].FullTime:
		return st.Text.Render(s+" · ") + st.Below.Render("LAST WEEK NOT FULL TIME") +
			st.Text.Render(" (w/c "+weeks[last].WeekBeginning.UK()+")")
	case g.width < 70:
		return st.Text.Render(s + " · last week full time")
	}
	return st.Text.Render(s + " · the last week is full time")
}

// lastSchoolWeek is the plan's last week with a school day in it, the one
// that must reach full time: a week the school is shut (Christmas) cannot
// (rules_national.go reads "the last planned week" the same way). -1 when
// no week has a school day.
func lastSchoolWeek(weeks []model.WeekHours) int {
	for i := len(weeks) - 1; i >= 0; i-- {
		if weeks[i].SchoolDays > 0 {
			return i
		}
	}
	return -1
}

// weekBelow is a week with school days that falls short of its threshold.
func weekBelow(wh model.WeekHours) bool {
	return wh.HasThreshold && wh.SchoolDays > 0 && !wh.FullTime
}

func (g *grid) titleLine() string {
	st, cs := g.c.Styles, g.cs
	s := st.Title.Render(g.c.Name(cs.Pupil)) + st.Subtle.Render(fmt.Sprintf(" (%s) · plan %s to %s · %s",
		cs.Pupil.YearGroup, dateOr(cs.Start, "no start"), dateOr(cs.End(), "no end"), g.thresholdText()))
	if g.dirty() {
		s += " " + st.Prompt.Render("· UNSAVED")
	}
	return s
}

// thresholdText says which full-time week the percentages are against.
func (g *grid) thresholdText() string {
	yg := g.cs.Pupil.YearGroup
	full, ok := yg.FullTimeHours()
	if !ok {
		return "no full-time threshold for " + string(yg)
	}
	if t := g.c.School.Packs.Params.ThresholdHours; t > 0 {
		return "full time " + hours(t) + " h (pack setting)"
	}
	return "full time " + hours(full) + " h (" + string(yg) + ")"
}

func (g *grid) headLine() string {
	var b strings.Builder
	b.WriteString(cell("  Week", g.leftWidth()))
	for _, d := range []string{"Mon", "Tue", "Wed", "Thu", "Fri"} {
		b.WriteString(" " + cell(d, 2*gridCell))
	}
	b.WriteString(cellRight("Hours", 6) + cellRight("Full", g.fullWidth()) + cellRight("%", 5))
	if bw := g.barWidth(); bw >= gridMinBar {
		b.WriteString(" " + cell("", bw))
	}
	b.WriteString(" Note")
	return g.c.Styles.Subtle.Render(b.String())
}

func (g *grid) subHeadLine() string {
	s := strings.Repeat(" ", g.leftWidth()) + strings.Repeat("  am pm", 5)
	return g.c.Styles.Subtle.Render(s)
}

// weekLine is one week: its sessions, then its figures. A week below its
// threshold says "below" and is marked with "!"; the last week, which the
// plan needs full time (000; 002 s5.7), says so in words too.
func (g *grid) weekLine(i int, wh model.WeekHours, last bool) string {
	st := g.c.Styles
	w := g.cs.Timetable[i]
	below := weekBelow(wh)
	mark := "  "
	if below {
		mark = st.Below.Render("! ")
	}
	days := g.c.Cal.WeekDays(w.WeekBeginning, g.cs.Dates())
	var b strings.Builder
	b.WriteString(mark + w.WeekBeginning.UK()[:g.dateWidth()] + " ")
	for day := range 5 {
		b.WriteString(" ")
		for h := range 2 {
			b.WriteString(g.sessionCell(i, days[day], model.Half(h), w))
		}
	}
	b.WriteString(g.figures(wh, days, below, last))
	return b.String()
}

// sessionCell is one session: its mode letter, lower case for a part
// session; "#" on a day the school is shut and "." on a day before the
// plan's start or after its end, whatever the week holds, since neither
// is a session of the plan (model.PlanDay); the cursor is in brackets.
func (g *grid) sessionCell(row int, day model.PlanDay, h model.Half, w model.Week) string {
	sess := day.SessionIn(w, h)
	letter := modeLetter(sess.Mode)
	if sess.Partial && sess.Mode != model.NoSession {
		letter = strings.ToLower(letter)
	}
	switch day.Kind {
	case model.SchoolShut:
		letter = "#"
	case model.BeforePlan, model.AfterPlan:
		letter = "."
	}
	switch {
	case row == g.row && day.Date.DayOfWeek()*2+int(h) == g.col:
		return g.styled(cellSelected, "["+letter+"]")
	case !day.Planned():
		return g.styled(cellClosed, " "+letter+" ")
	case sess.Mode.InEducation():
		return g.styled(cellInEducation, " "+letter+" ")
	}
	return g.styled(cellOut, " "+letter+" ")
}

// cellKind is how a session cell is styled.
type cellKind int

const (
	cellSelected cellKind = iota
	cellClosed
	cellInEducation
	cellOut
	cellBarFull
	cellBarEmpty
)

type styledCell struct {
	kind cellKind
	text string
}

// styled renders a session cell once per kind and text: a grid is a
// hundred-odd cells of a dozen sorts, and lipgloss's Render was most of a
// keypress's time (BenchmarkGridKey).
func (g *grid) styled(kind cellKind, text string) string {
	st := g.c.Styles
	if g.cellsFor != st {
		g.cells, g.cellsFor = map[styledCell]string{}, st
	}
	k := styledCell{kind, text}
	if out, ok := g.cells[k]; ok {
		return out
	}
	style := [...]lipgloss.Style{st.Selected, st.Closed, st.Text, st.Subtle, st.BarFull, st.BarEmpty}[kind]
	out := style.Render(text)
	g.cells[k] = out
	return out
}

func (g *grid) figures(wh model.WeekHours, days [5]model.PlanDay, below, last bool) string {
	st := g.c.Styles
	full, pct, note := "—", "—", "no threshold"
	if wh.HasThreshold {
		full, pct, note = hours(wh.ThresholdHours), percent(wh.PercentOfFullTime), "full time"
	}
	style := st.FullTime
	switch {
	case wh.SchoolDays == 0:
		full, pct, note, style = "—", "—", model.NoPlannedDay(days), st.Closed
	case below && last:
		note, style = "LAST: below", st.Below
	case below:
		note, style = "below", st.Below
	case !wh.HasThreshold:
		style = st.Subtle
	}
	s := cellRight(hours(wh.HoursInEducation), 6) + cellRight(full, g.fullWidth()) + cellRight(pct, 5)
	if bw := g.barWidth(); bw >= gridMinBar {
		s += " " + g.bar(wh, bw)
	}
	// A short week's threshold is pro rata over the plan's school days
	// (a bank holiday, a plan starting on a Thursday); say why it is lower.
	if n := wh.SchoolDays; n > 0 && n < 5 && g.noteWidth() >= len(note)+13 {
		note += fmt.Sprintf(" · %d-day week", n)
	}
	if short, ok := shortNotes[note]; ok && ansi.StringWidth(note) > g.noteWidth() {
		note = short // a narrow terminal: still a word, not a cut one
	}
	return s + " " + style.Render(note)
}

// shortNotes are the notes in six cells or fewer, for a narrow terminal.
var shortNotes = map[string]string{
	"full time": "full", "LAST: below": "LAST!", "school shut": "shut", "no threshold": "—",
	"before the plan": "before", "after the plan": "after",
}

// bar draws the week's percent of full time, capped at the bar's end.
func (g *grid) bar(wh model.WeekHours, width int) string {
	if !wh.HasThreshold || wh.SchoolDays == 0 {
		return strings.Repeat(" ", width)
	}
	filled := int(wh.PercentOfFullTime / 100 * float64(width))
	filled = max(0, min(filled, width))
	return g.styled(cellBarFull, strings.Repeat("█", filled)) + g.styled(cellBarEmpty, strings.Repeat("░", width-filled))
}

// detailLine says everything about the session under the cursor: the
// day, the mode in words, its minutes and its register code.
func (g *grid) detailLine(weeks []model.WeekHours) string {
	if len(weeks) == 0 {
		return ""
	}
	st := g.c.Styles
	s := slotOf(g.col)
	w := g.cs.Timetable[g.row]
	day := g.cursorDay()
	date := day.Date
	head := fmt.Sprintf("%s %s %s: ", date.Weekday().String()[:3], date.UK(), s.half)
	if !day.Planned() {
		// No session of the plan, whatever the week holds (model.PlanDay).
		line, more := head+g.dayPhrase(day, len(head)), " · no session, not counted"
		if ansi.StringWidth(line+more) > g.width {
			more = ""
		}
		return st.Text.Render(line) + st.Subtle.Render(more)
	}
	sess := w.Days[s.day][s.half]
	full := g.full(s)
	line := head + modeLabel(sess.Mode)
	switch {
	case sess.Partial && sess.Mode != model.NoSession:
		line += fmt.Sprintf(", %d of %d min, part session", sess.Minutes, full)
	case sess.Mode.InEducation():
		line += fmt.Sprintf(", %d of %d min", full, full)
	}
	code := model.RegisterCode(day, sess, s.half, g.cs.Pupil)
	codeText := " · register code " + code
	if ansi.StringWidth(line+codeText) > g.width {
		codeText = " · code " + code
	}
	return st.Text.Render(line) + st.Subtle.Render(codeText)
}

// dayPhrase is why a day has no session ("school shut (February half
// term)"), or, when a long closure name would not fit the line after
// taken columns, the words without the reason: whole words, never cut.
func (g *grid) dayPhrase(day model.PlanDay, taken int) string {
	if p := day.Phrase(); taken+ansi.StringWidth(p) <= g.width {
		return p
	}
	return day.Label()
}

func (g *grid) legendLine() string {
	// Each cell letter with the key that sets it, so the keys are on the
	// screen where they are used, not only in the help.
	s := "S school (i)  B off-site (b)  D dual registered (d)  K LA provision (v)  H home learning (w)  - none (0)  " +
		"·  small letter = part session  ·  # school shut  ·  . outside the plan  ·  ! below full time"
	for _, shorter := range []string{
		"S school (i)  B off-site (b)  D dual (d)  K LA provision (v)  H home (w)  - none (0)  ·  small = part  ·  # shut  ·  . outside the plan",
		"S school (i) B off-site (b) D dual (d) K LA (v) H home (w) - none (0) · small = part · # shut · . outside plan",
		"S school(i) B off-site(b) D dual(d) K LA(v) H home(w) -none(0) # shut . outside",
		"keys: i S, b B, d D, v K, w H, 0 - · # shut · . outside",
	} {
		if ansi.StringWidth(s) > g.width {
			s = shorter
		}
	}
	return g.c.Styles.Subtle.Render(s)
}

// messageLines are a question waiting for an answer, the minutes prompt,
// or what the last key did, wrapped at words so that it is read whole.
func (g *grid) messageLines() []string {
	st := g.c.Styles
	style, text := st.Status, g.note
	switch g.state {
	case gridMinutes:
		return []string{st.Prompt.Render(fmt.Sprintf("Minutes for this session (0-%d): ", g.full(slotOf(g.col)))) + g.input.View()}
	case gridLeaving:
		style, text = st.Prompt, "Save the timetable changes? y save · n discard · esc keep editing"
	case gridRemoving:
		style, text = st.Prompt, fmt.Sprintf("Remove the week of %s from the plan? y remove · any other key keeps it",
			g.cs.Timetable[g.row].WeekBeginning.UK())
	case gridSaving:
		style, text = st.Subtle, "Saving…"
	default:
		if strings.HasPrefix(g.note, "Not saved") || strings.HasPrefix(g.note, "Minutes:") {
			style = st.Error
		}
	}
	lines := strings.Split(ansi.Wrap(text, max(g.width, 10), ""), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}
