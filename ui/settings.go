package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"reintegrate/model"
)

// settingsKeyMap is the Settings screen's keys.
type settingsKeyMap struct {
	Edit, AddPupil, Import key.Binding
}

func defaultSettingsKeyMap() settingsKeyMap {
	return settingsKeyMap{
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
		AddPupil: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a pupil")),
		Import:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "import pupils (CSV)")),
	}
}

type schoolSavedMsg struct {
	school model.School
	err    error
}

// settings shows the school profile, the packs and the closures, and
// edits them in one form.
type settings struct {
	c      *Common
	keys   settingsKeyMap
	list   listView
	built  buildKey // what the list was last laid out for
	edit   *schoolAnswers
	form   *embeddedForm
	err    string
	width  int
	height int
}

func newSettings(c *Common) *settings {
	return &settings{c: c, keys: defaultSettingsKeyMap()}
}

func (p *settings) Title() string   { return "Settings" }
func (p *settings) Init() tea.Cmd   { return nil }
func (p *settings) Capturing() bool { return p.form != nil }
func (p *settings) Asking() bool    { return p.form != nil }
func (p *settings) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.form != nil {
		p.form.setSize(w, max(h-1, 3))
	}
}

func (p *settings) ShortHelp() []key.Binding {
	if p.form != nil {
		return append(p.form.keys(), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks first)")))
	}
	return []key.Binding{p.keys.Edit, p.keys.AddPupil, p.keys.Import}
}

func (p *settings) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.ShortHelp(), {p.c.Keys.Up, p.c.Keys.Down}}
}

func (p *settings) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(schoolSavedMsg); ok {
		if m.err != nil {
			p.err = "Not saved: " + m.err.Error()
			return nil
		}
		p.c.School, p.c.Cal = m.school, m.school.Calendar()
		return say("Settings saved.")
	}
	if p.form != nil {
		return p.updateForm(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil
	case key.Matches(k, p.c.Keys.Back):
		return back("")
	case key.Matches(k, p.keys.AddPupil):
		return push(newPupilPage(p.c, model.Pupil{}))
	case key.Matches(k, p.keys.Import):
		return push(newPupilImport(p.c))
	case key.Matches(k, p.keys.Edit):
		p.err = ""
		p.edit = newSchoolAnswers(p.c.School)
		p.form = newEmbeddedForm(p.edit.form, p.c.Styles, p.width, max(p.height-1, 3), false)
		return p.form.init()
	}
	p.ensureBuilt()
	p.list.move(k, p.c.Keys, p.height)
	return nil
}

func (p *settings) updateForm(msg tea.Msg) tea.Cmd {
	out, cmd := p.form.update(msg)
	switch out {
	case formDiscard:
		p.form = nil
	case formDone:
		p.form = nil
		school, err := p.edit.school(p.c.School)
		if err != nil {
			p.err = err.Error()
			return nil
		}
		store, ctx := p.c.Store, p.c.ctx
		return tea.Batch(cmd, func() tea.Msg {
			return schoolSavedMsg{school: school, err: store.SaveSchool(ctx, school)}
		})
	}
	return cmd
}

func (p *settings) View() string {
	st := p.c.Styles
	if p.form != nil {
		return cell(st.Title.Render("Edit the school profile"), p.width) + "\n" + p.form.view(st)
	}
	p.ensureBuilt()
	return p.list.render(st, p.width, p.height)
}

// ensureBuilt lays the profile out again when the school (a save makes a
// new calendar), the error shown or the width has changed, not every frame.
func (p *settings) ensureBuilt() {
	if k := (buildKey{p.width, false, p.c.Styles, [2]any{p.c.Cal, p.err}}); k != p.built {
		p.list.reset()
		p.build()
		p.built = k
	}
}

func (p *settings) build() {
	st, s, l := p.c.Styles, p.c.School, &p.list
	if p.err != "" {
		l.add(st.Error.Render(sanitise(p.err)))
	}
	l.add(st.Title.Render("School profile") + st.Subtle.Render("  (e to edit)"))
	l.addLabelled(st, "Name", orNone(sanitise(s.Name)), p.width)
	l.addLabelled(st, "URN", orNone(sanitise(s.URN)), p.width)
	l.addLabelled(st, "LA", orNone(sanitise(s.LocalAuthority)), p.width)
	l.addLabelled(st, "Trust", orNone(sanitise(s.Trust)), p.width)
	lengths := p.c.Cal.SessionLengths()
	l.addLabelled(st, "Sessions", fmt.Sprintf("am %d min · pm %d min of direct contact", lengths.AM, lengths.PM), p.width)
	l.add("")
	l.add(st.Title.Render("Packs on: ") + packsText(s.Packs))
	pr := s.Packs.Params
	l.addWrapped(st.Subtle, fmt.Sprintf("Plans run at most %d weeks; reviews every %d days; a Fair Access place within %d school days.",
		pr.MaxWeeks, pr.ReviewEveryDays, pr.FairAccessSchoolDays), p.width)
	l.add("")
	l.add(st.Title.Render(fmt.Sprintf("Holidays and INSET days: %d", len(s.Closures))))
	for _, cl := range s.Closures {
		l.addItem(closureText(cl), 0)
	}
	l.add(st.Subtle.Render("Bank holidays come from the England and Wales list built in (2024 to 2030)."))
	l.add("")
	l.add(st.Title.Render("Pupils"))
	l.addWrapped(st.Subtle, "a adds a pupil by hand; c imports the pupils from the MIS's CSV export (you see what would change first); "+
		"p on a case, or ctrl+e in Cases, edits a pupil.", p.width)
}

