// Package ui is the reintegrate terminal app: a root model that keeps a
// stack of screens (Today, Cases, Case, Timetable, Form, New case,
// Settings), with one shared Common for size, styles, keys and the store.
// Storage is only ever called inside tea.Cmds; answers come back as
// messages.
package ui

import (
	"context"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// Options change how the app runs.
type Options struct {
	// Accessible swaps the full-screen app for plain prompts that a screen
	// reader can follow (--accessible).
	Accessible bool
	// NoColor turns colour off whatever the terminal says. NO_COLOR in the
	// environment does the same.
	NoColor bool
	// Forms is the protocol form catalogue; nil means the forms package.
	Forms FormCatalogue
	// IdleAfter is how long without a key before the privacy screen hides
	// everything: 0 means DefaultIdleAfter (5 minutes), less than 0 never.
	IdleAfter time.Duration
	// TypeAheadGap is the pause that ends a stream of keys typed ahead of
	// a form or question that has just closed (typeahead.go): 0 means
	// DefaultTypeAheadGap, less than 0 never drops a key.
	TypeAheadGap time.Duration
	// Now is the clock the idle time and the type-ahead gap are measured
	// by; nil means time.Now. The app's dates come from On, never from it.
	Now func() time.Time
}

// page is one screen. The root sends it messages, asks it for its body and
// its keys, and tells it its size (the body's, without header and footer).
type page interface {
	help.KeyMap
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	Title() string
}

// capturer is a screen that is taking typed input just now (a search box,
// a form, a minutes prompt): the root then hands it every key, so q, ? and
// esc mean what the field makes of them.
type capturer interface{ Capturing() bool }

// Navigation and status messages between screens and the root.
type (
	pushMsg     struct{ p page }
	popMsg      struct{ status string }
	refreshMsg  struct{} // sent to the screen uncovered by a pop: reload
	showHelpMsg struct{} // a capturing screen's own "?" asks for all keys
	statusMsg   struct {
		text string
		err  bool
	}
)

func push(p page) tea.Cmd { return func() tea.Msg { return pushMsg{p} } }
func back(status string) tea.Cmd {
	return func() tea.Msg { return popMsg{status} }
}
func say(text string) tea.Cmd    { return func() tea.Msg { return statusMsg{text: text} } }
func complain(err error) tea.Cmd { return refuse(err.Error()) }

// refuse shows a refusal written as a sentence for the status line (an
// error value's text starts in lower case, so it reads inside another).
func refuse(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// Model is the root of the app.
type Model struct {
	common   *Common
	stack    []page
	help     help.Model
	showHelp bool
	status   statusMsg
	privacy  *privacy
	ahead    *typeAhead
}

// newCommon is what every screen shares, for the full-screen app (colour)
// and the plain prompts alike.
func newCommon(ctx context.Context, store Store, school model.School, on model.Date, opts Options, colour bool) *Common {
	c := &Common{Styles: newStyles(colour), Keys: DefaultGlobalKeyMap(), Store: store, Forms: opts.Forms,
		School: school, Cal: school.Calendar(), On: on, Accessible: opts.Accessible, ctx: ctx, check: model.Check}
	if c.Forms == nil {
		c.Forms = defaultForms()
	}
	return c
}

// New builds the app over the store, for the school, as of the date. The
// date is passed in (--on): nothing in the app reads the clock.
func New(store Store, school model.School, on model.Date, opts Options) tea.Model {
	c := newCommon(context.Background(), store, school, on, opts, true)
	c.Width, c.Height = 80, 24
	p := newPrivacy(opts)
	m := Model{common: c, help: help.New(), privacy: &p, ahead: newTypeAhead(opts)}
	m.help.Styles = c.Styles.Help
	m.stack = []page{newToday(c)}
	m.resize()
	return m
}

// Run opens the app in the terminal and returns when the user quits.
func Run(ctx context.Context, store Store, school model.School, on model.Date, opts Options) error {
	if opts.Accessible {
		return runAccessible(ctx, store, school, on, opts, os.Stdin, os.Stdout)
	}
	limitMemory()
	m := New(store, school, on, opts).(Model)
	m.common.ctx = ctx
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	// colorprofile reads NO_COLOR as a boolean; no-color.org says any
	// non-empty value means no colour, so honour that here.
	if opts.NoColor || os.Getenv("NO_COLOR") != "" {
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	}
	_, err := tea.NewProgram(m, popts...).Run()
	return err
}

// memoryLimit is the Go heap the app asks the collector to keep under.
// The app's own working set is a few megabytes; the morning's first check
// of every active case allocates about 125 MB in passing, and without a
// limit the collector lets the process grow past the 80 MB budget
// (DESIGN.md, "Budgets"; BenchmarkFirstFrame/cold). It is a soft limit:
// the collector works harder near it, it never fails an allocation.
const memoryLimit = 48 << 20

// limitMemory sets the soft memory limit, unless GOMEMLIMIT already has.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

func (m Model) top() page { return m.stack[len(m.stack)-1] }

// capturing reports whether the top screen is taking typed input.
func (m Model) capturing() bool {
	c, ok := m.top().(capturer)
	return ok && c.Capturing()
}

// Init asks the terminal for its background (for light or dark styles)
// and starts the landing screen's loading.
func (m Model) Init() tea.Cmd {
	return guard(tea.Batch(tea.RequestBackgroundColor, m.top().Init(), m.privacy.tick()))
}

func (m *Model) resize() {
	c := m.common
	m.help.SetWidth(c.Width)
	for _, p := range m.stack {
		p.SetSize(c.Width, c.BodyHeight())
	}
}

// Update routes a message: sizes and colours to everyone, keys through
// the global keys to the top screen, everything else to the top screen.
// A panic in it, or in a command it hands on, is caught (guard.go): the
// status line says what failed and the app carries on.
func (m Model) Update(msg tea.Msg) (out tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.status = failure(m.top().Title(), r)
			out, cmd = m, nil
		}
	}()
	if f, ok := msg.(failedMsg); ok {
		m.status = failure(m.top().Title(), f.what)
		return m, guard(m.top().Update(f))
	}
	asking := m.asking()
	out, cmd = m.update(msg)
	if after, ok := out.(Model); ok && asking && !after.asking() {
		after.ahead.ended() // a form or question has closed: watch for keys typed ahead
	}
	return out, guard(cmd)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.common.Width, m.common.Height = max(msg.Width, 1), max(msg.Height, 1)
		m.resize()
		return m, m.top().Update(msg)
	case tea.BackgroundColorMsg:
		m.common.Styles = newStyles(msg.IsDark())
		m.help.Styles = m.common.Styles.Help
		return m, m.top().Update(msg)
	case pushMsg:
		m.stack = append(m.stack, msg.p)
		m.showHelp = false
		msg.p.SetSize(m.common.Width, m.common.BodyHeight())
		return m, msg.p.Init()
	case popMsg:
		return m.pop(msg)
	case statusMsg:
		m.status = msg
		return m, nil
	case showHelpMsg:
		m.showHelp = true
		return m, nil
	case idleCheckMsg:
		return m, m.privacy.check(msg.at)
	case tea.PasteMsg:
		if m.privacy.hidden {
			return m, nil // nobody can see where it would go
		}
	case tea.KeyPressMsg:
		if m.privacy.hidden && key.Matches(msg, m.common.Keys.ForceQ) {
			return m, tea.Quit // quitting shows nothing, so it need not wake first
		}
		if m.privacy.pressed() {
			return m, nil // the key that wakes the screen does nothing else
		}
		if !key.Matches(msg, m.common.Keys.ForceQ, m.common.Keys.Lock) && m.ahead.drop() {
			m.status = m.ahead.note(m.status)
			return m, nil
		}
		return m.key(msg)
	}
	return m, m.top().Update(msg)
}

