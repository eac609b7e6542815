package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
	"reintegrate/storage"
)

// todayKeyMap is the Today screen's keys.
type todayKeyMap struct {
	Open     key.Binding
	Cases    key.Binding
	New      key.Binding
	Settings key.Binding
	Reload   key.Binding
	Section  key.Binding
	Back     key.Binding
}

func defaultTodayKeyMap() todayKeyMap {
	return todayKeyMap{
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Cases:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "all cases")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new case")),
		Settings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "settings")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		// With 2,000 pupils on plans the duties are far down the list.
		Section: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next section")),
		Back:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous section")),
	}
}

// duty is one finding that asks for something, with the case it is on.
type duty struct {
	caseID  int64
	pupil   model.Pupil
	finding model.Finding
}

// todayLoadedMsg carries today's register: the first thing the screen
// shows, from one quick query.
type todayLoadedMsg struct {
	entries []TodayEntry
	err     error
}

// The register's arrival starts the duties' loading (see runCmd).
func (todayLoadedMsg) leadsToMoreLoading() {}

// dutiesLoadedMsg carries what is due, overdue and blocking across the
// active cases. It comes second: on a cold findings cache the rules run
// over every active case, and the register should not wait for that.
type dutiesLoadedMsg struct {
	duties    []duty // due and overdue, soonest first
	blockers  []duty // unmet blockers, by pupil
	err       error
	notCached error // the list is whole, but the findings cache was not saved
}

// today is the landing screen: who is on a reduced timetable today, with
// which sessions and codes; what is due or overdue; what blocks.
type today struct {
	c      *Common
	keys   todayKeyMap
	data   *todayLoadedMsg
	duties *dutiesLoadedMsg // nil while the rules are still running
	list   listView
	// sections are the item index where each section's rows begin
	// (register, duties, blockers), for tab to jump between.
	sections []int
	width    int
	height   int
	built    buildKey // what the list was last laid out for
}

// buildKey is what a laid-out list depends on beyond the data: a change of
// width or of the privacy key lays it out again, nothing else does.
type buildKey struct {
	width int
	hide  bool
	st    *Styles
	data  any
}

func newToday(c *Common) *today {
	return &today{c: c, keys: defaultTodayKeyMap()}
}

func (t *today) Title() string             { return "Today" }
func (t *today) SetSize(width, height int) { t.width, t.height = width, height }
func (t *today) Init() tea.Cmd             { return loadToday(t.c) }

func (t *today) ShortHelp() []key.Binding {
	return []key.Binding{t.keys.Open, t.keys.Cases, t.keys.New, t.keys.Settings, reportsKey}
}

func (t *today) FullHelp() [][]key.Binding {
	k := t.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDn, t.keys.Open},
		{t.keys.Cases, t.keys.New, t.keys.Settings, reportsKey, t.keys.Reload},
		{t.keys.Section, t.keys.Back},
	}
}

// loadToday reads today's register; the duties follow once it is in.
func loadToday(c *Common) tea.Cmd {
	store, ctx, on := c.Store, c.ctx, c.On
	return func() tea.Msg {
		entries, err := store.Today(ctx, on)
		if err != nil {
			err = fmt.Errorf("load today's register: %w", err)
		}
		return todayLoadedMsg{entries: entries, err: err}
	}
}

// loadDuties gathers the duties across active cases. The rules run in the
// store (or come from its cache), inside the command, not in Update.
func loadDuties(c *Common) tea.Cmd {
	store, ctx, on := c.Store, c.ctx, c.On
	return func() tea.Msg {
		all, err := store.Duties(ctx, on)
		if err != nil {
			return dutiesLoadedMsg{err: fmt.Errorf("check the active cases: %w", err)}
		}
		msg := dutiesLoadedMsg{notCached: all.NotCached}
		for d := range all.All() {
			du := duty{caseID: d.CaseID, pupil: model.Pupil{Name: d.Pupil}, finding: d.Finding}
			switch {
			case d.Blocks():
				msg.blockers = append(msg.blockers, du)
			case d.Status == model.Due || d.Status == model.Overdue:
				msg.duties = append(msg.duties, du)
			}
		}
		return msg
	}
}

