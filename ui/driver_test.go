package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// driver runs the app without a terminal: it sends messages to Update,
// runs the commands that come back (dropping the slow ones, which are
// cursor blinks and timers) and feeds their messages in, until quiet.
type driver struct {
	t     testing.TB
	m     tea.Model
	store *fakeStore
	quit  bool
	// clock is the app's clock unless the test gave its own: each key
	// pressed moves it on by pace, a person's pace by default (a second),
	// so a key is never taken for one typed ahead of a closing form
	// unless a test types fast on purpose (typeFast).
	clock *fakeClock
	pace  time.Duration
}

// newDriver opens the app over the test data at the size given, with the
// rule engine pinned unless real is set.
func newDriver(t testing.TB, width, height int, real bool) *driver {
	t.Helper()
	// The idle timer is off: it would hold each command batch up for the
	// driver's wait. The privacy tests turn it on with newDriverWith.
	return newDriverWith(t, width, height, real, Options{IdleAfter: -1})
}

// newDriverWith is newDriver with options (a fake clock, an idle time);
// the form catalogue is always the fake one.
func newDriverWith(t testing.TB, width, height int, real bool, opts Options) *driver {
	t.Helper()
	store := newFakeStore(testSchool())
	seed(store)
	opts.Forms = fakeForms{}
	clock := &fakeClock{clockStart}
	if opts.Now == nil {
		opts.Now = clock.now
	}
	m := New(store, testSchool(), testOn, opts).(Model)
	if !real {
		m.common.check = pinnedCheck
		store.check = pinnedCheck
	}
	d := &driver{t: t, m: m, store: store, clock: clock, pace: time.Second}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// cmdWait is how long a command may take before it counts as a timer.
// The fake store answers in microseconds; blinks wait half a second.
const cmdWait = 100 * time.Millisecond

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

// run runs the commands at once, as the program would, and handles the
// messages of those that answer within cmdWait, in the order given.
func (d *driver) run(cmds ...tea.Cmd) {
	results := make([]chan tea.Msg, len(cmds))
	for i, cmd := range cmds {
		if cmd == nil {
			continue
		}
		results[i] = make(chan tea.Msg, 1)
		go func() { results[i] <- cmd() }()
	}
	deadline := time.After(cmdWait)
	expired := false
	for _, ch := range results {
		if ch == nil {
			continue
		}
		if !expired {
			select {
			case msg := <-ch:
				d.handle(msg)
				continue
			case <-deadline:
				expired = true
			}
		}
		select {
		case msg := <-ch:
			d.handle(msg)
		default:
		}
	}
}

// handle feeds a command's message back in, opening batches and sequences
// (a sequence's message is an unexported slice of commands).
func (d *driver) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case tea.QuitMsg:
		d.quit = true
		return
	case tea.BatchMsg:
		d.run(msg...)
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			d.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	d.send(msg)
}

// keys presses keys by name: "enter", "down", "ctrl+s"; anything else is
// typed as text, one key per character, or pasted in one go when the
// screen is taking text (a form, a search box), as a fast typist's
// keys arrive.
func (d *driver) keys(names ...string) *driver {
	d.t.Helper()
	for _, n := range names {
		if k, ok := namedKeys[n]; ok {
			d.press(tea.KeyPressMsg(k))
			continue
		}
		if len([]rune(n)) > 1 && d.root().capturing() {
			d.tick(d.pace)
			d.send(tea.PasteMsg{Content: n})
			continue
		}
		for _, r := range n {
			d.press(tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
		}
	}
	return d
}

// press sends one key, the clock moved on by the driver's pace first.
func (d *driver) press(k tea.KeyPressMsg) {
	d.t.Helper()
	d.tick(d.pace)
	d.send(k)
}

// tick moves the driver's clock on; a driver a test built by hand runs on
// the real clock, which moves by itself.
func (d *driver) tick(by time.Duration) {
	if d.clock != nil {
		d.clock.t = d.clock.after(by)
	}
}

// typeFast types each character as its own key, gap apart, as someone
// typing on without looking up does.
func (d *driver) typeFast(gap time.Duration, text string) *driver {
	d.t.Helper()
	for _, r := range text {
		d.tick(gap)
		key := tea.Key{Code: r, Text: string(r)}
		if r == ' ' {
			key = tea.Key{Code: tea.KeySpace, Text: " "}
		}
		d.send(tea.KeyPressMsg(key))
	}
	return d
}

var namedKeys = map[string]tea.Key{
	"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp},
	"down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
	"space": {Code: tea.KeySpace, Text: " "}, "backspace": {Code: tea.KeyBackspace},
	"delete": {Code: tea.KeyDelete}, "ctrl+s": {Code: 's', Mod: tea.ModCtrl},
	"ctrl+p": {Code: 'p', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+l": {Code: 'l', Mod: tea.ModCtrl}, "f12": {Code: tea.KeyF12}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	"ctrl+e": {Code: 'e', Mod: tea.ModCtrl},
	"pgdown": {Code: tea.KeyPgDown}, "pgup": {Code: tea.KeyPgUp},
}

// view is the screen as a person sees it: no styling.
func (d *driver) view() string {
	return ansi.Strip(d.m.View().Content)
}

// root is the app's root model.
func (d *driver) root() Model { return d.m.(Model) }

// mustSee fails unless every text is on the screen.
func (d *driver) mustSee(texts ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			d.t.Fatalf("screen does not show %q:\n%s", s, v)
		}
	}
}

// mustNotSee fails if any text is on the screen.
func (d *driver) mustNotSee(texts ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range texts {
		if strings.Contains(v, s) {
			d.t.Fatalf("screen shows %q and should not:\n%s", s, v)
		}
	}
}

// TestPrintScreens prints every screen at 80x24 with -v, to look at.
func TestPrintScreens(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("run with -v to print the screens")
	}
	for _, s := range screens {
		d := newDriver(t, 80, 24, false)
		s.open(d)
		t.Logf("%s:\n%s", s.name, d.view())
	}
}
