package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// gridKeyMap is the timetable grid's keys. The keys that change a session
// or a week are letters no screen uses to move (not h, j, k, l, s, c, n,
// t, a...: see TestEditKeysNeverMove), so a key pressed in the belief that
// another screen is showing moves or does nothing, never edits. The cells
// show the register letters (S, B, D, K, H); the legend pairs each with
// its key.
type gridKeyMap struct {
	Left, Right, Up, Down key.Binding
	Cycle                 key.Binding
	School, Offsite       key.Binding
	Dual, LAProvision     key.Binding
	HomeLearning, None    key.Binding
	More, Less, Minutes   key.Binding
	Full                  key.Binding
	CopyForward, StepUp   key.Binding
	AddWeek, RemoveWeek   key.Binding
	Undo, Save            key.Binding
}

func defaultGridKeyMap() gridKeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return gridKeyMap{
		// h, j, k and l move here as they do on every screen that moves.
		Left: b("←/h", "earlier session", "left", "h"), Right: b("→/l", "later session", "right", "l"),
		Up: b("↑/k", "week before", "up", "k"), Down: b("↓/j", "week after", "down", "j"),
		Cycle:  b("space", "next mode", "space"),
		School: b("i", "in school (S)", "i"), Offsite: b("b", "off-site (B)", "b"),
		Dual: b("d", "dual registered (D)", "d"), LAProvision: b("v", "LA provision (K)", "v"),
		HomeLearning: b("w", "home learning (H)", "w"), None: b("0", "no session (-)", "0"),
		More: b("+", "15 min more", "+", "="), Less: b("-", "15 min less", "-"),
		Minutes: b("m", "type minutes", "m"), Full: b("*", "full session", "*"),
		CopyForward: b(">", "copy week forward", ">"), StepUp: b("u", "step up next week", "u"),
		AddWeek: b("o", "add a week", "o"), RemoveWeek: b("del", "remove week (asks)", "delete", "backspace"),
		Undo: b("z", "undo", "z"), Save: b("ctrl+s", "save", "ctrl+s"),
	}
}

// gridPromptKeys answer the grid's questions (save before leaving? remove
// this week?). Yes writes or removes; No leaves without saving; anything
// else keeps the grid as it is.
type gridPromptKeys struct {
	Yes, No, Stay key.Binding
}

func defaultGridPromptKeys() gridPromptKeys {
	return gridPromptKeys{
		Yes:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "discard")),
		Stay: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep editing")),
	}
}

// gridState is what the grid is waiting for.
type gridState int

const (
	gridEditing  gridState = iota
	gridMinutes            // typing a session's minutes
	gridLeaving            // asked: save before leaving?
	gridRemoving           // asked: remove this week?
	gridSaving
)

type gridSavedMsg struct {
	version int
	saved   []model.Week // the timetable that was saved
	leave   bool
	err     error
}

// grid is the timetable editor: weeks down, Monday to Friday am and pm
// across, then the week's hours in education against the full-time
// threshold (RULES.md, "Full-time hours"; 002 s2).
type grid struct {
	c       *Common
	keys    gridKeyMap
	answers gridPromptKeys
	cs      model.Case // the working copy; saved on ctrl+s or when leaving
	version int
	// stored is the timetable as it is in the store: the working copy
	// differs from it when there is something to save (undoing back to
	// it leaves nothing to ask about).
	stored []model.Week
	row    int // week
	col    int // slot, 0 to 9
	top    int
	undo   [][]model.Week
	state  gridState
	input  textinput.Model
	note   string // what the last edit did, or why it was refused
	width  int
	height int
	// cells are rendered session cells, for the styles in cellsFor.
	cells    map[styledCell]string
	cellsFor *Styles
}

func newGrid(c *Common, cs model.Case, version int) *grid {
	cs.Timetable = model.SortedWeeks(cs.Timetable) // a fresh slice the grid may edit
	in := newTextInput(c.Styles)
	in.CharLimit = 3
	in.Prompt = ""
	g := &grid{c: c, keys: defaultGridKeyMap(), answers: defaultGridPromptKeys(), cs: cs, version: version, input: in,
		stored: slices.Clone(cs.Timetable)}
	// Start on this week when it is planned: it is the one staff change.
	if i := weekIndex(cs.Timetable, c.On.Monday()); i >= 0 {
		g.row = i
	}
	return g
}