func packsText(p model.Packs) string {
	on := []string{string(model.National)}
	for _, pk := range model.AllPacks[1:] {
		if p.Enabled(pk) {
			on = append(on, string(pk))
		}
	}
	return strings.Join(on, ", ")
}

func closureText(cl model.Closure) string {
	if cl.First.Equal(cl.Last) {
		return cell(cl.First.UK(), 24) + " " + sanitise(cl.Name)
	}
	return cell(cl.First.UK()+" to "+cl.Last.UK(), 24) + " " + sanitise(cl.Name)
}

// schoolAnswers are the settings form's answers, bound to its fields.
type schoolAnswers struct {
	form                 *huh.Form
	name, urn, la, trust string
	am, pm               string
	packs                []model.Pack
	closures             string
}

func newSchoolAnswers(s model.School) *schoolAnswers {
	lengths := s.Calendar().SessionLengths()
	a := &schoolAnswers{name: s.Name, urn: s.URN, la: s.LocalAuthority, trust: s.Trust,
		am: strconv.Itoa(lengths.AM), pm: strconv.Itoa(lengths.PM)}
	a.packs = slices.DeleteFunc(slices.Clone(s.Packs.On), func(p model.Pack) bool { return p == model.National })
	lines := make([]string, len(s.Closures))
	for i, cl := range s.Closures {
		lines[i] = closureLine(cl)
	}
	a.closures = strings.Join(lines, "\n")
	var packs []huh.Option[model.Pack]
	for _, pk := range model.AllPacks[1:] {
		packs = append(packs, huh.NewOption(string(pk), pk))
	}
	a.form = huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("School name").Value(&a.name).Validate(needText("School name", "the school's name")),
			huh.NewInput().Title("URN").Value(&a.urn).Validate(checkURN),
			huh.NewInput().Title("Local authority").Value(&a.la),
			huh.NewInput().Title("Trust (if any)").Value(&a.trust),
			huh.NewInput().Title("Morning session, minutes of direct contact").Value(&a.am).Validate(checkMinutes("Morning session")),
			huh.NewInput().Title("Afternoon session, minutes of direct contact").Value(&a.pm).Validate(checkMinutes("Afternoon session")),
		).Title("School profile"),
		huh.NewGroup(
			huh.NewMultiSelect[model.Pack]().Title("Protocol packs (national is always on; space to tick)").
				Options(packs...).Value(&a.packs).Height(len(packs)+1), // every pack in view, none scrolled off
			huh.NewText().Title("Holidays and INSET days, one a line: DD/MM/YYYY or DD/MM/YYYY-DD/MM/YYYY then a name").
				Value(&a.closures).Lines(8).Validate(func(s string) error { _, err := parseClosures(s); return err }),
		).Title("Packs and calendar"),
	)
	return a
}

func checkURN(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, err := strconv.Atoi(s); err != nil || len(s) != 6 {
		return fmt.Errorf("URN: type the school's 6-digit unique reference number, or leave it blank")
	}
	return nil
}

func checkMinutes(field string) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 360 {
			return fmt.Errorf("%s: type the minutes as a whole number from 1 to 360, for example 180", field)
		}
		return nil
	}
}

// school is the profile with the answers in.
func (a *schoolAnswers) school(old model.School) (model.School, error) {
	closures, err := parseClosures(a.closures)
	if err != nil {
		return old, err
	}
	am, _ := strconv.Atoi(strings.TrimSpace(a.am))
	pm, _ := strconv.Atoi(strings.TrimSpace(a.pm))
	s := old
	s.Name, s.URN = strings.TrimSpace(sanitise(a.name)), strings.TrimSpace(a.urn)
	s.LocalAuthority, s.Trust = strings.TrimSpace(sanitise(a.la)), strings.TrimSpace(sanitise(a.trust))
	s.Sessions = model.SessionLengths{AM: am, PM: pm}
	s.Packs.On = append([]model.Pack{model.National}, a.packs...)
	s.Closures = closures
	return s, nil
}
