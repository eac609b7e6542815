package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// caseKeyMap is the Case screen's keys. Each key means one thing across
// the tabs: s, e and x act on the Overview, a and del on the Reviews, m on
// the Notifications; enter opens what is under the cursor. Each opens a
// form: nothing changes until it is filled and saved.
type caseKeyMap struct {
	NextTab    key.Binding
	PrevTab    key.Binding
	Timetable  key.Binding
	Open       key.Binding
	Review     key.Binding
	ReviewOpen key.Binding
	StrikeOut  key.Binding
	MarkSent   key.Binding
	Reload     key.Binding
	GoTo       key.Binding // 1 to 6: straight to a tab
	Pupil      key.Binding
}

func defaultCaseKeyMap() caseKeyMap {
	return caseKeyMap{
		NextTab:    key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next tab")),
		PrevTab:    key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "previous tab")),
		Timetable:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timetable grid")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open form")),
		Review:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "record a review")),
		ReviewOpen: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "record/correct review")),
		StrikeOut:  key.NewBinding(key.WithKeys("delete", "backspace"), key.WithHelp("del", "strike out review")),
		MarkSent:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark sent")),
		Reload:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		GoTo:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1-6", "go to tab")),
		Pupil:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pupil details")),
	}
}

// caseTabs are the Case screen's tabs, also reached with 1 to 5.
var caseTabs = []string{"Overview", "Findings", "Forms", "Reviews", "History", "Notifications"}

const (
	tabOverview = iota
	tabFindings
	tabForms
	tabReviews
	tabHistory
	tabNotifications
)

// caseLoadedMsg carries one case with what its screen shows beside it.
type caseLoadedMsg struct {
	id      int64
	cs      model.Case
	version int
	history []model.PastCase
	audit   []AuditEntry
	err     error
}

// casePage is one case: overview, findings, forms, reviews and history.
type casePage struct {
	c          *Common
	keys       caseKeyMap
	status     statusKeyMap
	id         int64
	data       *caseLoadedMsg
	findings   []model.Finding
	templates  []FormTemplate
	tab        int
	openOnLoad string // a template to open as soon as the case is loaded
	// queue is the forms still to fill, in the protocol's order, after
	// the one open now (the new case wizard's choice). A form kept as a
	// draft or cancelled ends it: the user has stopped for now.
	queue []string
	// newVersionOf is the completed form whose new version waits for a y:
	// Enter on a completed form asks first, so an Enter too many after a
	// form closes never starts one.
	newVersionOf FormTemplate
	list         listView
	cursorOf     map[int]int // each tab's cursor, kept while on another tab
	built        buildKey
	width        int
	height       int
}

func newCasePage(c *Common, id int64) *casePage {
	return &casePage{c: c, keys: defaultCaseKeyMap(), status: defaultStatusKeyMap(), id: id}
}

func (p *casePage) Init() tea.Cmd    { return loadCase(p.c, p.id) }
func (p *casePage) SetSize(w, h int) { p.width, p.height = w, h }

func (p *casePage) Title() string {
	if p.data == nil || p.data.err != nil {
		return fmt.Sprintf("Case %d", p.id)
	}
	return p.c.Name(p.data.cs.Pupil)
}

func (p *casePage) ShortHelp() []key.Binding {
	if p.newVersionOf != nil {
		return newVersionKeys
	}
	b := []key.Binding{p.keys.NextTab, p.keys.Timetable}
	switch p.tab {
	case tabOverview:
		if p.data != nil && p.data.err == nil {
			b = append(b, p.status.statusKeys(p.data.cs.Status)...)
		}
		b = append(b, p.keys.Pupil)
	case tabForms:
		b = append(b, p.keys.Open)
	case tabReviews:
		b = append(b, p.keys.Review, p.keys.ReviewOpen, p.keys.StrikeOut)
	case tabNotifications:
		b = append(b, p.keys.MarkSent)
	}
	return b
}

func (p *casePage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{p.keys.NextTab, p.keys.PrevTab, p.keys.GoTo},
		{k.Up, k.Down, p.keys.Open, p.keys.Timetable, p.keys.Pupil, p.keys.Reload},
		{p.status.Start, p.status.Extend, p.status.Close, p.status.Details},
		{p.keys.Review, p.keys.ReviewOpen, p.keys.StrikeOut, p.keys.MarkSent},
	}
}

