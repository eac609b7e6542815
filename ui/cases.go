package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// casesKeyMap is the Cases screen's keys. Letters type into the search, so
// everything else is on keys that do not print.
type casesKeyMap struct {
	Open   key.Binding
	Status key.Binding
	Kind   key.Binding
	Clear  key.Binding
	Help   key.Binding
	Pupil  key.Binding
}

func defaultCasesKeyMap() casesKeyMap {
	return casesKeyMap{
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Status: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "status")),
		Kind:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "kind")),
		Clear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear/back")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Pupil:  key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "edit pupil")),
	}
}

// statusFilters are the status filter's steps, in the order tab visits them.
var statusFilters = []struct {
	label string
	keep  func(model.CaseStatus) bool
}{
	{"open (active and draft)", func(s model.CaseStatus) bool { return s != model.Closed }},
	{"active", func(s model.CaseStatus) bool { return s == model.Active }},
	{"draft", func(s model.CaseStatus) bool { return s == model.Draft }},
	{"closed", func(s model.CaseStatus) bool { return s == model.Closed }},
	{"all", func(model.CaseStatus) bool { return true }},
}

type casesLoadedMsg struct {
	rows []CaseSummary
	err  error
}

// cases is the list of every case, searched by pupil name as you type.
type cases struct {
	c      *Common
	keys   casesKeyMap
	search textinput.Model
	rows   []CaseSummary
	names  foldedNames
	shown  []int // indexes into rows after search and filters
	status int   // index into statusFilters
	kind   int   // 0 any, else model.Kinds[kind-1]
	cursor int   // index into shown
	top    int   // first of shown in view
	err    error
	loaded bool
	width  int
	height int
	query  string // the search the shown rows were worked out for
}

func newCases(c *Common) *cases {
	in := newTextInput(c.Styles)
	in.Prompt = "Search: "
	in.Placeholder = "type a pupil's name"
	in.Focus()
	return &cases{c: c, keys: defaultCasesKeyMap(), search: in}
}

func (p *cases) Title() string    { return "Cases" }
func (p *cases) Capturing() bool  { return true }
func (p *cases) Init() tea.Cmd    { return loadCases(p.c) }
func (p *cases) SetSize(w, h int) { p.width, p.height = w, h; p.search.SetWidth(max(w-30, 10)) }
func (p *cases) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Open, p.keys.Status, p.keys.Kind, p.keys.Clear, p.keys.Pupil}
}

func (p *cases) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDn, p.keys.Open},
		{p.keys.Pupil, p.keys.Status, p.keys.Kind, p.keys.Clear},
	}
}

func loadCases(c *Common) tea.Cmd {
	store, ctx, on := c.Store, c.ctx, c.On
	return func() tea.Msg {
		rows, err := store.Cases(ctx, CaseFilter{All: true, On: on})
		if err != nil {
			err = fmt.Errorf("load cases: %w", err)
		}
		return casesLoadedMsg{rows: rows, err: err}
	}
}

func (p *cases) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case casesLoadedMsg:
		p.rows, p.err, p.loaded = msg.rows, msg.err, true
		p.names = foldNames(p.rows, func(r CaseSummary) string { return r.Pupil.Name })
		p.refilter()
		return nil
	case refreshMsg:
		return loadCases(p.c)
	case tea.KeyPressMsg:
		return p.key(msg)
	}
	var cmd tea.Cmd
	p.search, cmd = p.search.Update(msg)
	if p.search.Value() != p.query { // a paste
		p.cursor = 0
		p.refilter()
	}
	return cmd
}

func (p *cases) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case p.moveCursor(msg):
		return nil
	case key.Matches(msg, p.keys.Help):
		return func() tea.Msg { return showHelpMsg{} }
	case key.Matches(msg, p.keys.Clear):
		if p.search.Value() == "" {
			return back("")
		}
		p.search.SetValue("")
	case msg.String() == "/" && p.search.Value() == "":
		// Many tools start a search with "/": here typing searches
		// already, so the slash is taken as that habit, not as text.
		return nil
	case key.Matches(msg, p.keys.Open):
		if len(p.shown) > 0 {
			return push(newCasePage(p.c, p.rows[p.shown[p.cursor]].ID))
		}
		return nil
	case key.Matches(msg, p.keys.Pupil):
		if len(p.shown) > 0 {
			return push(newPupilPage(p.c, p.rows[p.shown[p.cursor]].Pupil))
		}
		return nil
	case key.Matches(msg, p.keys.Status):
		p.status = (p.status + 1) % len(statusFilters)
	case key.Matches(msg, p.keys.Kind):
		p.kind = (p.kind + 1) % (len(model.Kinds) + 1)
	default:
		var cmd tea.Cmd
		p.search, cmd = p.search.Update(msg)
		if p.search.Value() != p.query {
			p.cursor = 0
			p.refilter()
		}
		return cmd
	}
	p.cursor = 0
	p.refilter()
	return nil
}

