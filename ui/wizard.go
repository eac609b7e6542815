package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// wizardKeyMap is the New case screen's keys while picking a pupil.
type wizardKeyMap struct {
	Pick   key.Binding
	Cancel key.Binding
}

func defaultWizardKeyMap() wizardKeyMap {
	return wizardKeyMap{
		Pick:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search / back")),
	}
}

type (
	pupilsLoadedMsg struct {
		pupils []model.Pupil
		err    error
	}
	caseCreatedMsg struct {
		id    int64
		forms []string
		err   error
	}
	// newCaseSave is a new case to save, with its new pupil if there is one.
	newCaseSave struct {
		cs    model.Case
		pupil model.Pupil
		isNew bool
		forms []string
	}
)

// wizard opens a new case: pick the pupil (or add one), then the plan's
// kind, reasons, dates and the forms to fill first.
type wizard struct {
	c       *Common
	keys    wizardKeyMap
	search  textinput.Model
	pupils  []model.Pupil
	names   foldedNames
	shown   []int // -1 is "add a new pupil"
	cursor  int
	top     int
	loaded  bool
	err     error
	details *caseDetails // set once a pupil is chosen
	form    *embeddedForm
	saving  bool
	ask     error        // a pupil who looks the same is on roll: add this one all the same?
	pending *newCaseSave // what to save if the answer is yes
	width   int
	height  int
}

func newWizard(c *Common) *wizard {
	in := newTextInput(c.Styles)
	in.Prompt = "Pupil: "
	in.Placeholder = "type a name, or choose Add a new pupil"
	in.Focus()
	return &wizard{c: c, keys: defaultWizardKeyMap(), search: in, width: c.Width, height: c.BodyHeight()}
}

func (w *wizard) Title() string   { return "New case" }
func (w *wizard) Capturing() bool { return true }
func (w *wizard) Asking() bool    { return w.form != nil }
func (w *wizard) Init() tea.Cmd   { return loadPupils(w.c) }
func (w *wizard) SetSize(width, height int) {
	w.width, w.height = width, height
	w.search.SetWidth(max(width-10, 10))
	if w.form != nil {
		w.form.setSize(width, max(height-1, 3))
	}
}

func (w *wizard) ShortHelp() []key.Binding {
	if w.form != nil {
		return append(w.form.keys(), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks first)")))
	}
	return []key.Binding{w.keys.Pick, w.keys.Cancel}
}

func (w *wizard) FullHelp() [][]key.Binding {
	return [][]key.Binding{w.ShortHelp(), {w.c.Keys.Up, w.c.Keys.Down}}
}

func loadPupils(c *Common) tea.Cmd {
	store, ctx := c.Store, c.ctx
	return func() tea.Msg {
		ps, err := store.Pupils(ctx)
		if err != nil {
			err = fmt.Errorf("load pupils: %w", err)
		}
		return pupilsLoadedMsg{pupils: ps, err: err}
	}
}

func (w *wizard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pupilsLoadedMsg:
		w.pupils, w.err, w.loaded = msg.pupils, msg.err, true
		w.names = foldNames(w.pupils, func(p model.Pupil) string { return p.Name })
		w.refilter()
		return nil
	case caseCreatedMsg:
		return w.created(msg)
	}
	if w.saving {
		return nil
	}
	if w.ask != nil {
		return w.answerLookalike(msg)
	}
	if w.form != nil {
		return w.updateForm(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return w.pickKey(k)
	}
	before := w.search.Value()
	var cmd tea.Cmd
	w.search, cmd = w.search.Update(msg)
	if w.search.Value() != before { // a paste
		w.refilter()
	}
	return cmd
}

func (w *wizard) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.Text == "" {
		if c, ok := moveCursor(msg, w.c.Keys, w.cursor, len(w.shown), w.height-2); ok {
			w.cursor = c
			return nil
		}
	}
	switch {
	case msg.String() == "?":
		return func() tea.Msg { return showHelpMsg{} }
	case key.Matches(msg, w.keys.Cancel):
		if w.search.Value() == "" {
			return back("")
		}
		w.search.SetValue("")
		w.refilter()
		return nil
	case key.Matches(msg, w.keys.Pick) && len(w.shown) > 0:
		return w.choose(w.shown[w.cursor])
	}
	before := w.search.Value()
	var cmd tea.Cmd
	w.search, cmd = w.search.Update(msg)
	if w.search.Value() != before {
		w.refilter()
	}
	return cmd
}

func (w *wizard) refilter() {
	w.shown = append(w.shown[:0], -1)
	w.shown = append(w.shown, search(w.search.Value(), w.names)...)
	w.cursor = 0
	if len(w.shown) > 1 && strings.TrimSpace(w.search.Value()) != "" {
		w.cursor = 1 // the best match, not "add a new pupil"
	}
}

