package ui

import (
	"fmt"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// faultyPage is a screen with bugs on purpose: x returns a command that
// panics, b a batch and s a sequence holding one, u panics in Update, v
// makes its View panic.
type faultyPage struct {
	viewPanics bool
	ran        *int // commands that ran after a panicking one
}

func (p *faultyPage) ShortHelp() []key.Binding  { return nil }
func (p *faultyPage) FullHelp() [][]key.Binding { return nil }
func (p *faultyPage) Init() tea.Cmd             { return nil }
func (p *faultyPage) SetSize(int, int)          {}
func (p *faultyPage) Title() string             { return "Reports" }

type faultyDoneMsg struct{}

func (p *faultyPage) Update(msg tea.Msg) tea.Cmd {
	boom := func() tea.Msg { panic("index out of range [65536] with length 65536") }
	fine := func() tea.Msg { return faultyDoneMsg{} }
	switch msg := msg.(type) {
	case faultyDoneMsg:
		*p.ran++
	case tea.KeyPressMsg:
		switch msg.String() {
		case "x":
			return boom
		case "b":
			return tea.Batch(fine, boom)
		case "s":
			return tea.Sequence(boom, fine)
		case "u":
			panic("update broke")
		case "v":
			p.viewPanics = true
		case "esc":
			return back("")
		}
	}
	return nil
}

func (p *faultyPage) View() string {
	if p.viewPanics {
		panic("view broke")
	}
	return "faulty screen"
}

// A panic in a command (building a report's PDF, say), in a batch or a
// sequence of them, in a screen's Update or in its View, does not end the
// app: the status line says what failed, and the app carries on. Before,
// Bubble Tea ended the program with a stack trace.
func TestPanicsAreCaught(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, size[0], size[1], false)
			ran := 0
			d.send(pushMsg{&faultyPage{ran: &ran}})
			d.keys("x")
			d.mustSee("Reports: that stopped on an internal error; the app carries on.")
			golden.RequireEqual(t, trimRight(d.view()))
			for _, k := range []string{"b", "s", "u"} {
				d.keys("c") // any key clears the status line
				d.mustNotSee("internal error")
				d.keys(k)
				d.mustSee("Reports: that stopped on an internal error")
			}
			if ran != 2 {
				t.Errorf("%d of the commands beside the panicking ones ran, want 2 (the batch's and the sequence's)", ran)
			}
			d.keys("v")
			d.mustSee("Reports: that stopped on an internal error", "view broke", "Press esc to go back.")
			d.keys("esc")
			d.mustSee("Today")
			if d.quit {
				t.Error("the app quit")
			}
		})
	}
}