// refilter works out the rows to show: search first (best match first),
// then the status and kind filters.
func (p *cases) refilter() {
	p.query = p.search.Value()
	p.shown = p.shown[:0]
	keepStatus := statusFilters[p.status].keep
	for _, i := range search(p.query, p.names) {
		r := p.rows[i]
		if !keepStatus(r.Status) || (p.kind > 0 && r.Kind != model.Kinds[p.kind-1]) {
			continue
		}
		p.shown = append(p.shown, i)
	}
}

func (p *cases) kindLabel() string {
	if p.kind == 0 {
		return "any"
	}
	return model.Kinds[p.kind-1].Label()
}

func (p *cases) View() string {
	st := p.c.Styles
	filters := st.Subtle.Render(fmt.Sprintf("Status: %s · Kind: %s", statusFilters[p.status].label, p.kindLabel()))
	head := p.search.View() + "\n" + filters
	switch {
	case p.err != nil:
		return head + "\n\n" + st.Error.Render(p.err.Error())
	case !p.loaded:
		return head + "\n\n" + st.Subtle.Render("Loading cases…")
	}
	count := st.Subtle.Render(fmt.Sprintf("%d of %s", len(p.shown), plural(len(p.rows), "case", "cases")))
	return head + "\n" + count + "\n" + p.table(p.height-3)
}

var casesColumns = []column{{Title: "Pupil", Width: 12, Flex: 3, Max: 36}, {Title: "Year", Width: 4},
	{Title: "Kind", Width: 10, Drop: 2}, {Title: "Status", Width: 6, Drop: 1}, {Title: "Week", Width: 17},
	{Title: "This week", Width: 18, Flex: 1, Max: 30}}

// moveCursor handles the cursor keys, which do not print, so they never
// reach the search box.
func (p *cases) moveCursor(msg tea.KeyPressMsg) bool {
	if msg.Text != "" {
		return false // j and k are letters in a name here
	}
	var ok bool
	p.cursor, ok = moveCursor(msg, p.c.Keys, p.cursor, len(p.shown), p.height-4)
	return ok
}

// table renders only the rows in view: the list may hold thousands.
func (p *cases) table(height int) string {
	st := p.c.Styles
	w := widths(casesColumns, p.width-2)
	lines := []string{"  " + st.Subtle.Render(tableHead(casesColumns, w))}
	if len(p.shown) == 0 {
		lines = append(lines, "  "+st.Subtle.Render("No case matches. Esc clears the search; tab and shift+tab change the filters."))
		return fit(strings.Join(lines, "\n"), p.width, height)
	}
	rows := max(height-1, 1)
	p.cursor = clamp(p.cursor, len(p.shown))
	p.top = window(p.top, p.cursor, rows, len(p.shown))
	for n := p.top; n < min(len(p.shown), p.top+rows); n++ {
		r := p.rows[p.shown[n]]
		line := "  " + tableRow(casesColumns, w, p.c.Name(r.Pupil), string(r.Pupil.YearGroup),
			kindShort(r.Kind), string(r.Status), weekOf(r.Start, r.End, p.c.On), p.thisWeek(r))
		if n == p.cursor {
			line = markSelected(st, line, p.width)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (p *cases) thisWeek(r CaseSummary) string {
	if !r.HasWeek {
		return thisWeek(nil, [5]model.PlanDay{})
	}
	plan := model.PlanDates{Start: r.Start, End: r.End}
	wh := model.PlannedWeek(r.Week, r.Pupil, plan, p.c.Cal, p.c.School.Packs.Params)
	return thisWeek(&wh, p.c.Cal.WeekDays(r.Week.WeekBeginning, plan))
}

// thisWeek is a week's hours against its threshold, with a word when it
// falls short so the meaning never rests on colour; a week with none of
// the plan's school days (half term, after the plan's end) says which.
func thisWeek(wh *model.WeekHours, days [5]model.PlanDay) string {
	switch {
	case wh == nil:
		return "no week planned"
	case wh.SchoolDays == 0:
		return model.NoPlannedDay(days)
	case !wh.HasThreshold:
		return hours(wh.HoursInEducation) + " h (no threshold)"
	case wh.FullTime:
		return fmt.Sprintf("%s/%s h full time", hours(wh.HoursInEducation), hours(wh.ThresholdHours))
	}
	return fmt.Sprintf("%s/%s h %s below", hours(wh.HoursInEducation), hours(wh.ThresholdHours),
		percent(wh.PercentOfFullTime))
}
