package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// realDriver opens the app over the demo in a real store, with the real
// protocol forms and rules.
func realDriver(t *testing.T, width, height int) *driver {
	t.Helper()
	s, school := openDemo(t)
	d := &driver{t: t}
	m := New(s, school, demoOn, Options{IdleAfter: -1}).(Model)
	d.m = m
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// Pressing Enter through the risk assessment (002 s5.6) with nothing typed
// keeps it as a draft, and the Forms tab lists what it still needs, each
// field's title whole, wrapped to the terminal: who assessed, the
// findings and the signatures of the school and the parent ("signed and
// dated by all parties"). Before, it came out "completed" on the day typed.
func TestFormsTabDraft(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := realDriver(t, size[0], size[1])
			d.keys("c", "zoe", "enter", "3", "down", "enter")
			d.mustSee("Risk assessment for a reduced timetable")
			for i := 0; i < 40 && !strings.Contains(d.view(), "Kept as a draft"); i++ {
				d.keys("enter")
			}
			d.mustSee("Kept as a draft: 4 fields still to fill, listed on the Forms tab.",
				"draft · 4 to fill", "Still to fill:")
			golden.RequireEqual(t, trimRight(d.view()))
			body := strings.Join(strings.Fields(d.view()), " ")
			for _, want := range []string{
				"- Assessment completed by",
				"- Findings, and how the assessed risk and safeguarding measures will be managed",
				"- School: name, date signed", "- Parent/carer: name, date signed",
			} {
				if !strings.Contains(body, want) {
					t.Errorf("the Forms tab does not list %q whole:\n%s", want, d.view())
				}
			}
		})
	}
}

// The Forms tab keeps its cursor while another tab is shown; before, it
// went back to the first form.
func TestFormsTabKeepsItsCursor(t *testing.T) {
	d := newDriver(t, 80, 24, false)
	d.keys("enter", "3", "down")
	d.mustSee("› Reintegration plan")
	d.keys("4", "3")
	d.mustSee("› Reintegration plan")
	d.keys("tab", "shift+tab")
	d.mustSee("› Reintegration plan")
}

// One Enter too many after a form is saved does not start a new version:
// the cursor stays on the form just filled, and Enter on a completed form
// asks first; only y starts one. Before, the extra Enter opened a new
// version of the first form.
func TestFormsTabExtraEnter(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, size[0], size[1], false)
			d.keys("enter", "3", "down", "enter", "J", "enter", "03/11/2026", "enter")
			d.mustSee("Reintegration plan saved.", "› Reintegration plan", "completed 03/11/2026")
			saves := d.store.saves
			d.keys("enter")
			d.mustSee("Reintegration plan was completed on 03/11/2026. Start a new version?", "y start a new version")
			golden.RequireEqual(t, trimRight(d.view()))
			d.keys("enter")
			d.mustNotSee("Start a new version?", "Parent or carer's name")
			d.mustSee("[3 Forms]", "› Reintegration plan")
			if d.store.saves != saves {
				t.Errorf("an Enter too many saved the case")
			}
			d.keys("enter", "y")
			d.mustSee("a new version; the one completed 03/11/2026 stays on file")
		})
	}
}

// The new case wizard's forms leave the Forms tab's cursor on the last
// form filled, not on the first form.
func TestFormsTabCursorFollowsTheQueue(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter")
	id := d.root().top().(*casePage).id
	d.keys("esc")
	p := newCasePage(d.root().common, id) // as the wizard opens it
	p.tab, p.openOnLoad = tabForms, "test.plan"
	d.send(pushMsg{p})
	d.mustSee("Parent or carer's name")
	d.keys("J", "enter", "03/11/2026", "enter")
	d.mustSee("Reintegration plan saved.", "› Reintegration plan")
}
