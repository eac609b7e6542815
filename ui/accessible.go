package ui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// runAccessible is the app for a screen reader (--accessible): no full
// screen, no cursor painting, plain lines and numbered choices read from
// the input. It shows what the screens show; changes are made in the
// full-screen app or through import.
func runAccessible(ctx context.Context, store Store, school model.School, on model.Date, opts Options,
	in io.Reader, out io.Writer) error {
	// Wide: a screen reader reads whole lines, so nothing is cut short.
	c := newCommon(ctx, store, school, on, opts, false)
	c.Width, c.Height, c.Accessible = 240, 10000, true
	r := bufio.NewScanner(in)
	for {
		fmt.Fprintf(out, "\nreintegrate, %s. %s\n", orNone(sanitise(school.Name)), newToday(c).dayLine())
		fmt.Fprintln(out, "1 Today's register, due and overdue, blockers")
		fmt.Fprintln(out, "2 Find a case by pupil name")
		fmt.Fprintln(out, "q Quit")
		switch ask(r, out, "Type 1, 2 or q, then enter: ") {
		case "1":
			showPage(c, newToday(c), out)
		case "2":
			findCase(c, r, out)
		case "q", "quit", "":
			return nil
		default:
			fmt.Fprintln(out, "Choice: type 1, 2 or q.")
		}
	}
}

// ask prompts and reads one line; end of input reads as "".
func ask(r *bufio.Scanner, out io.Writer, prompt string) string {
	fmt.Fprint(out, prompt)
	if !r.Scan() {
		fmt.Fprintln(out)
		return ""
	}
	return strings.TrimSpace(r.Text())
}

// showPage runs a screen's loading command and prints its body as plain
// text, the same words the full-screen app shows.
func showPage(c *Common, p page, out io.Writer) {
	p.SetSize(c.Width, c.Height)
	if cmd := p.Init(); cmd != nil {
		runCmd(p, cmd)
	}
	fmt.Fprintln(out, plainText(p.View()))
}

// runCmd runs a command and hands its message (or a batch's) to the page.
// The page's answer is run too when the message says it leads to more
// loading (the Today register, then its duties); other answers are cursor
// blinks and timers, with no text to show and a wait in them.
func runCmd(p page, cmd tea.Cmd) {
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				runCmd(p, c)
			}
		}
	case nil:
	default:
		next := p.Update(msg)
		if _, more := msg.(loadsMore); more && next != nil {
			runCmd(p, next)
		}
	}
}

// loadsMore is a message whose handling starts the next load of a screen.
type loadsMore interface{ leadsToMoreLoading() }

// plainText strips styling and the cursor marker, and trailing blanks.
func plainText(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.Replace(l, "›", " ", 1), " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func findCase(c *Common, r *bufio.Scanner, out io.Writer) {
	rows, err := c.Store.Cases(c.ctx, CaseFilter{All: true})
	if err != nil {
		fmt.Fprintln(out, "Could not load cases:", err)
		return
	}
	names := foldNames(rows, func(row CaseSummary) string { return row.Pupil.Name })
	found := search(ask(r, out, "Pupil's name, or part of it: "), names)
	if len(found) == 0 {
		fmt.Fprintln(out, "No case matches that name.")
		return
	}
	found = found[:min(len(found), 9)]
	for n, i := range found {
		row := rows[i]
		fmt.Fprintf(out, "%d %s, %s, %s, %s\n", n+1, sanitise(row.Pupil.Name), row.Pupil.YearGroup,
			row.Kind.Label(), row.Status)
	}
	choice := ask(r, out, fmt.Sprintf("Type 1 to %d to open, or enter to go back: ", len(found)))
	var n int
	if _, err := fmt.Sscanf(choice, "%d", &n); err != nil || n < 1 || n > len(found) {
		return
	}
	p := newCasePage(c, rows[found[n-1]].ID)
	for t := range caseTabs {
		p.setTab(t)
		fmt.Fprintln(out, "\n"+caseTabs[t])
		showPage(c, p, out)
	}
}