// notKept is the status line's warning when the findings worked out for
// the list could not be cached: short enough for 80 columns.
func notKept(err error) string {
	why := "the database could not be written"
	switch {
	case errors.Is(err, storage.ErrFull):
		why = "the disk is full"
	case errors.Is(err, storage.ErrBusy):
		why = "another program is saving"
	}
	return "Findings not cached: " + why + ". This list is complete."
}

func (t *today) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		t.data = &msg
		if msg.err == nil {
			return loadDuties(t.c)
		}
	case dutiesLoadedMsg:
		t.duties = &msg
		if msg.notCached != nil {
			return refuse(notKept(msg.notCached))
		}
	case refreshMsg:
		return loadToday(t.c)
	case tea.KeyPressMsg:
		return t.key(msg)
	}
	return nil
}

// ensureBuilt lays the list out again when what it shows has changed. Both
// View and the keys call it: a key may come before the first frame.
func (t *today) ensureBuilt() {
	if t.data == nil || t.data.err != nil {
		return
	}
	if k := (buildKey{t.width, t.c.HideNames, t.c.Styles, [2]any{t.data, t.duties}}); k != t.built {
		t.build()
		t.built = k
	}
}

func (t *today) key(msg tea.KeyPressMsg) tea.Cmd {
	t.ensureBuilt()
	if t.list.move(msg, t.c.Keys, t.height) {
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.Open):
		if id, ok := t.list.chosen(); ok {
			return push(newCasePage(t.c, id))
		}
	case key.Matches(msg, t.keys.Cases):
		return push(newCases(t.c))
	case key.Matches(msg, t.keys.New):
		return push(newWizard(t.c))
	case key.Matches(msg, t.keys.Settings):
		return push(newSettings(t.c))
	case key.Matches(msg, reportsKey):
		return push(newReportsPage(t.c))
	case key.Matches(msg, t.keys.Section):
		t.jump(1)
	case key.Matches(msg, t.keys.Back):
		t.jump(-1)
	case key.Matches(msg, t.keys.Reload):
		return loadToday(t.c)
	}
	return nil
}

// jump moves the cursor to the first row of the next (dir 1) or previous
// (dir -1) section that has rows, round from the last to the first.
func (t *today) jump(dir int) {
	var starts []int
	for i, s := range t.sections {
		if s < len(t.list.items) && (i+1 == len(t.sections) || t.sections[i+1] > s) {
			starts = append(starts, s)
		}
	}
	if len(starts) == 0 {
		return
	}
	cur := 0 // the section the cursor is in
	for i, s := range starts {
		if t.list.cursor >= s {
			cur = i
		}
	}
	t.list.cursor = starts[(cur+dir+len(starts))%len(starts)]
}

func (t *today) View() string {
	st := t.c.Styles
	head := st.Title.Render(t.dayLine())
	switch {
	case t.data == nil:
		return head + "\n\n" + st.Subtle.Render("  Loading today's register…")
	case t.data.err != nil:
		return head + "\n\n" + st.Error.Render("  "+t.data.err.Error()) +
			"\n" + st.Subtle.Render("  Press r to try again.")
	}
	t.ensureBuilt()
	if c := t.counts(); c != "" && ansi.StringWidth(t.dayLine()+c) <= t.width {
		head += st.Subtle.Render(c)
	}
	return head + "\n" + t.list.render(st, t.width, t.height-1)
}

// counts sums the screen up on its first line, so the morning's answer is
// there even when the register runs to more rows than the terminal has.
func (t *today) counts() string {
	d := t.duties
	if d == nil || d.err != nil {
		return ""
	}
	overdue := 0
	for _, du := range d.duties {
		if du.finding.Status == model.Overdue {
			overdue++
		}
	}
	return fmt.Sprintf(" · %d on plans · %d overdue · %d due · %s", len(t.data.entries), overdue,
		len(d.duties)-overdue, plural(len(d.blockers), "BLOCKER", "BLOCKERS"))
}

// dayLine says the date and whether pupils are expected in school.
func (t *today) dayLine() string {
	on := t.c.On
	line := on.Weekday().String() + " " + on.UK()
	if why, closed := t.c.Cal.Closed(on); closed {
		return line + " · not a school day (" + why + ")"
	}
	return line + " · a school day"
}

