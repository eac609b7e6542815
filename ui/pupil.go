package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"reintegrate/model"
)

// pupilSavedMsg is the answer to a pupil save.
type pupilSavedMsg struct {
	pupil model.Pupil
	err   error
}

// pupilPage adds a pupil, or edits one from the case page or the Cases
// list: name, preferred name, date of birth, UPN, year group, flags and
// free school meals, checked as the pupils import checks them. The save is
// audited by storage; what changed is said when it is done.
type pupilPage struct {
	c       *Common
	before  model.Pupil // as loaded; ID 0 when adding
	answers *pupilAnswers
	form    *embeddedForm
	loaded  bool
	saving  bool
	ask     error // a pupil who looks the same is on roll: save all the same?
	pending model.Pupil
	err     error
	width   int
	height  int
}

func newPupilPage(c *Common, p model.Pupil) *pupilPage {
	return &pupilPage{c: c, before: p, width: c.Width, height: c.BodyHeight()}
}

func (p *pupilPage) Title() string {
	if p.before.ID == 0 {
		return "Add a pupil"
	}
	return "Pupil: " + p.c.Name(p.before)
}

func (p *pupilPage) Capturing() bool { return true }
func (p *pupilPage) Init() tea.Cmd   { return loadPupils(p.c) }

func (p *pupilPage) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.form != nil {
		p.form.setSize(w, max(h-1, 3))
	}
}

func (p *pupilPage) ShortHelp() []key.Binding {
	switch {
	case p.ask != nil:
		return []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "save all the same")),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "back to the answers"))}
	case p.form != nil:
		return append(p.form.keys(), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks first)")))
	}
	return []key.Binding{p.c.Keys.Back}
}

func (p *pupilPage) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

func (p *pupilPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pupilsLoadedMsg:
		return p.start(msg)
	case pupilSavedMsg:
		return p.saved(msg)
	}
	switch {
	case p.saving:
		return nil
	case p.ask != nil:
		return p.answer(msg)
	case p.form == nil:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.c.Keys.Back) {
			return back("")
		}
		return nil
	}
	out, cmd := p.form.update(msg)
	p.answers.noteBirth()
	switch out {
	case formDiscard:
		return back("Pupil not changed.")
	case formDone:
		pupil, err := p.answers.pupil(p.before)
		if err != nil {
			return p.backToAnswers(err.Error())
		}
		p.saving, p.pending = true, pupil
		return tea.Batch(cmd, savePupil(p.c, pupil))
	}
	return cmd
}

// start opens the form once the roll is known (for the UPN check).
func (p *pupilPage) start(msg pupilsLoadedMsg) tea.Cmd {
	if msg.err != nil {
		p.err = msg.err
		return nil
	}
	p.loaded = true
	p.answers = newPupilAnswers(p.before, msg.pupils, p.c.On)
	return p.backToAnswers("")
}

// backToAnswers (re)opens the form over the answers as typed, with the
// reason the last try was not saved under it.
func (p *pupilPage) backToAnswers(problem string) tea.Cmd {
	p.form = newEmbeddedForm(huh.NewForm(p.answers.groups()...), p.c.Styles, p.width, max(p.height-1, 3), false)
	if problem != "" {
		p.form.refuse(problem)
	}
	return p.form.init()
}

func savePupil(c *Common, pupil model.Pupil, opts ...SaveOption) tea.Cmd {
	store, ctx := c.Store, c.ctx
	return func() tea.Msg {
		err := store.SavePupil(ctx, &pupil, opts...)
		return pupilSavedMsg{pupil: pupil, err: err}
	}
}

func (p *pupilPage) saved(msg pupilSavedMsg) tea.Cmd {
	p.saving = false
	switch {
	case errors.Is(msg.err, ErrLookalike):
		p.ask = msg.err
		return nil
	case msg.err != nil:
		return p.backToAnswers(msg.err.Error())
	}
	return back(savedText(p.before, msg.pupil, p.c.On))
}

// savedText says what the save changed, field by field, and what to check.
func savedText(before, after model.Pupil, on model.Date) string {
	var parts []string
	if before.ID == 0 {
		parts = append(parts, fmt.Sprintf("Added %s, born %s, %s.", sanitise(after.Name), after.DateOfBirth.UK(), after.YearGroup))
	} else if changes := model.PupilChanges(0, before, after); len(changes) == 0 {
		parts = append(parts, "Nothing changed.")
	} else {
		items := make([]string, len(changes))
		for i, ch := range changes {
			items[i] = fmt.Sprintf("%s %s -> %s", ch.Field, orBlank(sanitise(ch.Old)), orBlank(sanitise(ch.New)))
		}
		parts = append(parts, fmt.Sprintf("Saved %s: %s.", sanitise(after.Name), strings.Join(items, "; ")))
	}
	if note := yearNote(after, on); note != "" {
		parts = append(parts, "Check: year group "+note+".")
	}
	return strings.Join(parts, " ")
}

func orBlank(s string) string {
	if s == "" {
		return "(blank)"
	}
	return s
}

func (p *pupilPage) answer(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "y":
		p.ask, p.saving = nil, true
		return savePupil(p.c, p.pending, AllowLookalike)
	case "n", "esc":
		p.ask = nil
		return p.backToAnswers("Not saved: the pupil on roll may be this child. Change the name or date of birth, or esc to leave.")
	}
	return nil
}

func (p *pupilPage) View() string {
	st := p.c.Styles
	title := st.Title.Render(p.Title())
	switch {
	case p.saving:
		return title + "\n" + st.Subtle.Render("Saving…")
	case p.ask != nil:
		return title + "\n\n" + wrapText(st.Error, sanitise(p.ask.Error()), p.width) + "\n\n" +
			st.Prompt.Render("Save a second pupil all the same? y save · n back to the answers")
	case p.err != nil:
		return title + "\n" + wrapText(st.Error, sanitise(p.err.Error()), p.width)
	case p.form == nil:
		return title + "\n" + st.Subtle.Render("Loading pupils…")
	}
	return cell(title, p.width) + "\n" + p.form.view(st)
}
