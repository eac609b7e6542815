package ui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// formOutcome is where an embedded form has got to.
type formOutcome int

const (
	formRunning  formOutcome = iota
	formDone                 // every field answered and the last group submitted
	formDiscard              // the user chose to lose the answers
	formKeepPart             // the user chose to keep the answers as a draft
)

// embeddedForm runs a huh form inside a screen. It forwards every message
// to the form (huh needs sizes, colours, blinks and its own messages, not
// only keys) and stands between esc and the loss of typed answers.
type embeddedForm struct {
	form       *huh.Form
	touched    bool // a key has gone to the form since it opened
	confirming bool // asked: discard the answers?
	allowPart  bool // the answers may be kept as a draft
	// problem is a refusal from outside the form's fields: the check of
	// the answers as a whole, or the save. It shows with the fields' own.
	problem string
	// width and height are the room the form and its message lines share;
	// room is the part of it the message lines have now.
	width, height, room int
}

// errorRoom is the room kept under the form for a message: a blank line
// and one line of text. A longer message takes more from the form, so
// that it is always shown whole, wrapped at words.
const errorRoom = 2

func newEmbeddedForm(f *huh.Form, st *Styles, width, height int, allowPart bool) *embeddedForm {
	// The fields' errors are shown by message(), wrapped at words and whole:
	// huh puts them in a footer its group's height has no room for.
	f.WithShowHelp(false).WithShowErrors(false).WithWidth(width).WithHeight(max(height-errorRoom, 1))
	// A form opened after the terminal answered has not seen the
	// background colour; tell it what the app already knows.
	bg := color.Color(color.White)
	if st.IsDark {
		bg = color.Black
	}
	m, _ := f.Update(tea.BackgroundColorMsg{Color: bg})
	return &embeddedForm{form: m.(*huh.Form), allowPart: allowPart, width: width, height: height, room: errorRoom}
}

func (e *embeddedForm) init() tea.Cmd { return e.form.Init() }

func (e *embeddedForm) setSize(width, height int) {
	e.width, e.height = width, height
	e.form = e.form.WithWidth(width).WithHeight(max(height-e.room, 1))
	e.fitMessage()
}

// refuse shows a refusal from outside the fields until the next key.
func (e *embeddedForm) refuse(problem string) {
	e.problem = problem
	e.fitMessage()
}

// message is what the lines under the form say: the question before
// answers are lost, else what was refused and why.
func (e *embeddedForm) message() (string, bool) {
	if e.confirming {
		a := defaultLeaveKeys()
		answer := func(b key.Binding) string { return " · " + b.Help().Key + " " + b.Help().Desc }
		q := "Leave and lose your answers?" + strings.TrimPrefix(answer(a.Leave), " ·")
		if e.allowPart {
			q += answer(a.Keep)
		}
		return q + answer(a.Stay), false
	}
	var parts []string
	if e.problem != "" {
		parts = append(parts, sanitise(e.problem))
	}
	for _, err := range e.form.Errors() {
		parts = append(parts, sanitise(err.Error()))
	}
	return strings.Join(parts, " "), true
}

// messageLines is the message wrapped at words to the width.
func (e *embeddedForm) messageLines() []string {
	text, _ := e.message()
	if text == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(text, max(e.width-2, 10), ""), "\n")
}

// fitMessage gives the message the lines it needs, taking them from the
// form's height (huh keeps the focused field in view).
func (e *embeddedForm) fitMessage() {
	room := max(errorRoom, 1+len(e.messageLines()))
	room = min(room, max(e.height-3, errorRoom)) // the form keeps three lines
	if room != e.room {
		e.room = room
		e.form = e.form.WithHeight(max(e.height-room, 1))
	}
}

// update sends the message to the form, unless esc or the discard
// question is in the way.
func (e *embeddedForm) update(msg tea.Msg) (formOutcome, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		e.problem = ""
		out, handled := e.key(msg)
		if handled {
			e.fitMessage()
			return out, nil
		}
		e.touched = true
	case tea.PasteMsg:
		e.touched = true // a pasted answer is as much work to lose as a typed one
	}
	m, cmd := e.form.Update(msg)
	e.form = m.(*huh.Form)
	e.fitMessage()
	switch e.form.State {
	case huh.StateCompleted:
		return formDone, cmd
	case huh.StateAborted:
		return formDiscard, cmd
	}
	return formRunning, cmd
}

// leaveKeys answer "leave and lose your answers?". Keep writes the
// answers so far as a draft, so it is a key no screen moves with.
type leaveKeys struct {
	Leave, Keep, Stay key.Binding
}

func defaultLeaveKeys() leaveKeys {
	return leaveKeys{
		Leave: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "leave")),
		Keep:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "keep as a draft")),
		Stay:  key.NewBinding(key.WithKeys("esc", "n"), key.WithHelp("esc", "stay")),
	}
}

func (e *embeddedForm) key(k tea.KeyPressMsg) (formOutcome, bool) {
	if e.confirming {
		a := defaultLeaveKeys()
		switch {
		case key.Matches(k, a.Leave):
			return formDiscard, true
		case key.Matches(k, a.Keep) && e.allowPart:
			return formKeepPart, true
		case key.Matches(k, a.Stay):
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

// view is the form as huh draws it, then the message lines: the form's
// height exactly, so the message sits in the same place each time.
func (e *embeddedForm) view(st *Styles) string {
	form := strings.Split(e.form.View(), "\n")
	h := max(e.height-e.room, 1)
	for len(form) < h {
		form = append(form, "")
	}
	lines := append(form[:h], "")
	_, isError := e.message()
	style, lead := st.Prompt, ""
	if isError {
		style, lead = st.Error, "* "
	}
	for _, l := range e.messageLines() {
		lines = append(lines, style.Render(lead+l))
		if isError {
			lead = "  "
		}
	}
	return strings.Join(lines, "\n")
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
