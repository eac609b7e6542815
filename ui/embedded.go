package ui

import (
	"image/color"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// formOutcome is where an embedded form has got to.
type formOutcome int

const (
	formRunning  formOutcome = iota
	formDone                 // every field answered and the last group submitted
	formDiscard              // the user chose to lose the answers
	formKeepPart             // the user chose to keep the answers as part-done
)

// embeddedForm runs a huh form inside a screen. It forwards every message
// to the form (huh needs sizes, colours, blinks and its own messages, not
// only keys) and stands between esc and the loss of typed answers.
type embeddedForm struct {
	form       *huh.Form
	touched    bool // a key has gone to the form since it opened
	confirming bool // asked: discard the answers?
	allowPart  bool // the answers may be kept as part-done
}

// errorRoom is what huh adds under a group of that height when a field
// is refused: a blank line and the message.
const errorRoom = 2

func newEmbeddedForm(f *huh.Form, st *Styles, width, height int, allowPart bool) *embeddedForm {
	f.WithShowHelp(false).WithWidth(width).WithHeight(max(height-errorRoom, 1))
	// A form opened after the terminal answered has not seen the
	// background colour; tell it what the app already knows.
	bg := color.Color(color.White)
	if st.IsDark {
		bg = color.Black
	}
	m, _ := f.Update(tea.BackgroundColorMsg{Color: bg})
	return &embeddedForm{form: m.(*huh.Form), allowPart: allowPart}
}

func (e *embeddedForm) init() tea.Cmd { return e.form.Init() }

func (e *embeddedForm) setSize(width, height int) {
	e.form = e.form.WithWidth(width).WithHeight(max(height-errorRoom, 1))
}

// update sends the message to the form, unless esc or the discard
// question is in the way.
func (e *embeddedForm) update(msg tea.Msg) (formOutcome, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if out, handled := e.key(msg); handled {
			return out, nil
		}
		e.touched = true
	case tea.PasteMsg:
		e.touched = true // a pasted answer is as much work to lose as a typed one
	}
	m, cmd := e.form.Update(msg)
	e.form = m.(*huh.Form)
	switch e.form.State {
	case huh.StateCompleted:
		return formDone, cmd
	case huh.StateAborted:
		return formDiscard, cmd
	}
	return formRunning, cmd
}

func (e *embeddedForm) key(k tea.KeyPressMsg) (formOutcome, bool) {
	if e.confirming {
		switch k.String() {
		case "y":
			return formDiscard, true
		case "s":
			if e.allowPart {
				return formKeepPart, true
			}
		case "esc", "n":
			e.confirming = false
		}
		return formRunning, true
	}
	if k.String() != "esc" {
		return formRunning, false
	}
	if !e.touched {
		return formDiscard, true
	}
	e.confirming = true
	return formRunning, true
}

// view is the form as huh draws it.
func (e *embeddedForm) view() string { return e.form.View() }

// question is the line that asks before answers are lost, when asking;
// the screen shows it in place of its heading so the form does not move.
func (e *embeddedForm) question(st *Styles, heading string) string {
	if !e.confirming {
		return heading
	}
	q := "Leave and lose your answers? y leave"
	if e.allowPart {
		q += " · s keep as part-done"
	}
	return st.Prompt.Render(q + " · esc stay")
}

// keys are the focused field's keys, for the footer.
func (e *embeddedForm) keys() []key.Binding {
	if e.confirming {
		return nil
	}
	var out []key.Binding
	for _, b := range e.form.KeyBinds() {
		if b.Enabled() && b.Help().Key != "" {
			out = append(out, b)
		}
	}
	return out
}
