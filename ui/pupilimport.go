package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"reintegrate/model"
)

// importKeyMap is the pupils import screen's keys once the file is read.
type importKeyMap struct {
	Import, Names, Duplicates, Again key.Binding
}

func defaultImportKeyMap() importKeyMap {
	return importKeyMap{
		// ctrl+s writes, as it saves the grid: no key that moves anywhere.
		Import:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "import")),
		Names:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "take the MIS's names")),
		Duplicates: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "allow lookalikes")),
		Again:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "another file")),
	}
}

// pupilsImportedMsg is the report of an import, or of a dry run.
type pupilsImportedMsg struct {
	report ImportReport
	err    error
}

// pupilImport brings pupils in from the MIS's CSV, as `reintegrate import
// F` does: the file is read and the import run dry first, the same report
// the command prints is shown, and only ctrl+s writes. n and a are the
// command's --update-names and --allow-duplicates, each showing the dry
// run again.
type pupilImport struct {
	c      *Common
	keys   importKeyMap
	path   textinput.Model
	asking bool // typing the path
	busy   bool
	opt    ImportOptions
	report *ImportReport
	err    error
	list   listView
	width  int
	height int
}

func newPupilImport(c *Common) *pupilImport {
	in := newTextInput(c.Styles)
	in.Prompt = "CSV file: "
	in.Placeholder = "the path of the pupils CSV exported from the MIS"
	in.Focus()
	return &pupilImport{c: c, keys: defaultImportKeyMap(), path: in, asking: true, width: c.Width, height: c.BodyHeight()}
}

func (p *pupilImport) Title() string   { return "Import pupils" }
func (p *pupilImport) Capturing() bool { return p.asking }
func (p *pupilImport) Init() tea.Cmd   { return textinput.Blink }
func (p *pupilImport) SetSize(w, h int) {
	p.width, p.height = w, h
	p.path.SetWidth(max(w-14, 10))
	p.build()
}

func (p *pupilImport) ShortHelp() []key.Binding {
	if p.asking || p.report == nil {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read the file")), p.c.Keys.Back}
	}
	if !p.report.DryRun {
		return []key.Binding{p.keys.Again, p.c.Keys.Back}
	}
	return []key.Binding{p.keys.Import, p.keys.Names, p.keys.Duplicates, p.keys.Again, p.c.Keys.Back}
}

func (p *pupilImport) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.ShortHelp(), {p.c.Keys.Up, p.c.Keys.Down, p.c.Keys.PageUp, p.c.Keys.PageDn}}
}

func (p *pupilImport) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(pupilsImportedMsg); ok {
		p.busy, p.err, p.report = false, m.err, nil
		if m.err == nil {
			p.report = &m.report
		}
		p.build()
		return nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if p.asking {
		return p.pathKey(msg)
	}
	if !ok || p.busy {
		return nil
	}
	dry := p.report != nil && p.report.DryRun
	switch {
	case key.Matches(k, p.c.Keys.Back):
		return back(p.doneText())
	case key.Matches(k, p.keys.Again):
		p.asking, p.report, p.err, p.opt = true, nil, nil, ImportOptions{}
		p.build()
		return p.path.Focus()
	case dry && key.Matches(k, p.keys.Import):
		return p.run(false)
	case dry && key.Matches(k, p.keys.Names):
		p.opt.UpdateNames = !p.opt.UpdateNames
		return p.run(true)
	case dry && key.Matches(k, p.keys.Duplicates):
		p.opt.AllowDuplicates = !p.opt.AllowDuplicates
		return p.run(true)
	}
	p.list.move(k, p.c.Keys, p.height-1)
	return nil
}

func (p *pupilImport) pathKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.c.Keys.Back):
			return back("")
		case k.String() == "enter" && strings.TrimSpace(p.path.Value()) != "":
			p.asking = false
			p.path.Blur()
			return p.run(true)
		}
	}
	var cmd tea.Cmd
	p.path, cmd = p.path.Update(msg)
	return cmd
}

