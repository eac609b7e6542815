package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

// The Reports screen (issue 6): pick a report, set the period (it starts
// as model.BuildReport would choose it: the current half term), preview it
// in a scrolling pane, and save it as CSV, Markdown or PDF to a path the
// user types. Cases are read and the report built in a command; the file
// is written in a command, created 0600 (most reports hold children's
// personal data) and never over an existing file.

// reportsKeyMap is the Reports screen's keys.
type reportsKeyMap struct {
	Preview  key.Binding
	From     key.Binding
	To       key.Binding
	Names    key.Binding
	CSV      key.Binding
	Markdown key.Binding
	PDF      key.Binding
	Enter    key.Binding
	Cancel   key.Binding
}

func defaultReportsKeyMap() reportsKeyMap {
	return reportsKeyMap{
		Preview:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "preview")),
		From:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "from date")),
		To:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "to date")),
		Names:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "names in governors")),
		CSV:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "save CSV")),
		Markdown: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "save Markdown")),
		PDF:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "save PDF")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// reportFormats are the ways a report saves, by the field that asks for a path.
var reportFormats = map[string]struct{ label, ext string }{
	"csv": {"CSV", ".csv"}, "md": {"Markdown", ".md"}, "pdf": {"PDF", ".pdf"},
}

type (
	reportBuiltMsg struct {
		r    model.Report
		text string // r laid out for the preview, in the command rather than Update
		err  error
	}
	reportSavedMsg struct {
		path, name, label string
		err               error
	}
)

// reportsPage is the Reports screen.
type reportsPage struct {
	c             *Common
	keys          reportsKeyMap
	cursor        int
	from, to      model.Date
	names         bool
	field         string // what is being typed: "from", "to", or a format to save as; "" when nothing
	input         textinput.Model
	problem       string        // the last refusal, shown until the next key
	report        *model.Report // the preview, once built
	loading       bool
	pane          viewport.Model
	width, height int
}

func newReportsPage(c *Common) *reportsPage {
	p := &reportsPage{c: c, keys: defaultReportsKeyMap(), input: newTextInput(c.Styles), pane: viewport.New()}
	p.input.Prompt = ""
	p.from, p.to = model.DefaultReportPeriod(c.School, c.On)
	return p
}

func (p *reportsPage) Init() tea.Cmd   { return nil }
func (p *reportsPage) Title() string   { return "Reports" }
func (p *reportsPage) Capturing() bool { return p.field != "" }
func (p *reportsPage) Asking() bool    { return p.field != "" }

func (p *reportsPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.pane.SetWidth(w)
	p.pane.SetHeight(max(h-3, 1))
	p.input.SetWidth(max(w-30, 10))
}

func (p *reportsPage) ShortHelp() []key.Binding {
	switch {
	case p.field != "":
		return []key.Binding{p.keys.Enter, p.keys.Cancel}
	case p.report != nil:
		return []key.Binding{p.keys.CSV, p.keys.Markdown, p.keys.PDF}
	}
	return []key.Binding{p.keys.Preview, p.keys.From, p.keys.To}
}

func (p *reportsPage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, p.keys.Preview, p.keys.From, p.keys.To, p.keys.Names},
		{p.keys.CSV, p.keys.Markdown, p.keys.PDF, k.PageUp, k.PageDn},
	}
}

func (p *reportsPage) name() string { return model.ReportNames[p.cursor] }

func (p *reportsPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportBuiltMsg:
		p.loading = false
		if msg.err != nil {
			p.problem = msg.err.Error()
			return nil
		}
		p.report = &msg.r
		p.pane.SetContent(msg.text)
		p.pane.GotoTop()
	case reportSavedMsg:
		if msg.err != nil {
			return complain(msg.err)
		}
		return say(fmt.Sprintf("Saved the %s report as %s: %s (readable by you only).", msg.name, msg.label, msg.path))
	case tea.PasteMsg:
		if p.field != "" {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		p.problem = ""
		switch {
		case p.field != "":
			return p.typing(msg)
		case p.report != nil:
			return p.previewKey(msg)
		}
		return p.listKey(msg)
	}
	return nil
}