func loadCase(c *Common, id int64) tea.Cmd {
	store, ctx := c.Store, c.ctx
	return func() tea.Msg {
		cs, version, err := store.Case(ctx, id)
		if err != nil {
			return caseLoadedMsg{id: id, err: fmt.Errorf("load case %d: %w", id, err)}
		}
		msg := caseLoadedMsg{id: id, cs: cs, version: version}
		if msg.history, err = store.History(ctx, cs.Pupil.ID, cs.ID); err != nil {
			msg.err = fmt.Errorf("load %s's earlier plans: %w", cs.Pupil.Name, err)
			return msg
		}
		if msg.audit, err = store.Audit(ctx, "case", cs.ID); err != nil {
			msg.err = fmt.Errorf("load the history of case %d: %w", id, err)
		}
		return msg
	}
}

func (p *casePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case caseLoadedMsg:
		if msg.id != p.id {
			return nil
		}
		p.loaded(msg)
		if id := p.openOnLoad; id != "" && msg.err == nil {
			p.openOnLoad = ""
			return p.openTemplate(id)
		}
	case refreshMsg:
		return loadCase(p.c, p.id)
	case formFinishedMsg:
		return p.nextInQueue(msg)
	case tea.KeyPressMsg:
		return p.key(msg)
	}
	return nil
}

// nextInQueue opens the next queued form once the case has been loaded
// again with the one just finished.
func (p *casePage) nextInQueue(msg formFinishedMsg) tea.Cmd {
	if !msg.completed || len(p.queue) == 0 {
		p.queue = nil
		return nil
	}
	p.openOnLoad, p.queue = p.queue[0], p.queue[1:]
	return loadCase(p.c, p.id)
}

// loaded keeps the case and runs the rules over it: Check is pure and
// quick (well under a millisecond), so it runs here, not in a command.
func (p *casePage) loaded(msg caseLoadedMsg) {
	p.data = &msg
	p.findings, p.templates = nil, nil
	if msg.err != nil {
		return
	}
	packs := p.c.School.Packs
	p.findings = p.c.check(msg.cs, msg.history, p.c.Cal, packs, p.c.On)
	if p.c.Forms != nil {
		p.templates = p.c.Forms.ForCase(msg.cs, packs)
	}
}

// ensureBuilt lays the tab out again when what it shows has changed.
func (p *casePage) ensureBuilt() {
	if p.data == nil || p.data.err != nil {
		return
	}
	if k := (buildKey{p.width, p.c.HideNames, p.c.Styles, p.data}); k != p.built {
		p.list.reset()
		p.buildTab()
		p.built = k
	}
}

func (p *casePage) key(msg tea.KeyPressMsg) tea.Cmd {
	p.ensureBuilt()
	if t := p.newVersionOf; t != nil {
		p.newVersionOf = nil
		if key.Matches(msg, newVersionKeys[0]) && p.data != nil && p.data.err == nil {
			return p.open(t)
		}
		return nil // any other key keeps the completed form as it is
	}
	s := msg.String()
	if p.data != nil && p.data.err == nil {
		if cmd, ok := p.tabKey(msg); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, p.c.Keys.Back):
		return back("")
	case key.Matches(msg, p.keys.NextTab):
		p.setTab(p.tab + 1)
	case key.Matches(msg, p.keys.PrevTab):
		p.setTab(p.tab + len(caseTabs) - 1)
	case key.Matches(msg, p.keys.GoTo) && s[0] < '1'+byte(len(caseTabs)):
		p.setTab(int(s[0] - '1'))
	case key.Matches(msg, p.keys.Reload):
		return loadCase(p.c, p.id)
	case p.data == nil || p.data.err != nil:
		return nil
	case key.Matches(msg, p.keys.Timetable):
		return push(newGrid(p.c, p.data.cs, p.data.version))
	case key.Matches(msg, p.keys.Pupil):
		return push(newPupilPage(p.c, p.data.cs.Pupil))
	case key.Matches(msg, p.keys.Open) && p.tab == tabForms:
		return p.openForm()
	default:
		p.list.move(msg, p.c.Keys, p.height-2)
	}
	return nil
}

// tabKey handles the keys of the tab in view: the Overview's status keys,
// the Reviews' and the Notifications' own; ok is false for any other key.
func (p *casePage) tabKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch p.tab {
	case tabOverview:
		return p.statusKey(msg)
	case tabReviews:
		return p.reviewKey(msg)
	case tabNotifications:
		if key.Matches(msg, p.keys.MarkSent) {
			return p.markSent(), true
		}
	}
	return nil, false
}

