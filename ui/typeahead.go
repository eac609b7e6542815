package ui

import (
	"time"
)

// Keys typed ahead of a form or a question must not land on the screen
// behind it. Someone answering "y" and typing on into what they take to be
// a note field sends every following letter to whatever shows next: on a
// case page t opens the timetable and the letters after it edit it. So
// when a form or a question ends, the keys that follow are dropped for as
// long as they keep coming in a stream, each within typeAheadGap of the
// last; the first key after a pause is the user's next deliberate one,
// made once they have seen the new screen. The status line says how many
// were dropped, so nothing disappears without a word.

// DefaultTypeAheadGap is the pause that ends a stream of typed-ahead keys.
// Keys typed in a run come 50 to 300 ms apart; a person who has just seen
// the screen change takes longer than half a second to choose a key.
const DefaultTypeAheadGap = 500 * time.Millisecond

// asker is a screen that is asking something just now: a form, or a
// question with its own answer keys (a search box is not one: it asks
// nothing, and leaving it is no surprise).
type asker interface{ Asking() bool }

// typeAhead is the root's record of the last form or question to end.
type typeAhead struct {
	gap     time.Duration // 0 or less: off
	now     func() time.Time
	armed   bool
	last    time.Time // when the question ended, then each key dropped since
	dropped int
	said    string // the status line before the first key was dropped
}

func newTypeAhead(opts Options) *typeAhead {
	t := &typeAhead{gap: opts.TypeAheadGap, now: opts.Now}
	if t.gap == 0 {
		t.gap = DefaultTypeAheadGap
	}
	if t.now == nil {
		t.now = time.Now
	}
	return t
}

// ended notes that a form or a question has just closed.
func (t *typeAhead) ended() {
	if t.gap > 0 {
		t.armed, t.last, t.dropped = true, t.now(), 0
	}
}

// drop reports whether a key is one typed ahead, and counts it. The first
// key after a pause ends the watch and is kept.
func (t *typeAhead) drop() bool {
	if !t.armed {
		return false
	}
	at := t.now()
	if at.Sub(t.last) >= t.gap {
		t.armed = false
		return false
	}
	t.last = at
	t.dropped++
	return true
}

// note is the status line while keys are being dropped: what it said
// before, and how many keys went nowhere.
func (t *typeAhead) note(before statusMsg) statusMsg {
	if t.dropped == 1 {
		t.said = before.text
	}
	text := plural(t.dropped, "key", "keys") + " typed straight after the answer went nowhere: press again what was meant."
	if t.said != "" {
		text = t.said + " " + text
	}
	return statusMsg{text: text, err: before.err}
}

// asking reports whether the top screen is asking something.
func (m Model) asking() bool {
	a, ok := m.top().(asker)
	return ok && a.Asking()
}