func (p *reportsPage) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return back("")
	case key.Matches(msg, k.Up):
		p.cursor = clamp(p.cursor-1, len(model.ReportNames))
	case key.Matches(msg, k.Down):
		p.cursor = clamp(p.cursor+1, len(model.ReportNames))
	case key.Matches(msg, p.keys.From):
		p.ask("from", p.from.UK())
	case key.Matches(msg, p.keys.To):
		p.ask("to", p.to.UK())
	case key.Matches(msg, p.keys.Names):
		p.names = !p.names
	case key.Matches(msg, p.keys.Preview) && !p.loading:
		p.loading = true
		return buildReportCmd(p.c, p.name(), p.from, p.to, p.names)
	}
	return nil
}

func (p *reportsPage) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Back):
		p.report = nil
	case key.Matches(msg, p.keys.CSV):
		p.ask("csv", p.defaultPath("csv"))
	case key.Matches(msg, p.keys.Markdown):
		p.ask("md", p.defaultPath("md"))
	case key.Matches(msg, p.keys.PDF):
		p.ask("pdf", p.defaultPath("pdf"))
	default:
		var cmd tea.Cmd
		p.pane, cmd = p.pane.Update(msg)
		return cmd
	}
	return nil
}

// ask opens the text box for a field, filled with what it holds now.
func (p *reportsPage) ask(field, value string) {
	p.field = field
	p.input.SetValue(value)
	p.input.CursorEnd()
	p.input.Focus()
}

func (p *reportsPage) typing(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.Cancel):
		p.field = ""
		p.input.Blur()
		return nil
	case key.Matches(msg, p.keys.Enter):
		return p.commit()
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// commit takes what was typed: a date for the period, or the path to save
// to. A date that does not read stays in the box with the reason beside it.
func (p *reportsPage) commit() tea.Cmd {
	value := strings.TrimSpace(p.input.Value())
	if f, ok := reportFormats[p.field]; ok {
		if value == "" {
			p.problem = "Save as: type a file name, for example " + p.defaultPath(p.field)
			return nil
		}
		p.field = ""
		p.input.Blur()
		return saveReportCmd(p.c.ctx, *p.report, f.label, value)
	}
	d, err := model.ParseDate(value)
	if err != nil {
		p.problem = strings.ToUpper(p.field[:1]) + p.field[1:] + ": " + err.Error()
		return nil
	}
	from, to := p.from, p.to
	if p.field == "from" {
		from = d
	} else {
		to = d
	}
	if _, _, err := (model.ReportInput{From: from, To: to, On: p.c.On}).Period(); err != nil {
		p.problem = "Period: " + err.Error()
		return nil
	}
	p.from, p.to, p.field = from, to, ""
	p.input.Blur()
	return nil
}

// defaultPath names the file after the report and its period, in the
// folder the app was started from.
func (p *reportsPage) defaultPath(format string) string {
	name, from, to := p.name(), p.from, p.to
	if r := p.report; r != nil {
		name, from, to = r.Name, r.From, r.To
	}
	return fmt.Sprintf("%s-%s-to-%s%s", name, from, to, reportFormats[format].ext)
}

func (p *reportsPage) View() string {
	if p.report != nil {
		return p.previewView()
	}
	st := p.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Reports") + st.Subtle.Render(" · preview, then save as CSV, Markdown or PDF") + "\n")
	names := "off"
	if p.names {
		names = "on"
	}
	b.WriteString(fmt.Sprintf("  Period %s to %s %s · governors with names: %s %s\n\n",
		p.from.UK(), p.to.UK(), st.Subtle.Render("(f, t)"), names, st.Subtle.Render("(n)")))
	cols := []column{{Title: "Report", Width: 12}, {Title: "What it is for", Width: 20, Flex: 1}}
	w := widths(cols, p.width-2)
	b.WriteString("  " + st.Subtle.Render(tableHead(cols, w)) + "\n")
	for i, name := range model.ReportNames {
		line := "  " + tableRow(cols, w, name, model.ReportSummary(name))
		if i == p.cursor {
			line = markSelected(st, line, p.width)
		}
		b.WriteString(line + "\n")
	}
	summary := ansi.Wordwrap(model.ReportSummary(p.name()), max(p.width-4, 20), "")
	b.WriteString("\n" + st.Subtle.Render("  "+strings.ReplaceAll(summary, "\n", "\n  ")) + "\n\n" + p.footLine())
	return b.String()
}