func (g *grid) Init() tea.Cmd    { return nil }
func (g *grid) SetSize(w, h int) { g.width, g.height = w, h }
func (g *grid) Title() string    { return "Timetable" }
func (g *grid) Capturing() bool  { return g.state != gridEditing }

// Asking is a question open: the minutes, save before leaving, remove a
// week. A save under way asks nothing: the keys after ctrl+s are meant.
func (g *grid) Asking() bool {
	return g.state == gridMinutes || g.state == gridLeaving || g.state == gridRemoving
}
func (g *grid) ShortHelp() []key.Binding {
	k := g.keys
	switch g.state {
	case gridMinutes:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "set minutes")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))}
	case gridLeaving, gridRemoving:
		return nil
	}
	short := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	return []key.Binding{short(k.Cycle, "mode"), short(k.Minutes, "minutes"),
		short(k.StepUp, "step up"), short(k.Save, "save"), short(k.CopyForward, "copy fwd"),
		short(k.AddWeek, "add week"), short(k.Undo, "undo")}
}

func (g *grid) FullHelp() [][]key.Binding {
	k := g.keys
	return [][]key.Binding{
		{k.Left, k.Right, k.Up, k.Down, k.Cycle},
		{k.School, k.Offsite, k.Dual, k.LAProvision, k.HomeLearning, k.None},
		{k.More, k.Less, k.Minutes, k.Full},
		{k.CopyForward, k.StepUp, k.AddWeek, k.RemoveWeek, k.Undo, k.Save},
	}
}

func (g *grid) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case gridSavedMsg:
		return g.saved(msg)
	case tea.KeyPressMsg:
		switch g.state {
		case gridMinutes:
			return g.minutesKey(msg)
		case gridLeaving:
			return g.leavingKey(msg)
		case gridRemoving:
			return g.removingKey(msg)
		case gridSaving:
			return nil
		}
		return g.key(msg)
	}
	if g.state == gridMinutes {
		var cmd tea.Cmd
		g.input, cmd = g.input.Update(msg)
		return cmd
	}
	return nil
}

func (g *grid) key(msg tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	g.note = ""
	switch {
	case key.Matches(msg, g.c.Keys.Back):
		if g.dirty() {
			g.state = gridLeaving
			return nil
		}
		return back("")
	case key.Matches(msg, k.Save):
		return g.save(false)
	case g.moveKey(msg):
		return nil
	case key.Matches(msg, k.AddWeek):
		g.addWeek()
		return nil
	case key.Matches(msg, k.Undo):
		g.undoLast()
		return nil
	case len(g.cs.Timetable) == 0:
		g.note = "No weeks planned yet: press " + k.AddWeek.Help().Key + " to add the first week of the plan."
		return nil
	}
	return g.editKey(msg)
}

// moveKey moves the cursor; the grid wraps from Friday pm to the next
// week's Monday am so a whole plan can be walked with one key.
func (g *grid) moveKey(msg tea.KeyPressMsg) bool {
	k, n := g.keys, len(g.cs.Timetable)
	switch {
	case key.Matches(msg, k.Left):
		if g.col == 0 && g.row > 0 {
			g.row, g.col = g.row-1, 9
		} else {
			g.col = max(g.col-1, 0)
		}
	case key.Matches(msg, k.Right):
		if g.col == 9 && g.row < n-1 {
			g.row, g.col = g.row+1, 0
		} else {
			g.col = min(g.col+1, 9)
		}
	case key.Matches(msg, k.Up):
		g.row = clamp(g.row-1, n)
	case key.Matches(msg, k.Down):
		g.row = clamp(g.row+1, n)
	default:
		return false
	}
	return true
}