// choose moves on to the plan's details for the pupil (i = -1: a new one).
func (w *wizard) choose(i int) tea.Cmd {
	var p *model.Pupil
	if i >= 0 {
		p = &w.pupils[i]
	}
	w.details = newCaseDetails(w.c, p, w.search.Value(), w.pupils)
	w.form = newEmbeddedForm(w.details.form, w.c.Styles, w.width, max(w.height-1, 3), false)
	return w.form.init()
}

func (w *wizard) updateForm(msg tea.Msg) tea.Cmd {
	out, cmd := w.form.update(msg)
	w.details.noteBirth()
	switch out {
	case formDiscard:
		w.form, w.details = nil, nil
		return nil
	case formDone:
		cs, pupil, isNew, err := w.details.build(w.c)
		if err != nil {
			return w.backToAnswers(err.Error())
		}
		w.saving, w.pending = true, &newCaseSave{cs, pupil, isNew, w.details.forms}
		return tea.Batch(cmd, createCase(w.c, *w.pending))
	}
	return cmd
}

// backToAnswers shows why the case was not opened over the answers as
// typed, in a fresh form (a completed huh form cannot be taken up again).
func (w *wizard) backToAnswers(problem string) tea.Cmd {
	w.details.rebuild()
	w.form = newEmbeddedForm(w.details.form, w.c.Styles, w.width, max(w.height-1, 3), false)
	if problem != "" {
		w.form.refuse(problem)
	}
	return w.form.init()
}

// answerLookalike takes y (add the pupil all the same) or n and esc (back
// to the answers, to choose the pupil on roll instead).
func (w *wizard) answerLookalike(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "y":
		w.ask, w.saving = nil, true
		return createCase(w.c, *w.pending, AllowLookalike)
	case "n", "esc":
		w.ask = nil
		return w.backToAnswers("Not added: the pupil on roll may be this child. Esc and choose them, or change the name or date of birth.")
	}
	return nil
}

func createCase(c *Common, save newCaseSave, opts ...SaveOption) tea.Cmd {
	store, ctx := c.Store, c.ctx
	cs, pupil, isNew, forms := save.cs, save.pupil, save.isNew, save.forms
	return func() tea.Msg {
		if isNew {
			if err := store.SavePupil(ctx, &pupil, opts...); err != nil {
				return caseCreatedMsg{err: fmt.Errorf("add %s: %w", pupil.Name, err)}
			}
		}
		cs.Pupil = pupil
		if err := store.CreateCase(ctx, &cs); err != nil {
			return caseCreatedMsg{err: fmt.Errorf("open the case: %w", err)}
		}
		return caseCreatedMsg{id: cs.ID, forms: forms}
	}
}

// created swaps the wizard for the new case, on its Forms tab, with the
// first chosen form open.
func (w *wizard) created(msg caseCreatedMsg) tea.Cmd {
	w.saving = false
	switch {
	case msg.err != nil && errors.Is(msg.err, ErrLookalike):
		w.ask = msg.err
		return nil
	case msg.err != nil && w.details != nil:
		return w.backToAnswers(msg.err.Error())
	case msg.err != nil:
		w.err, w.form = msg.err, nil
		return nil
	}
	p := newCasePage(w.c, msg.id)
	p.tab = tabForms
	if len(msg.forms) > 0 {
		p.openOnLoad, p.queue = msg.forms[0], msg.forms[1:]
	}
	return tea.Sequence(back("Case opened as a draft."), push(p))
}

func (w *wizard) View() string {
	st := w.c.Styles
	if w.saving {
		return st.Subtle.Render("Opening the case…")
	}
	if w.ask != nil {
		return st.Title.Render(w.details.heading(w.c)) + "\n\n" + wrapText(st.Error, sanitise(w.ask.Error()), w.width) + "\n\n" +
			st.Prompt.Render("Add a second pupil all the same? y add · n back to the answers")
	}
	if w.form != nil {
		return cell(st.Title.Render(w.details.heading(w.c)), w.width) + "\n" + w.form.view(st)
	}
	head := st.Title.Render("Who is the plan for?") + "\n" + w.search.View()
	switch {
	case w.err != nil:
		head += "\n" + st.Error.Render(sanitise(w.err.Error()))
	case !w.loaded:
		return head + "\n" + st.Subtle.Render("Loading pupils…")
	}
	return head + "\n" + w.pupilRows(w.height-3)
}

func (w *wizard) pupilRows(height int) string {
	st := w.c.Styles
	rows := max(height, 1)
	w.cursor = clamp(w.cursor, len(w.shown))
	w.top = window(w.top, w.cursor, rows, len(w.shown))
	var lines []string
	for n := w.top; n < min(len(w.shown), w.top+rows); n++ {
		line := "  + Add a new pupil"
		if i := w.shown[n]; i >= 0 {
			p := w.pupils[i]
			born := "born " + dateOr(p.DateOfBirth, "not recorded")
			if w.c.HideNames {
				born = "date of birth hidden (ctrl+p)"
			}
			line = fmt.Sprintf("  %s %s · %s", cell(w.c.Name(p), 28), cell(string(p.YearGroup), 3), born)
		}
		if n == w.cursor {
			line = markSelected(st, line, w.width)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