// footLine is the text box while typing, else what is happening or went wrong.
func (p *reportsPage) footLine() string {
	st := p.c.Styles
	var line string
	switch {
	case p.field == "from" || p.field == "to":
		line = "  " + st.Prompt.Render(strings.ToUpper(p.field[:1])+p.field[1:]+" (DD/MM/YYYY): ") + p.input.View()
	case p.field != "":
		line = "  " + st.Prompt.Render("Save "+reportFormats[p.field].label+" as: ") + p.input.View()
	case p.loading:
		line = "  " + st.Subtle.Render("Reading the cases and building the report…")
	}
	if p.problem != "" {
		line += "\n  " + st.Error.Render(sanitise(p.problem))
	}
	return line
}

func (p *reportsPage) previewView() string {
	st := p.c.Styles
	head := st.Title.Render(sanitise(p.report.Title)) + st.Subtle.Render(" · "+p.position())
	body := p.pane.View()
	if p.c.HideNames && p.named() {
		body = st.Subtle.Render("  Names are hidden (ctrl+p): the preview names pupils, so it is not shown.")
	}
	return head + "\n" + body + "\n" + p.footLine()
}

// position says which lines of the preview are in view, in words: a
// percentage beside a report's title reads as one of its figures.
func (p *reportsPage) position() string {
	total := p.pane.TotalLineCount()
	if total == 0 {
		return "empty"
	}
	first := p.pane.YOffset() + 1
	last := min(p.pane.YOffset()+p.pane.VisibleLineCount(), total)
	if first == 1 && last == total {
		return fmt.Sprintf("all %s", plural(total, "line", "lines"))
	}
	return fmt.Sprintf("lines %d-%d of %d", first, last, total)
}

// named reports whether the previewed report names pupils.
func (p *reportsPage) named() bool {
	switch p.report.Name {
	case model.ReportTrust:
		return false
	case model.ReportGovernors:
		return p.names
	}
	return true
}

func buildReportCmd(c *Common, name string, from, to model.Date, names bool) tea.Cmd {
	store, ctx, school, on := c.Store, c.ctx, c.School, c.On
	return func() tea.Msg {
		in := model.ReportInput{School: school, From: from, To: to, On: on, Names: names}
		var err error
		if in.Cases, in.History, err = store.ReportCases(ctx, from, to); err != nil {
			return reportBuiltMsg{err: fmt.Errorf("read the cases for the report: %w", err)}
		}
		r, err := model.BuildReport(name, in)
		if err != nil {
			return reportBuiltMsg{err: err}
		}
		return reportBuiltMsg{r: r, text: r.Text()}
	}
}

func saveReportCmd(ctx context.Context, r model.Report, label, path string) tea.Cmd {
	return func() tea.Msg {
		var data []byte
		switch label {
		case "CSV":
			data = r.CSV()
		case "Markdown":
			data = r.Markdown()
		default:
			var b bytes.Buffer
			if err := forms.ReportPDF(r, &b); err != nil {
				return reportSavedMsg{err: err}
			}
			data = b.Bytes()
		}
		path, err := writePrivate(ctx, path, data)
		return reportSavedMsg{path: path, name: r.Name, label: label, err: err}
	}
}

// writePrivate writes the file whole or not at all, readable by its owner
// only (storage.WriteOutput), and refuses to replace one that is there:
// the path is typed, and a slip should not overwrite last half term's
// return. "~/" is the home folder.
func writePrivate(ctx context.Context, path string, data []byte) (string, error) {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	err := storage.WriteOutput(ctx, path, data, false)
	if errors.Is(err, storage.ErrExists) {
		return path, fmt.Errorf("save as: %s already exists: type another file name", path)
	}
	if err != nil {
		return path, fmt.Errorf("save as: %w", err)
	}
	return path, nil
}

// reportsKey opens the Reports screen from Today.
var reportsKey = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "reports"))
