package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// retentionDB holds Zoë's closed case (born 2013: kept until 02/04/2038),
// Sam's active case, and Amir, imported from the MIS and never used.
func retentionDB(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	mustRun(t, db, "import", closedFile(t, "Zoë Clarke", "", "2013-04-02"))
	mustRun(t, db, "import", fixture("good/design-example.json"))
	csv := filepath.Join(t.TempDir(), "pupils.csv")
	if err := os.WriteFile(csv, []byte("Name,Date of birth,Year group\nAmir Khan,02/03/2012,Y9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csv)
	return db
}

// retention lists a pupil with no case a year after their last change.
func TestRetentionListsPupilsWithNoCase(t *testing.T) {
	db := retentionDB(t)
	var rows []retentionRow
	out := mustRun(t, db, "retention", "--json", "--on", "2040-01-01")
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	// By the date each fell due: Amir's a year after his import, Zoë's case in 2038.
	if len(rows) != 2 || rows[1].Record != "case" || rows[1].Pupil != "Zoë Clarke" ||
		rows[0].Record != "pupil" || rows[0].Pupil != "Amir Khan" || rows[0].LastChange == "" || rows[0].CaseID != 0 {
		t.Errorf("retention --json: %+v", rows)
	}
	text := mustRun(t, db, "retention", "--on", "2040-01-01")
	for _, want := range []string{"1 closed case past the retention period", "1 pupil with no case",
		"Amir Khan", "reintegrate erase --case ID"} {
		if !strings.Contains(text, want) {
			t.Errorf("retention does not say %q:\n%s", want, text)
		}
	}
}

func TestEraseRefusals(t *testing.T) {
	db := retentionDB(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing named", []string{"erase"}, "say what to erase: --case ID, or --pupil ID"},
		{"both named", []string{"erase", "--case", "1", "--pupil", "1"}, "say what to erase"},
		{"no such case", []string{"erase", "--case", "99", "--yes"}, "there is no case 99"},
		{"no such pupil", []string{"erase", "--pupil", "Z999999999999", "--yes"}, `there is no pupil "Z999999999999"`},
		{"not past retention", []string{"--on", "2030-01-01", "erase", "--case", "1", "--yes"},
			"case 1, Zoë Clarke's reduced timetable from 03/11/2026 is not past its retention period (kept until 02/04/2038): nothing was erased; to erase it all the same, say why with --reason TEXT"},
		{"an active case", []string{"--on", "2060-01-01", "erase", "--case", "2", "--yes"}, "case 2, Sam Taylor's reduced timetable"},
		{"no terminal and no --yes", []string{"--on", "2040-01-01", "erase", "--case", "1"},
			"erase asks before it removes anything: run it at a terminal to confirm, or add --yes; nothing was erased"},
		{"a reason past its limit", []string{"erase", "--case", "1", "--reason", strings.Repeat("x", 20_001)}, "--reason has 20,001 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db}, tt.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if got := casesJSON(t, db, "--all"); len(got) != 2 {
		t.Errorf("%d cases after the refusals, want 2", len(got))
	}
}

// erase --yes removes the record and says so in one line; the subject
// access copy of the pupil shows the erasure; a pupil erased is answered
// with when and why.
func TestEraseAndSubjectAccess(t *testing.T) {
	db := retentionDB(t)
	out := mustRun(t, db, "--on", "2040-01-01", "erase", "--case", "1", "--yes")
	if want := "Erased case 1 (1 timetable week, 1 review, 1 form, 1 notification, 1 professional involved, 1 extension; 1 audit entry emptied); the audit log's tombstone says who erased it, when and why.\n"; out != want {
		t.Errorf("erase said %q, want %q", out, want)
	}
	if got := casesJSON(t, db, "--all"); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("cases after the erase: %+v", got)
	}
	sar := mustRun(t, db, "export", "--pupil", "1", "--format", "json")
	var doc subjectAccessDoc
	if err := json.Unmarshal([]byte(sar), &doc); err != nil {
		t.Fatal(err)
	}
	var tomb string
	for _, a := range doc.Audit {
		if a.Action == "erase" && a.Entity == "case" && a.EntityID == 1 {
			tomb = string(a.After)
		}
	}
	if len(doc.Cases) != 0 || !strings.Contains(tomb, `"past_retention": true`) {
		t.Errorf("the subject access copy after the erase: %d cases, tombstone %q", len(doc.Cases), tomb)
	}
	if strings.Contains(sar, "returned to full time") {
		t.Errorf("the copy still holds the erased case's outcome")
	}

	mustRun(t, db, "erase", "--pupil", "1", "--reason", "the family asked (Art. 17)", "--yes")
	r := runCLI(t, db, "export", "--pupil", "1", "--format", "json")
	if r.code != exitUsage || !strings.Contains(r.stderr, "pupil 1 was erased on") ||
		!strings.Contains(r.stderr, "(reason given: the family asked (Art. 17)): nothing about them is held") {
		t.Errorf("export of an erased pupil: exit %d, %q", r.code, r.stderr)
	}
}

// At a terminal, erase asks; only "yes" erases.
func TestEraseAsksAtATerminal(t *testing.T) {
	db := retentionDB(t)
	for _, answer := range []string{"no", "yes"} {
		cmd := cliChild(t.TempDir(), nil, db, "--on", "2040-01-01", "erase", "--case", "1")
		tty, err := pty.Start(cmd)
		if err != nil {
			t.Skipf("no pseudo-terminal here: %v", err)
		}
		screen := readUntil(t, tty, "Type yes to erase it: ")
		for _, want := range []string{"This erases case 1, Zoë Clarke's reduced timetable from 03/11/2026",
			"1 timetable week, 1 review", "past its retention period (kept until 02/04/2038)", "cannot be undone"} {
			if !strings.Contains(screen, want) {
				t.Errorf("the question does not say %q:\n%s", want, screen)
			}
		}
		tty.Write([]byte(answer + "\r"))
		rest, _ := io.ReadAll(tty)
		cmd.Wait()
		tty.Close()
		want := map[string]string{"no": "Nothing was erased.", "yes": "Erased case 1"}[answer]
		if !strings.Contains(string(rest), want) || cmd.ProcessState.ExitCode() != 0 {
			t.Errorf("answered %q: exit %d, %q", answer, cmd.ProcessState.ExitCode(), rest)
		}
		if n := len(casesJSON(t, db, "--all")); (answer == "no") != (n == 2) {
			t.Errorf("answered %q: %d cases left", answer, n)
		}
	}
}

// readUntil reads the terminal until it shows text, or fails after a while.
func readUntil(t *testing.T, r io.Reader, text string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var b strings.Builder
		br := bufio.NewReader(r)
		for !strings.Contains(b.String(), text) {
			c, err := br.ReadByte()
			if err != nil {
				break
			}
			b.WriteByte(c)
		}
		got <- b.String()
	}()
	select {
	case s := <-got:
		return s
	case <-time.After(30 * time.Second):
		t.Fatalf("the terminal never showed %q", text)
		return ""
	}
}
