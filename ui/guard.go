package ui

import (
	"fmt"
	"reflect"

	tea "charm.land/bubbletea/v2"
)

// A bug that panics in a command (building a report, printing a PDF,
// saving) or in a screen's Update must not take the app down: Bubble Tea
// would end the program and print a stack trace over the terminal. The
// root guards every command it hands the runtime and its own Update; a
// panic becomes an error on the status line and the app carries on.

// failedMsg reports a panic caught in a command or an update.
type failedMsg struct{ what any }

// failure says what failed, in the status line's words: the screen it
// happened on first, so a narrow terminal cuts the technical part.
func failure(screen string, r any) statusMsg {
	return statusMsg{err: true, text: fmt.Sprintf(
		"%s: that stopped on an internal error; the app carries on. Please report: %v", screen, r)}
}

// guard runs cmd with panics caught. The commands a batch or a sequence
// holds are guarded in turn when the runtime is handed them.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = failedMsg{r}
			}
		}()
		return guardInner(cmd())
	}
}

// guardInner guards the commands of a tea.BatchMsg or of Bubble Tea's own
// sequence message (an unexported []tea.Cmd, so by reflection, keeping its
// type for the runtime to recognise).
func guardInner(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(guard(c)))
	}
	return out.Interface()
}
