package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// listView is a screen's body as lines, some of which can be chosen with
// the cursor (a pupil, a duty, a form). It scrolls to keep the cursor
// line in view. Lines carry their own two-cell gutter, where the cursor
// marker goes, so the chosen line is marked by a sign and not only by
// reverse video.
type listView struct {
	lines []string
	// lazy are lines laid out only when first shown: a school with 2,000
	// pupils on plans has thousands of rows, and a frame shows forty.
	lazy   map[int]func() string
	items  []int // the line index of each choosable item
	ids    []int64
	cursor int
	top    int
}

// add appends a line that cannot be chosen.
func (l *listView) add(s string) { l.lines = append(l.lines, "  "+s) }

// addItem appends a line that can be chosen and what it stands for.
func (l *listView) addItem(s string, id int64) {
	l.items = append(l.items, len(l.lines))
	l.ids = append(l.ids, id)
	l.lines = append(l.lines, "  "+s)
}

// addItemLazy appends a choosable line that is laid out by row only when
// it first comes into view.
func (l *listView) addItemLazy(row func() string, id int64) {
	if l.lazy == nil {
		l.lazy = map[int]func() string{}
	}
	l.lazy[len(l.lines)] = row
	l.addItem("", id)
}

// addWrapped appends prose, wrapped to the width, that cannot be chosen.
func (l *listView) addWrapped(st lipgloss.Style, s string, width int) {
	for _, line := range strings.Split(ansi.Wordwrap(s, max(width-4, 20), ""), "\n") {
		l.add(st.Render(line))
	}
}

// addIndented appends prose that cannot be chosen, indented and wrapped
// under itself.
func (l *listView) addIndented(st lipgloss.Style, indent int, s string, width int) {
	pad := strings.Repeat(" ", indent)
	for _, line := range strings.Split(ansi.Wrap(s, max(width-2-indent, 20), ""), "\n") {
		l.add(pad + st.Render(line))
	}
}

// addItemWrapped appends a choosable item that may run over several lines;
// the lines after the first are indented under it.
func (l *listView) addItemWrapped(s string, id int64, width int) {
	// Wrap for the indented lines (gutter 2 + indent 8) so none runs over.
	lines := strings.Split(ansi.Wrap(s, max(width-10, 20), ""), "\n")
	l.addItem(lines[0], id)
	for _, line := range lines[1:] {
		l.add("        " + line)
	}
}

// addLabelled appends "Label     text", the text wrapped under itself.
func (l *listView) addLabelled(st *Styles, name, text string, width int) {
	indent := strings.Repeat(" ", 11)
	lines := strings.Split(ansi.Wordwrap(text, max(width-2-11, 20), ""), "\n")
	for i, line := range lines {
		if i == 0 {
			l.add(label(st, name) + line)
		} else {
			l.add(indent + line)
		}
	}
}

// reset empties the list but keeps the cursor where it was, so a reload
// does not throw the user back to the top.
func (l *listView) reset() {
	l.lines, l.items, l.ids = l.lines[:0], l.items[:0], l.ids[:0]
	clear(l.lazy)
}

// chosen is the id of the item under the cursor.
func (l *listView) chosen() (int64, bool) {
	if len(l.items) == 0 {
		return 0, false
	}
	return l.ids[clamp(l.cursor, len(l.ids))], true
}

// move handles the cursor keys; it reports whether the key was one.
// A list with nothing to choose scrolls instead, so a long overview can
// still be read on a small terminal.
func (l *listView) move(msg tea.KeyPressMsg, k GlobalKeyMap, height int) bool {
	var ok bool
	if len(l.items) == 0 {
		l.top, ok = moveCursor(msg, k, l.top, len(l.lines), height)
		return ok
	}
	l.cursor, ok = moveCursor(msg, k, l.cursor, len(l.items), height)
	return ok
}

// render shows height lines of the list, width cells wide.
func (l *listView) render(st *Styles, width, height int) string {
	sel := -1
	if len(l.items) > 0 {
		l.cursor = clamp(l.cursor, len(l.items))
		sel = l.items[l.cursor]
		l.top = window(l.top, sel, height, len(l.lines))
		// Show the lines that belong to the chosen item (those down to the
		// next item: a draft's fields still to fill) as far as they fit.
		if last := l.blockEnd(l.cursor) - 1; last >= l.top+height {
			l.top = min(sel, last-height+1)
		}
		// Show the heading above the first item when there is room.
		if l.cursor == 0 && sel < height && l.blockEnd(0) <= height {
			l.top = 0
		}
	} else {
		l.top = max(0, min(l.top, len(l.lines)-height))
	}
	end := min(len(l.lines), l.top+height)
	out := make([]string, 0, height)
	for i := l.top; i < end; i++ {
		if row, ok := l.lazy[i]; ok {
			l.lines[i] = "  " + row()
			delete(l.lazy, i)
		}
		line := l.lines[i]
		if i == sel {
			line = markSelected(st, line, width)
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// blockEnd is the line after item i's own lines: the next item's line,
// or the end of the list for the last item (its lines and what follows).
func (l *listView) blockEnd(i int) int {
	if i+1 < len(l.items) {
		return l.items[i+1]
	}
	return len(l.lines)
}

// markSelected shows a line (with its two-cell gutter) as the one under the
// cursor: a "›" in the gutter and the selection style across the width.
func markSelected(st *Styles, line string, width int) string {
	plain := "›" + strings.TrimPrefix(ansi.Strip(line), " ")
	return st.Selected.Render(cell(plain, width))
}

// moveCursor applies the cursor keys to a cursor over n rows; ok is false
// when the key is not a cursor key.
func moveCursor(msg tea.KeyPressMsg, k GlobalKeyMap, cursor, n, height int) (int, bool) {
	page := max(height-2, 1)
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.PageUp):
		cursor -= page
	case key.Matches(msg, k.PageDn):
		cursor += page
	case key.Matches(msg, k.First):
		cursor = 0
	case key.Matches(msg, k.Last):
		cursor = n - 1
	default:
		return cursor, false
	}
	return clamp(cursor, n), true
}

// newTextInput is a text box with a steady cursor: a blinking one helps
// no one here and keeps a timer running while the app sits idle.
func newTextInput(st *Styles) textinput.Model {
	in := textinput.New()
	styles := textinput.DefaultStyles(st.IsDark)
	styles.Cursor.Blink = false
	in.SetStyles(styles)
	return in
}