func (m Model) pop(msg popMsg) (tea.Model, tea.Cmd) {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.showHelp = false
	if msg.status != "" {
		m.status = statusMsg{text: msg.status}
	}
	return m, m.top().Update(refreshMsg{})
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.common.Keys
	m.status = statusMsg{}
	switch {
	case key.Matches(msg, k.ForceQ):
		return m, tea.Quit
	case key.Matches(msg, k.Privacy):
		m.common.HideNames = !m.common.HideNames
		return m, nil
	case key.Matches(msg, k.Lock):
		m.privacy.hidden = true
		return m, nil
	case m.showHelp:
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			m.showHelp = false
		}
		return m, nil
	}
	top := m.top()
	if m.capturing() {
		if key.Matches(msg, k.HelpF1) {
			m.showHelp = true
			return m, nil
		}
		return m, top.Update(msg)
	}
	switch {
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Quit) && len(m.stack) == 1:
		return m, tea.Quit
	case key.Matches(msg, k.Quit):
		// Below the top, q steps back as esc does, so a screen with
		// unsaved changes still gets to ask.
		return m, top.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	}
	return m, top.Update(msg)
}

// View is the header, the top screen's body and the footer, exactly the
// terminal's size.
func (m Model) View() (v tea.View) {
	c := m.common
	defer func() {
		if r := recover(); r != nil {
			said := ansi.Wordwrap(failure(m.top().Title(), r).text, c.Width, "")
			v = tea.NewView(fit(c.Styles.Error.Render(said)+"\n"+
				c.Styles.Subtle.Render("Press esc to go back."), c.Width, c.Height))
			v.AltScreen = true
		}
	}()
	if m.privacy.hidden {
		v = tea.NewView(hiddenView(c.Styles, c.Width, c.Height))
		v.AltScreen = true
		v.WindowTitle = "reintegrate"
		return v
	}
	var body string
	if m.showHelp {
		body = m.fullHelp()
	} else {
		body = m.top().View()
	}
	s := fit(m.header(), c.Width, 1) + "\n" +
		fit(body, c.Width, c.BodyHeight()) + "\n" +
		fit(m.footer(), c.Width, 1)
	v = tea.NewView(s)
	v.AltScreen = true
	v.WindowTitle = "reintegrate"
	return v
}