// build lays out the three sections as list lines.
func (t *today) build() {
	t.list.reset()
	t.sections = append(t.sections[:0], 0)
	t.buildRegister()
	t.list.add("")
	switch d := t.duties; {
	case d == nil:
		t.list.add(t.c.Styles.Subtle.Render("Checking the active cases for what is due…"))
	case d.err != nil:
		t.list.add(t.c.Styles.Error.Render(sanitise(d.err.Error())))
		t.list.add(t.c.Styles.Subtle.Render("Press r to try again."))
	default:
		t.sections = append(t.sections, len(t.list.items))
		t.buildDuties()
		t.list.add("")
		t.sections = append(t.sections, len(t.list.items))
		t.buildBlockers()
	}
}

func (t *today) buildRegister() {
	st, d := t.c.Styles, t.data
	t.list.add(st.Title.Render(fmt.Sprintf("On reduced timetables today: %d", len(d.entries))))
	if len(d.entries) == 0 {
		t.list.add(st.Subtle.Render("No pupil has a planned session today."))
		return
	}
	cols := []column{{Title: "Pupil", Width: 12, Flex: 2, Max: 32}, {Title: "Year", Width: 4},
		{Title: "Plan", Width: 10, Drop: 1}, {Title: "AM", Width: 15, Flex: 1, Max: 22},
		{Title: "PM", Width: 15, Flex: 1, Max: 22}}
	w := widths(cols, t.width-2)
	t.list.add(st.Subtle.Render(tableHead(cols, w)))
	// The list holds only plans running today (storage.Today): whether the
	// school is shut is all the plan's dates would add.
	day := t.c.Cal.Day(t.c.On, model.PlanDates{})
	for _, e := range d.entries {
		t.list.addItemLazy(func() string {
			return tableRow(cols, w, t.c.Name(e.Pupil), string(e.Pupil.YearGroup),
				kindShort(e.Kind), sessionText(day, e.AM, model.AM, e.Pupil), sessionText(day, e.PM, model.PM, e.Pupil))
		}, e.CaseID)
	}
}

func (t *today) buildDuties() {
	st, d := t.c.Styles, t.duties
	t.list.add(st.Title.Render(fmt.Sprintf("Due and overdue: %d", len(d.duties))))
	if len(d.duties) == 0 {
		t.list.add(st.Subtle.Render("Nothing is due or overdue."))
		return
	}
	cols := []column{{Title: "", Width: 7}, {Title: "By", Width: 10},
		{Title: "Pupil", Width: 12, Flex: 1, Max: 32}, {Title: "What", Width: 20, Flex: 3}}
	w := widths(cols, t.width-2)
	for _, du := range d.duties {
		t.list.addItemLazy(func() string {
			word := statusWord(du.finding)
			row := tableRow(cols, w, word, du.finding.Due.UK(), t.c.Name(du.pupil),
				sanitise(du.finding.Message))
			return st.status(du.finding).Render(row[:len(word)]) + row[len(word):]
		}, du.caseID)
	}
}

func (t *today) buildBlockers() {
	st, d := t.c.Styles, t.duties
	byCase := map[int64][]duty{}
	var order []int64
	for _, b := range d.blockers {
		if _, seen := byCase[b.caseID]; !seen {
			order = append(order, b.caseID)
		}
		byCase[b.caseID] = append(byCase[b.caseID], b)
	}
	t.list.add(st.Title.Render(fmt.Sprintf("Blockers: %s on %s", plural(len(d.blockers), "blocker", "blockers"),
		plural(len(order), "case", "cases"))))
	if len(order) == 0 {
		t.list.add(st.Subtle.Render("No active case is blocked."))
		return
	}
	// The same columns as the duties above (the first two as one), so
	// the pupils line up; the first blocker in words (the count says how
	// many more the case page lists).
	cols := []column{{Title: "", Width: 18}, {Title: "Pupil", Width: 12, Flex: 1, Max: 32},
		{Title: "What", Width: 20, Flex: 3}}
	w := widths(cols, t.width-2)
	for _, id := range order {
		bs := byCase[id]
		t.list.addItemLazy(func() string {
			word := fmt.Sprintf("BLOCKER ×%d", len(bs))
			row := tableRow(cols, w, word, t.c.Name(bs[0].pupil), sanitise(bs[0].finding.Message))
			return st.Blocker.Render(row[:len(word)]) + row[len(word):]
		}, id)
	}
}
