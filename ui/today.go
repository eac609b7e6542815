package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// todayKeyMap is the Today screen's keys.
type todayKeyMap struct {
	Open     key.Binding
	Cases    key.Binding
	New      key.Binding
	Settings key.Binding
	Reload   key.Binding
}

func defaultTodayKeyMap() todayKeyMap {
	return todayKeyMap{
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Cases:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "all cases")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new case")),
		Settings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "settings")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
	}
}

// duty is one finding that asks for something, with the case it is on.
type duty struct {
	caseID  int64
	pupil   model.Pupil
	finding model.Finding
}

// todayLoadedMsg carries what the Today screen shows.
type todayLoadedMsg struct {
	entries  []TodayEntry
	duties   []duty // due and overdue, soonest first
	blockers []duty // unmet blockers, by pupil
	cases    int    // active cases looked at
	err      error
}

// today is the landing screen: who is on a reduced timetable today, with
// which sessions and codes; what is due or overdue; what blocks.
type today struct {
	c       *Common
	keys    todayKeyMap
	data    *todayLoadedMsg
	list    listView
	width   int
	height  int
	loading bool
	built   buildKey // what the list was last laid out for
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
	return &today{c: c, keys: defaultTodayKeyMap(), loading: true}
}

func (t *today) Title() string             { return "Today" }
func (t *today) SetSize(width, height int) { t.width, t.height = width, height }
func (t *today) Init() tea.Cmd             { return loadToday(t.c) }

func (t *today) ShortHelp() []key.Binding {
	return []key.Binding{t.keys.Open, t.keys.Cases, t.keys.New, t.keys.Settings}
}

func (t *today) FullHelp() [][]key.Binding {
	k := t.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDn, t.keys.Open},
		{t.keys.Cases, t.keys.New, t.keys.Settings, t.keys.Reload},
	}
}

// loadToday gathers today's register and the duties across active cases.
// The rules run here, in the command, not in Update.
func loadToday(c *Common) tea.Cmd {
	store, ctx, on, cal, packs, check := c.Store, c.ctx, c.On, c.Cal, c.School.Packs, c.check
	return func() tea.Msg {
		entries, err := store.Today(ctx, on)
		if err != nil {
			return todayLoadedMsg{err: fmt.Errorf("load today's register: %w", err)}
		}
		cases, err := store.ActiveCases(ctx)
		if err != nil {
			return todayLoadedMsg{err: fmt.Errorf("load active cases: %w", err)}
		}
		msg := todayLoadedMsg{entries: entries, cases: len(cases)}
		for _, cs := range cases {
			for _, f := range check(cs.Case, cs.History, cal, packs, on) {
				d := duty{caseID: cs.ID, pupil: cs.Pupil, finding: f}
				switch {
				case f.Blocks():
					msg.blockers = append(msg.blockers, d)
				case f.Status == model.Due || f.Status == model.Overdue:
					msg.duties = append(msg.duties, d)
				}
			}
		}
		sortDuties(msg.duties)
		return msg
	}
}

// sortDuties puts overdue before due, then the earliest deadline first.
func sortDuties(ds []duty) {
	slices.SortStableFunc(ds, func(a, b duty) int {
		ao, bo := a.finding.Status == model.Overdue, b.finding.Status == model.Overdue
		if ao != bo {
			if ao {
				return -1
			}
			return 1
		}
		return a.finding.Due.Time().Compare(b.finding.Due.Time())
	})
}

func (t *today) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		t.data, t.loading = &msg, false
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
	if k := (buildKey{t.width, t.c.HideNames, t.c.Styles, t.data}); k != t.built {
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
	case key.Matches(msg, t.keys.Reload):
		t.loading = true
		return loadToday(t.c)
	}
	return nil
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
	return head + "\n" + t.list.render(st, t.width, t.height-1)
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
	t.buildRegister()
	t.list.add("")
	t.buildDuties()
	t.list.add("")
	t.buildBlockers()
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
	for _, e := range d.entries {
		am := model.RegisterCode(e.AM, model.AM, e.Pupil, t.c.On, t.c.Cal)
		pm := model.RegisterCode(e.PM, model.PM, e.Pupil, t.c.On, t.c.Cal)
		t.list.addItem(tableRow(cols, w, t.c.Name(e.Pupil), string(e.Pupil.YearGroup),
			kindShort(e.Kind), sessionText(e.AM, am), sessionText(e.PM, pm)), e.CaseID)
	}
}

func (t *today) buildDuties() {
	st, d := t.c.Styles, t.data
	t.list.add(st.Title.Render(fmt.Sprintf("Due and overdue: %d", len(d.duties))))
	if len(d.duties) == 0 {
		t.list.add(st.Subtle.Render("Nothing is due or overdue."))
		return
	}
	cols := []column{{Title: "", Width: 7}, {Title: "By", Width: 10},
		{Title: "Pupil", Width: 12, Flex: 1, Max: 32}, {Title: "What", Width: 20, Flex: 3}}
	w := widths(cols, t.width-2)
	for _, du := range d.duties {
		word := statusWord(du.finding)
		style := st.Due
		if du.finding.Status == model.Overdue {
			style = st.Overdue
		}
		row := tableRow(cols, w, word, du.finding.Due.UK(), t.c.Name(du.pupil),
			sanitise(du.finding.Message))
		t.list.addItem(style.Render(row[:len(word)])+row[len(word):], du.caseID)
	}
}

func (t *today) buildBlockers() {
	st, d := t.c.Styles, t.data
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
		t.list.add(st.Subtle.Render(fmt.Sprintf("No active case is blocked (%s checked).",
			plural(d.cases, "case", "cases"))))
		return
	}
	for _, id := range order {
		bs := byCase[id]
		rules := make([]string, len(bs))
		for i, b := range bs {
			rules[i] = b.finding.Rule
		}
		word := fmt.Sprintf("BLOCKER ×%d", len(bs))
		t.list.addItem(st.Blocker.Render(word)+"  "+cell(t.c.Name(bs[0].pupil), 20)+"  "+
			strings.Join(rules, ", "), id)
	}
}
