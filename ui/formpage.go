package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// formKeyMap is the Form screen's own keys; the rest are the form's.
type formKeyMap struct {
	Cancel key.Binding
}

func defaultFormKeyMap() formKeyMap {
	return formKeyMap{Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks first)"))}
}

// formFinishedMsg tells the screen under the form, once the form has gone,
// how it ended: completed, or kept as a draft, or unsaved.
type formFinishedMsg struct{ completed bool }

func finished(completed bool) tea.Cmd {
	return func() tea.Msg { return formFinishedMsg{completed} }
}

// wholeOnly is a draft that cannot be kept as a draft: a review or a
// change to the case's status is recorded whole or not at all.
type wholeOnly interface{ wholeOnly() }

// signer is a protocol form with lines to sign: a signature's date cannot
// be in the future.
type signer interface{ futureSignatures(on model.Date) error }

// rebuilder is a draft that is not a protocol template (a review, a
// change to the case's status) and builds its form again over the answers
// given, so a refused save can be corrected.
type rebuilder interface{ rebuild() *huh.Form }

type formSavedMsg struct {
	title   string
	part    bool
	missing int // fields still to fill, when it was kept as a draft on finishing
	err     error
}

// formPage fills one protocol form (or records a review) for a case with
// the huh form embedded. When the last group is submitted the answers are
// checked, written into the case and saved; esc asks before losing them.
type formPage struct {
	c       *Common
	keys    formKeyMap
	cs      model.Case
	version int
	draft   FormDraft
	title   string
	note    string // says when this is a resumed or a new version of a form
	form    *embeddedForm
	saving  bool
	width   int
	height  int
}

func newFormPage(c *Common, cs model.Case, version int, draft FormDraft, title string) *formPage {
	p := &formPage{c: c, keys: defaultFormKeyMap(), cs: cs, version: version, draft: draft,
		title: sanitise(title), width: c.Width, height: c.BodyHeight()}
	_, whole := draft.(wholeOnly)
	p.form = newEmbeddedForm(draft.Form(), c.Styles, p.width, p.formHeight(), !whole)
	return p
}

func (p *formPage) formHeight() int { return max(p.height-1, 3) }

func (p *formPage) Title() string   { return p.title }
func (p *formPage) Capturing() bool { return true }
func (p *formPage) Asking() bool    { return true }
func (p *formPage) Init() tea.Cmd   { return p.form.init() }
func (p *formPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.form.setSize(w, p.formHeight())
}

func (p *formPage) ShortHelp() []key.Binding {
	return append(p.form.keys(), p.keys.Cancel)
}

func (p *formPage) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.form.keys(), {p.keys.Cancel}}
}

func (p *formPage) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case formSavedMsg:
		return p.saved(m)
	case failedMsg:
		// A save that stopped on an internal error (guard.go) says so
		// here too, and the form can be tried again.
		if p.saving {
			return p.saved(formSavedMsg{title: p.title, err: fmt.Errorf("an internal error stopped it (%v)", m.what)})
		}
		return nil
	}
	if p.saving {
		return nil
	}
	out, cmd := p.form.update(msg)
	switch out {
	case formDone:
		return tea.Batch(cmd, p.complete())
	case formDiscard:
		return tea.Sequence(back("Form closed; nothing was saved."), finished(false))
	case formKeepPart:
		return p.save(p.draft.Record(model.Date{}), true, 0)
	}
	return cmd
}

// complete checks the answers as a whole; a form with everything it needs
// writes the case data it holds into the case and is saved completed, on
// its own date; one with fields still to fill is kept as a draft, which
// the Forms tab lists them for.
func (p *formPage) complete() tea.Cmd {
	if err := p.draft.Validate(); err != nil {
		return p.reopen(err.Error())
	}
	if s, ok := p.draft.(signer); ok {
		if err := s.futureSignatures(p.c.On); err != nil {
			return p.reopen(err.Error())
		}
	}
	f, ok := p.draft.(finisher)
	if !ok {
		return p.save(p.draft.Record(p.c.On), false, 0)
	}
	rec, missing := f.Finish(p.c.On)
	return p.save(rec, len(missing) > 0, len(missing))
}