func (g *grid) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	modes := []struct {
		b key.Binding
		m model.Mode
	}{{k.School, model.InSchool}, {k.Offsite, model.Offsite}, {k.Dual, model.Dual},
		{k.LAProvision, model.LAProvision}, {k.HomeLearning, model.HomeLearning}, {k.None, model.NoSession}}
	for _, m := range modes {
		if key.Matches(msg, m.b) {
			g.edit(func(w *model.Week, s slot) error { setMode(w, s, m.m); return nil })
			return nil
		}
	}
	switch {
	case key.Matches(msg, k.Cycle):
		g.edit(func(w *model.Week, s slot) error {
			setMode(w, s, nextMode(w.Days[s.day][s.half].Mode))
			return nil
		})
	case key.Matches(msg, k.More):
		g.nudge(15)
	case key.Matches(msg, k.Less):
		g.nudge(-15)
	case key.Matches(msg, k.Full):
		g.edit(func(w *model.Week, s slot) error { return setMinutes(w, s, g.full(s), g.full(s)) })
	case key.Matches(msg, k.Minutes):
		return g.askMinutes()
	case key.Matches(msg, k.CopyForward):
		g.copyForward()
	case key.Matches(msg, k.StepUp):
		g.stepUp()
	case key.Matches(msg, k.RemoveWeek):
		g.state = gridRemoving
	}
	return nil
}

// full is the school's length of the slot's session, in minutes.
func (g *grid) full(s slot) int { return g.c.Cal.SessionLengths().Of(s.half) }

// snapshot keeps the weeks as they are, for undo.
func (g *grid) snapshot() {
	weeks := slices.Clone(g.cs.Timetable)
	g.undo = append(g.undo, weeks)
	if len(g.undo) > 100 {
		g.undo = g.undo[1:]
	}
}

func (g *grid) undoLast() {
	if len(g.undo) == 0 {
		g.note = "Nothing to undo."
		return
	}
	g.cs.Timetable = g.undo[len(g.undo)-1]
	g.undo = g.undo[:len(g.undo)-1]
	g.row = clamp(g.row, len(g.cs.Timetable))
	g.note = "Undone."
	if !g.dirty() {
		g.note = "Undone: the timetable is as saved."
	}
}

// dirty reports whether the working copy differs from the saved timetable.
func (g *grid) dirty() bool {
	return !slices.EqualFunc(g.cs.Timetable, g.stored, func(a, b model.Week) bool {
		return a.WeekBeginning.Equal(b.WeekBeginning) && a.Days == b.Days
	})
}

// cursorDay is what the day under the cursor is for the plan.
func (g *grid) cursorDay() model.PlanDay {
	monday := g.cs.Timetable[g.row].WeekBeginning
	return g.c.Cal.Day(monday.AddDays(slotOf(g.col).day), g.cs.Dates())
}

// notPlanned refuses an edit of a day with no session of the plan (the
// school shut, before the plan's start or after its end), saying why.
func (g *grid) notPlanned() bool {
	day := g.cursorDay()
	if day.Planned() {
		return false
	}
	head := day.Date.Weekday().String()[:3] + " " + day.Date.UK() + ": "
	g.note = head + g.dayPhrase(day, len(head)+len(", no session to plan.")) + ", no session to plan."
	return true
}

// edit applies a change to the session under the cursor; a refused change
// leaves the week as it was and says why. A day with no session of the
// plan cannot be changed (model.PlanDay).
func (g *grid) edit(change func(*model.Week, slot) error) {
	if g.notPlanned() {
		return
	}
	w := g.cs.Timetable[g.row]
	if err := change(&w, slotOf(g.col)); err != nil {
		g.note = err.Error()
		return
	}
	g.snapshot()
	g.cs.Timetable[g.row] = w
}

func (g *grid) nudge(delta int) {
	g.edit(func(w *model.Week, s slot) error {
		full := g.full(s)
		m := minutesOf(w.Days[s.day][s.half], full) + delta
		return setMinutes(w, s, max(0, min(m, full)), full)
	})
}

func (g *grid) askMinutes() tea.Cmd {
	if g.notPlanned() {
		return nil
	}
	s := slotOf(g.col)
	sess := g.cs.Timetable[g.row].Days[s.day][s.half]
	if sess.Mode == model.NoSession || sess.Mode == "" {
		k := g.keys
		g.note = "Minutes: set the session's mode first (" + k.School.Help().Key + " school, " +
			k.Offsite.Help().Key + " off-site, " + k.HomeLearning.Help().Key + " home learning)."
		return nil
	}
	g.input.SetValue(strconv.Itoa(minutesOf(sess, g.full(s))))
	g.input.CursorEnd()
	g.state = gridMinutes
	return g.input.Focus()
}