func (m Model) header() string {
	c := m.common
	st := c.Styles
	crumbs := make([]string, len(m.stack))
	for i, p := range m.stack {
		crumbs[i] = p.Title()
	}
	right := dayName(c.On) + " " + c.On.UK()
	if c.HideNames {
		right = "NAMES HIDDEN · " + right
	}
	left := st.Header.Render("reintegrate") + " " + st.Crumb.Render(strings.Join(crumbs, " › "))
	room := c.Width - len([]rune(right)) - 1
	if room < 12 {
		return cell(left, c.Width)
	}
	return cell(left, room) + " " + st.Subtle.Render(right)
}

func (m Model) footer() string {
	c := m.common
	if m.status.text != "" {
		st := c.Styles.Status
		if m.status.err {
			st = c.Styles.Error
		}
		return st.Render(sanitise(m.status.text))
	}
	k := c.Keys
	own := m.top().ShortHelp()
	var always []key.Binding
	switch {
	case m.capturing() && !hasKey(own, "?"):
		always = append(always, k.HelpF1)
	case !hasKey(own, "?"):
		always = append(always, k.Help)
	}
	switch {
	case len(m.stack) == 1 && !m.capturing():
		always = append(always, k.Quit)
	case !hasKey(own, "esc"):
		always = append(always, k.Back)
	}
	// On a narrow terminal the screen's last keys give way, never the
	// help and back keys: with those the user can always find the rest.
	h := m.help
	h.SetWidth(0)
	for n := len(own); ; n-- {
		line := h.ShortHelpView(append(own[:n:n], always...))
		if n == 0 || ansi.StringWidth(line) <= c.Width {
			return line
		}
	}
}

func (m Model) fullHelp() string {
	c := m.common
	groups := append([][]key.Binding{}, m.top().FullHelp()...)
	groups = append(groups, c.Keys.globalHelp(len(m.stack) == 1))
	title := c.Styles.Title.Render("All keys on "+m.top().Title()) +
		c.Styles.Subtle.Render("  (? or esc to close)")
	return title + "\n\n" + m.helpColumns(groups)
}

// helpColumns lays the key groups out side by side as far as the width
// goes, then starts a new row of columns: the help cuts a column that does
// not fit, and a key nobody can see is a key nobody finds.
func (m Model) helpColumns(groups [][]key.Binding) string {
	h := m.help
	h.SetWidth(0)
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		wider := append(row[:len(row):len(row)], g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(wider)) > m.common.Width {
			rows = append(rows, h.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	rows = append(rows, h.FullHelpView(row))
	return strings.Join(rows, "\n\n")
}

// dayName is the short English day name, for the header.
func dayName(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Weekday().String()[:3]
}

// hasKey reports whether a binding already answers the key, so the footer
// does not offer it twice.
func hasKey(bindings []key.Binding, k string) bool {
	for _, b := range bindings {
		if slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}