// doneText is what the screen leaves on the status line.
func (p *pupilImport) doneText() string {
	if p.report == nil || p.report.DryRun {
		return ""
	}
	return "Pupils imported: " + p.report.Counts() + "."
}

// run reads the file and imports it (dry: says what it would do).
func (p *pupilImport) run(dry bool) tea.Cmd {
	p.busy, p.err = true, nil
	p.build()
	store, ctx, on, opt := p.c.Store, p.c.ctx, p.c.On, p.opt
	opt.DryRun = dry
	path := strings.TrimSpace(p.path.Value())
	return func() tea.Msg {
		file, err := readPupilsFile(path, on)
		if err != nil {
			return pupilsImportedMsg{err: err}
		}
		rep, err := store.ImportPupils(ctx, file, opt)
		return pupilsImportedMsg{report: rep, err: err}
	}
}

// readPupilsFile reads a pupils CSV, refusing one past the size limit
// before reading it, and a case file (imported with the command line).
func readPupilsFile(path string, on model.Date) (model.PupilsCSV, error) {
	info, err := os.Stat(path)
	if err != nil {
		return model.PupilsCSV{}, fmt.Errorf("cannot read %s: %w: check the path (type it whole, or drag the file into the terminal)", path, unwrapPath(err))
	}
	if info.Size() > model.MaxPupilsCSVBytes {
		return model.PupilsCSV{}, fmt.Errorf("%s is %.1f MB, over the limit of %d MB for a pupils CSV: export only the pupils on roll",
			path, float64(info.Size())/(1<<20), model.MaxPupilsCSVBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return model.PupilsCSV{}, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if text, err := model.DecodeText(data); err == nil {
		if kind, _ := model.KindOfImport(text); kind == model.ImportCaseFile {
			return model.PupilsCSV{}, fmt.Errorf("%s is a case file, not a pupils CSV: import it with reintegrate import on the command line", path)
		}
	}
	return model.ReadPupilsCSV(data, on)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// build lays the report out as lines to scroll.
func (p *pupilImport) build() {
	st, l := p.c.Styles, &p.list
	l.reset()
	switch {
	case p.busy:
		l.add(st.Subtle.Render("Reading the file…"))
	case p.err != nil:
		l.add(st.Error.Render("Nothing was imported."))
		for _, line := range strings.Split(sanitiseLines(p.err.Error()), "\n") {
			l.addWrapped(st.Error, line, p.width)
		}
		l.add(st.Subtle.Render("f another file · esc back"))
	case p.report != nil:
		for _, line := range p.report.Lines() {
			text := strings.TrimLeft(sanitise(line), " ")
			indent := 2 + len(line) - len(strings.TrimLeft(line, " "))
			l.addIndented(lipgloss.NewStyle(), indent, text, p.width) // wrapped lines under their own text
		}
		if p.report.DryRun {
			l.add("")
			l.addWrapped(st.Prompt, p.optionsText(), p.width)
		}
	}
}

func (p *pupilImport) optionsText() string {
	on := func(b bool) string {
		if b {
			return "on"
		}
		return "off"
	}
	return fmt.Sprintf("ctrl+s imports this. n take the MIS's spelling of names: %s · a add pupils who look like others: %s",
		on(p.opt.UpdateNames), on(p.opt.AllowDuplicates))
}

func (p *pupilImport) View() string {
	st := p.c.Styles
	head := st.Title.Render("Import pupils from the MIS") + st.Subtle.Render(" · a CSV: SIMS, Arbor, Bromcom")
	if p.asking {
		return head + "\n" + p.path.View() + "\n" + wrapText(st.Subtle,
			"Headings read: Name or Student (\"Surname, Forename\" too), or Legal Forename and Legal Surname; Date of Birth or DOB; UPN; Year, Year Group, NC Year or Reg Group; Preferred Forename, FSM, Flags. Comma or semicolon separated; UTF-8 or Windows-1252. You see what it would do before anything is written.", p.width)
	}
	return head + "\n" + st.Subtle.Render("File: "+sanitise(p.path.Value())) + "\n" + p.list.render(st, p.width, p.height-2)
}