// setTab shows tab i with the cursor where it was left on it.
func (p *casePage) setTab(i int) {
	if p.cursorOf == nil {
		p.cursorOf = map[int]int{}
	}
	p.cursorOf[p.tab] = p.list.cursor
	p.tab = i % len(caseTabs)
	p.list.cursor, p.list.top = p.cursorOf[p.tab], 0
	p.built = buildKey{}
}

// completedAsked is the completed form a new version is asked for, if any.
func (p *casePage) completedAsked() (FormTemplate, *model.FormRecord) {
	if p.newVersionOf == nil || p.data == nil || p.data.err != nil {
		return nil, nil
	}
	if _, rec := formStatus(p.data.cs, p.newVersionOf.ID()); rec != nil && !rec.Completed.IsZero() {
		return p.newVersionOf, rec
	}
	return nil, nil
}

// newVersionKeys answer "start a new version?" on a completed form.
var newVersionKeys = []key.Binding{
	key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "start a new version")),
	key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep the completed one")),
}

// openForm fills the chosen template, or resumes its draft; on a
// completed one it asks before starting a fresh version.
func (p *casePage) openForm() tea.Cmd {
	i, ok := p.list.chosen()
	if !ok || int(i) >= len(p.templates) {
		return nil
	}
	t := p.templates[i]
	if _, rec := formStatus(p.data.cs, t.ID()); rec != nil && !rec.Completed.IsZero() {
		p.newVersionOf = t
		return nil
	}
	return p.open(t)
}

// openTemplate opens the case's template with the ID, if it has one.
func (p *casePage) openTemplate(id string) tea.Cmd {
	for _, t := range p.templates {
		if t.ID() == id {
			return p.open(t)
		}
	}
	return nil
}

// open fills the template; the Forms tab's cursor moves to it, so the form
// just filled is the one under the cursor when the tab shows again.
func (p *casePage) open(t FormTemplate) tea.Cmd {
	for i, x := range p.templates {
		if x.ID() == t.ID() {
			if p.tab == tabForms {
				p.list.cursor = i
			} else if p.cursorOf != nil {
				p.cursorOf[tabForms] = i
			}
		}
	}
	cs := p.data.cs
	_, prior := formStatus(cs, t.ID())
	draft := t.Edit(cs, p.c.School, prior, p.c.Accessible)
	if draft == nil || draft.Form() == nil {
		return complain(errors.New("this form cannot be opened: its template gave no form"))
	}
	fp := newFormPage(p.c, cs, p.data.version, draft, t.Title())
	switch {
	case prior != nil && prior.Completed.IsZero():
		fp.note = "resuming the draft"
	case prior != nil:
		fp.note = "a new version; the one completed " + prior.Completed.UK() + " stays on file"
	}
	return push(fp)
}

func (p *casePage) View() string {
	st := p.c.Styles
	tabs := p.tabsLine()
	switch {
	case p.data == nil:
		return tabs + "\n\n" + st.Subtle.Render("  Loading the case…")
	case p.data.err != nil:
		return tabs + "\n\n" + st.Error.Render("  "+p.data.err.Error()) + "\n" +
			st.Subtle.Render("  Press r to try again, esc to go back.")
	}
	p.ensureBuilt()
	if _, rec := p.completedAsked(); rec != nil {
		t := p.newVersionOf
		q := fmt.Sprintf("%s was completed on %s. Start a new version? The completed one stays on file.",
			sanitise(t.Title()), rec.Completed.UK())
		lines := strings.Split(ansi.Wordwrap(q, max(p.width-2, 20), ""), "\n")
		ask := make([]string, len(lines))
		for i, l := range lines {
			ask[i] = "  " + st.Prompt.Render(l)
		}
		return tabs + "\n" + p.list.render(st, p.width, max(p.height-1-len(ask), 1)) + "\n" + strings.Join(ask, "\n")
	}
	return tabs + "\n" + p.list.render(st, p.width, p.height-1)
}

func (p *casePage) tabsLine() string {
	st := p.c.Styles
	parts := make([]string, len(caseTabs))
	for i, t := range caseTabs {
		label := fmt.Sprintf("%d %s", i+1, t)
		if i == p.tab {
			parts[i] = st.TabActive.Render("[" + label + "]")
		} else {
			parts[i] = st.TabInactive.Render(" " + label + " ")
		}
	}
	return strings.Join(parts, " ")
}

func (p *casePage) buildTab() {
	switch p.tab {
	case tabOverview:
		p.buildOverview()
	case tabFindings:
		p.buildFindings()
	case tabForms:
		p.buildForms()
	case tabReviews:
		p.buildReviews()
	case tabHistory:
		p.buildHistory()
	case tabNotifications:
		p.buildNotifications()
	}
}
