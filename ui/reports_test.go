package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The Reports screen and the case page's Notifications tab (issue 6),
// driven through Update with the fake store.

// clearBox empties the text box being typed in (ctrl+u, as in a shell).
func (d *driver) clearBox() *driver {
	d.send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	return d
}

// openReports opens the Reports screen from Today.
func openReports(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, 100, 30, true)
	d.keys("p")
	d.mustSee("Reports", "Period 02/11/2026 to 18/12/2026", "social-care", "register")
	return d
}

// The period starts as BuildReport chooses it (the half term: no holiday
// of five days before it in the test calendar, so from 1 November; to the
// last school day before Christmas), and a preview shows the report.
func TestReportsPreview(t *testing.T) {
	d := openReports(t)
	d.keys("enter")
	d.mustSee("Local authority return: pupils on a reduced timetable", "Sam Taylor", "3 pupils were on a reduced timetable")
	d.mustNotSee("Aisha Khan") // a draft runs nothing
	d.keys("esc", "down", "down", "enter")
	d.mustSee("Reduced timetables: summary for governors", "Plans running in the period")
	d.mustNotSee("Sam Taylor") // 002 s5.11: no names unless asked
	d.keys("esc", "n", "enter")
	d.mustSee("Pupils are named: keep this copy confidential.")
	d.keys("esc", "esc")
	d.mustSee("Due and overdue") // back on Today
}

// Scrolling the preview moves through the report (bubbles viewport).
func TestReportsPreviewScrolls(t *testing.T) {
	d := openReports(t)
	d.keys("down", "down", "down", "down", "down", "enter") // register: a row a weekday
	d.mustSee("Register pattern: codes for each session · lines 1-")
	d.keys("pgdown", "pgdown")
	if strings.Contains(d.view(), "· lines 1-") {
		t.Fatalf("pgdown did not scroll:\n%s", d.view())
	}
	// The position is said in lines, not as a percentage that reads as
	// one of the report's figures.
	if strings.Contains(d.view(), "%") && strings.Contains(strings.SplitN(d.view(), "\n", 3)[1], "%") {
		t.Fatalf("the preview's title line has a percentage:\n%s", d.view())
	}
}

// A report that fits whole says so.
func TestReportsPreviewSaysAllLinesWhenItFits(t *testing.T) {
	d := openReports(t)
	d.keys("down", "enter") // the half-term return: short
	d.mustSee("· all ")
	d.mustNotSee("· 0%", "· 100%")
}

// A date that does not read stays in the box with the field named.
func TestReportsPeriod(t *testing.T) {
	d := openReports(t)
	d.keys("f").clearBox().keys("31/02/2026", "enter")
	d.mustSee(`From: "31/02/2026" is not a real date`)
	d.clearBox().keys("09/11/2026", "enter")
	d.mustSee("Period 09/11/2026 to 18/12/2026")
	d.keys("t").clearBox().keys("01/11/2026", "enter")
	d.mustSee("Period: from 09/11/2026 is after to 01/11/2026")
	d.keys("esc")
	d.mustSee("Period 09/11/2026 to 18/12/2026")
}

// Saving writes the file 0600 in a command, and never over another file.
func TestReportsSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "la.csv")
	d := openReports(t)
	d.keys("enter", "c")
	d.mustSee("Save CSV as: ", "la-2026-11-02-to-2026-12-18.csv")
	d.clearBox().keys(path, "enter")
	d.mustSee("Saved the la report as CSV")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\ufeffUPN,Pupil,") || !strings.Contains(string(data), "Sam Taylor") {
		t.Errorf("the CSV is not the LA return:\n%s", data)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	d.keys("c").clearBox().keys(path, "enter")
	d.mustSee("already exists: type another file name")
	pdf := filepath.Join(filepath.Dir(path), "la.pdf")
	d.keys("p").clearBox().keys(pdf, "enter")
	// A PDF takes longer than the driver waits for a command; the command
	// still runs, so wait for its file.
	var data2 []byte
	for range 100 {
		if data2, err = os.ReadFile(pdf); err == nil && len(data2) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.HasPrefix(string(data2), "%PDF-") {
		t.Errorf("no PDF written: %v", err)
	}
}

// While names are hidden (ctrl+p) a preview that names pupils is not shown.
func TestReportsPreviewHidesNames(t *testing.T) {
	d := openReports(t)
	d.keys("enter", "ctrl+p")
	d.mustNotSee("Sam Taylor")
	d.mustSee("Names are hidden (ctrl+p)")
}

// openNotifications opens Sam Taylor's case on its
// Notifications tab.
func openNotifications(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, 100, 30, true)
	var id int64
	for _, fc := range d.store.sorted() {
		if fc.c.Pupil.Name == "Sam Taylor" {
			id = fc.c.ID
		}
	}
	d.send(pushMsg{newCasePage(d.root().common, id)})
	d.keys("6")
	return d
}

// The screens fit an 80x24 terminal: nothing runs past the edge.
func TestReportsFit80x24(t *testing.T) {
	d := newDriver(t, 80, 24, true)
	d.keys("p")
	for _, step := range [][]string{nil, {"enter"}, {"c"}} {
		d.keys(step...)
		lines := strings.Split(d.view(), "\n")
		if len(lines) != 24 {
			t.Fatalf("after %v: %d lines, want 24", step, len(lines))
		}
		for _, l := range lines {
			if w := len([]rune(l)); w > 80 {
				t.Fatalf("after %v: a line of %d cells:\n%s", step, w, l)
			}
		}
	}
}
