package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The privacy screen (issue 7 part 6): on a key, or when nobody has
// pressed one for a while, every name and detail goes behind a plain
// screen until a key is pressed. Offices are shared and screens are
// overlooked; a laptop left open at a parents' meeting shows nothing.

// DefaultIdleAfter is how long the app waits without a key before it
// hides everything.
const DefaultIdleAfter = 5 * time.Minute

// idleCheckEvery is how often the idle time is looked at: the screen hides
// at most this long after the idle time has passed.
const idleCheckEvery = 10 * time.Second

// hiddenText is all the privacy screen shows.
const hiddenText = "Hidden for privacy — press any key"

// idleCheckMsg is the idle timer's tick, carrying the time it fired.
type idleCheckMsg struct{ at time.Time }

// privacy is the root's idle clock and whether the screen is hidden.
type privacy struct {
	hidden    bool
	idleAfter time.Duration // 0 or less: never hide by itself
	lastKey   time.Time
	now       func() time.Time
}

func newPrivacy(opts Options) privacy {
	p := privacy{idleAfter: opts.IdleAfter, now: opts.Now}
	if p.idleAfter == 0 {
		p.idleAfter = DefaultIdleAfter
	}
	if p.now == nil {
		p.now = time.Now
	}
	p.lastKey = p.now()
	return p
}

// tick waits for the next idle check; nil when hiding by itself is off.
func (p *privacy) tick() tea.Cmd {
	if p.idleAfter <= 0 {
		return nil
	}
	return tea.Tick(idleCheckEvery, func(t time.Time) tea.Msg { return idleCheckMsg{t} })
}

// check hides the screen when the idle time has passed, and waits for the
// next check. Wall-clock times are compared (Round(0) drops the monotonic
// reading), so a laptop woken from sleep after an hour hides at once:
// the monotonic clock does not count the hour asleep.
func (p *privacy) check(at time.Time) tea.Cmd {
	if p.idleAfter > 0 && at.Round(0).Sub(p.lastKey.Round(0)) >= p.idleAfter {
		p.hidden = true
	}
	return p.tick()
}

// pressed notes a key; it reports whether the key only woke the screen,
// in which case it must do nothing else.
func (p *privacy) pressed() (wokeOnly bool) {
	p.lastKey = p.now()
	if p.hidden {
		p.hidden = false
		return true
	}
	return false
}

// hiddenView is the privacy screen: the words in the middle and nothing
// else, not even the breadcrumbs (a pupil's name is one) or the status.
func hiddenView(st *Styles, width, height int) string {
	text := hiddenText
	if ansi.StringWidth(text) > width {
		text = ansi.Truncate(text, width, "")
	}
	pad := max((width-ansi.StringWidth(text))/2, 0)
	lines := make([]string, height)
	lines[max(height/2-1, 0)] = strings.Repeat(" ", pad) + st.Subtle.Render(text)
	return strings.Join(lines, "\n")
}
