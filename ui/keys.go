package ui

import "charm.land/bubbles/v2/key"

// GlobalKeyMap holds the keys every screen shares. Each screen has its own
// key map for the rest (see the screen's file).
type GlobalKeyMap struct {
	Help    key.Binding
	HelpF1  key.Binding // the help key while typing, when ? is a character
	Back    key.Binding
	Quit    key.Binding
	ForceQ  key.Binding
	Privacy key.Binding
	Lock    key.Binding // the privacy screen
	Up      key.Binding
	Down    key.Binding
	PageUp  key.Binding
	PageDn  key.Binding
	First   key.Binding
	Last    key.Binding
	Open    key.Binding
}

// DefaultGlobalKeyMap is the shared keys as shipped.
func DefaultGlobalKeyMap() GlobalKeyMap {
	return GlobalKeyMap{
		Help:    key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "all keys")),
		HelpF1:  key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "all keys")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQ:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Privacy: key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "initials only")),
		// ctrl+l as in "lock"; f12 for those who reach for a function key.
		Lock:   key.NewBinding(key.WithKeys("ctrl+l", "f12"), key.WithHelp("ctrl+l", "hide screen")),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDn: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		First:  key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Last:   key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	}
}

// globalHelp is the column of shared keys added to every screen's full help.
func (k GlobalKeyMap) globalHelp(top bool) []key.Binding {
	b := []key.Binding{k.Help, k.Back, k.Lock, k.Privacy, k.ForceQ}
	if top {
		b = append(b, k.Quit)
	}
	return b
}