// reopen builds the form again with the answers given so far (huh cannot
// go back from completed), so a refused answer can be corrected; the
// problem shows under it.
func (p *formPage) reopen(problem string) tea.Cmd {
	if d, ok := p.draft.(rebuilder); ok {
		p.form = newEmbeddedForm(d.rebuild(), p.c.Styles, p.width, p.formHeight(), false)
		p.form.touched = true
		p.form.refuse(problem)
		return p.form.init()
	}
	rec := p.draft.Record(model.Date{})
	t := p.template()
	if t == nil {
		p.form.refuse(problem)
		return nil
	}
	p.draft = t.Edit(p.cs, p.c.School, &rec, p.c.Accessible)
	p.form = newEmbeddedForm(p.draft.Form(), p.c.Styles, p.width, p.formHeight(), true)
	p.form.touched = true
	p.form.refuse(problem)
	return p.form.init()
}

func (p *formPage) template() FormTemplate {
	rec := p.draft.Record(model.Date{})
	if p.c.Forms == nil || rec.Template == "" {
		return nil
	}
	for _, t := range p.c.Forms.ForCase(p.cs, p.c.School.Packs) {
		if t.ID() == rec.Template {
			return t
		}
	}
	return nil
}

func (p *formPage) save(rec model.FormRecord, part bool, missing int) tea.Cmd {
	cs := p.cs
	cs.Forms = append([]model.FormRecord(nil), cs.Forms...)
	if !part {
		if err := p.draft.Apply(&cs); err != nil {
			return p.reopen(err.Error())
		}
		// Whatever form wrote them, dates of things that happened (signed,
		// held, sent, closed) cannot be in the future.
		if future := model.NewFutureDates(p.cs, cs, p.c.On); len(future) > 0 {
			return p.reopen(future[0].Message(p.c.On))
		}
	}
	if rec.Template != "" {
		putForm(&cs, rec)
	}
	p.saving = true
	store, ctx, version, title := p.c.Store, p.c.ctx, p.version, p.title
	return func() tea.Msg {
		_, err := store.SaveCase(ctx, cs, version)
		return formSavedMsg{title: title, part: part, missing: missing, err: err}
	}
}

func (p *formPage) saved(msg formSavedMsg) tea.Cmd {
	p.saving = false
	switch {
	case errors.Is(msg.err, ErrConflict):
		p.form.refuse("Not saved: this case was changed elsewhere. Reload it and fill the form again.")
		return nil
	case msg.err != nil:
		p.form.refuse("Not saved: " + msg.err.Error())
		return nil
	case msg.part && msg.missing > 0:
		return tea.Sequence(back(fmt.Sprintf("Kept as a draft: %s still to fill, listed on the Forms tab.",
			plural(msg.missing, "field", "fields"))), finished(false))
	case msg.part:
		return tea.Sequence(back(fmt.Sprintf("%s kept as a draft.", msg.title)), finished(false))
	}
	done := fmt.Sprintf("%s saved.", msg.title)
	if d, ok := p.draft.(interface{ doneMessage() string }); ok {
		done = d.doneMessage()
	}
	return tea.Sequence(back(done), finished(true))
}

func (p *formPage) View() string {
	st := p.c.Styles
	who := p.c.Name(p.cs.Pupil)
	if p.note != "" {
		who += " · " + p.note
	}
	// The form's title is in the breadcrumbs too: on a narrow terminal it
	// gives way to the pupil and the note, which are said nowhere else.
	head := st.Title.Render(p.title) + st.Subtle.Render(" · "+who)
	if ansi.StringWidth(head) > p.width {
		head = st.Subtle.Render(who)
	}
	if p.saving {
		head += st.Subtle.Render(" · saving…")
	}
	return cell(head, p.width) + "\n" + p.form.view(st)
}