func (g *grid) minutesKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		g.state = gridEditing
		g.input.Blur()
		return nil
	case "enter":
		s := slotOf(g.col)
		n, err := strconv.Atoi(strings.TrimSpace(g.input.Value()))
		if err != nil {
			g.note = fmt.Sprintf("Minutes: type a whole number from 0 to %d, for example 90.", g.full(s))
			return nil
		}
		g.note = ""
		g.edit(func(w *model.Week, s slot) error { return setMinutes(w, s, n, g.full(s)) })
		if g.note == "" {
			g.state = gridEditing
			g.input.Blur()
		}
		return nil
	}
	var cmd tea.Cmd
	g.input, cmd = g.input.Update(msg)
	return cmd
}

func (g *grid) copyForward() {
	g.snapshot()
	from := g.cs.Timetable[g.row].WeekBeginning
	g.cs.Timetable, g.row = copyForward(g.cs.Timetable, g.row)
	g.note = "Copied the week of " + from.UK() + " to " + g.cs.Timetable[g.row].WeekBeginning.UK() + "."
}

// stepUp plans the next week with more time in school. A week already in
// school for every school session has nothing to step up from: it is
// refused, nothing changes, and the note says what c does instead.
func (g *grid) stepUp() {
	weeks, row, added := stepUp(slices.Clone(g.cs.Timetable), g.row, g.cs.Dates(), g.c.Cal)
	from := g.cs.Timetable[g.row].WeekBeginning.UK()
	if added == 0 {
		g.note = "Nothing to step up: the week of " + from + " is in school for every school session; " +
			g.keys.CopyForward.Help().Key + " copies it forward as it is."
		return
	}
	g.snapshot()
	g.cs.Timetable, g.row = weeks, row
	g.note = fmt.Sprintf("Stepped up: the week of %s has %s more in school than the week of %s.",
		g.cs.Timetable[g.row].WeekBeginning.UK(), plural(added, "session", "sessions"), from)
}

func (g *grid) addWeek() {
	g.snapshot()
	weeks, i, inPlan := addWeek(g.cs.Timetable, g.cs.Start, g.cs.End())
	if i < 0 {
		g.undo = g.undo[:len(g.undo)-1]
		g.note = "Set the plan's start date first (fill the case's plan form)."
		return
	}
	g.cs.Timetable, g.row = weeks, i
	g.note = "Added the week of " + weeks[i].WeekBeginning.UK() + "."
	if !inPlan {
		g.note += " It is after the planned end: record an extension if the plan runs on."
	}
}

func (g *grid) removingKey(msg tea.KeyPressMsg) tea.Cmd {
	g.state = gridEditing
	if key.Matches(msg, g.answers.Yes) {
		g.snapshot()
		from := g.cs.Timetable[g.row].WeekBeginning
		g.cs.Timetable = removeWeek(g.cs.Timetable, g.row)
		g.row = clamp(g.row, len(g.cs.Timetable))
		g.note = "Removed the week of " + from.UK() + " (" + g.keys.Undo.Help().Key + " undoes)."
	}
	return nil
}

func (g *grid) leavingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, g.answers.Yes):
		return g.save(true)
	case key.Matches(msg, g.answers.No):
		return back("Timetable changes discarded.")
	case key.Matches(msg, g.answers.Stay):
		g.state = gridEditing
	}
	return nil
}

// save writes the case in a command; the answer comes back as gridSavedMsg.
func (g *grid) save(leave bool) tea.Cmd {
	if !g.dirty() {
		if leave {
			return back("")
		}
		g.note = "No changes to save."
		return nil
	}
	g.state = gridSaving
	store, ctx, cs, version := g.c.Store, g.c.ctx, g.cs, g.version
	cs.Timetable = slices.Clone(cs.Timetable)
	return func() tea.Msg {
		v, err := store.SaveCase(ctx, cs, version)
		return gridSavedMsg{version: v, saved: cs.Timetable, leave: leave, err: err}
	}
}

func (g *grid) saved(msg gridSavedMsg) tea.Cmd {
	g.state = gridEditing
	switch {
	case errors.Is(msg.err, ErrConflict):
		g.note = "Not saved: this case was changed elsewhere. Reload it (esc, n, then r) and make the change again."
		return nil
	case msg.err != nil:
		g.note = "Not saved: " + msg.err.Error()
		return nil
	}
	g.version = msg.version
	g.stored = slices.Clone(msg.saved)
	if msg.leave {
		return back("Timetable saved.")
	}
	g.note = "Saved."
	return nil
}
