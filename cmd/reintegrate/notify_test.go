package main

import (
	"strings"
	"testing"
)

// importDesignExample stores DESIGN.md's example case (Sam Taylor, Y8, on
// a Child in Need plan; the LA told on 03/11, the day after the start) and
// returns the --db flag.
func importDesignExample(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	if out := mustRun(t, db, "import", fixture("good/design-example.json")); !strings.Contains(out, "Imported case 1") {
		t.Fatalf("import: %s", out)
	}
	return db
}

// proposalLine is the table line for the target and what, spaces closed up.
func proposalLine(t *testing.T, out, to, what string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Join(strings.Fields(line), " "); strings.HasPrefix(f, to+" "+what+" ") {
			return f
		}
	}
	t.Fatalf("no proposal to %s of %s in:\n%s", to, what, out)
	return ""
}

// Issue 6: `notify ID` lists what the case needs; `--to --what` records
// one sent, and the list then shows it met.
func TestNotifyListAndRecord(t *testing.T) {
	db := importDesignExample(t)
	out := mustRun(t, db, asOf, "notify", "1")
	tests := []struct{ to, what, want string }{
		// 000; 002 s7: by the start (02/11); sent 03/11, a day late.
		{"local authority", "plan", "local authority plan 02/11/2026 unmet 03/11/2026"},
		// 002 s7: Child in Need plan: a copy to the named social worker.
		{"social worker", "plan", "social worker plan 02/11/2026 overdue not sent"},
		// 002 s5.10; 002 s7: the extension agreed 07/12 goes to the LA by the end it moves.
		{"local authority", "extension", "local authority extension 11/12/2026 due not sent"},
	}
	for _, tt := range tests {
		if got := proposalLine(t, out, tt.to, tt.what); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.to, tt.what, got, tt.want)
		}
	}
	if !strings.Contains(out, "why: Child Protection or Child in Need plan: send a copy of the reduced timetable to the named social worker (002 s7)") ||
		!strings.Contains(out, "when sent: reintegrate notify 1 --to social_worker --what plan") {
		t.Errorf("the list does not say why, from where, or how to record it:\n%s", out)
	}

	rec := mustRun(t, db, asOf, "notify", "1", "--to", "social_worker", "--what", "plan", "--sent", "30/10/2026", "--by", "Ms R Khan")
	if !strings.HasPrefix(rec, "Recorded: plan sent to the social worker on 30/10/2026 by Ms R Khan.") {
		t.Errorf("the record is not confirmed:\n%s", rec)
	}
	after := mustRun(t, db, asOf, "notify", "1")
	if got := proposalLine(t, after, "social worker", "plan"); got != "social worker plan 02/11/2026 met 30/10/2026 Ms R Khan" {
		t.Errorf("after recording: %q", got)
	}
	// Without --sent, the as-of date. Told of the extension before it was
	// agreed (07/12) does not count; told the day after does.
	mustRun(t, db, asOf, "notify", "1", "--to", "local_authority", "--what", "extension")
	if got := proposalLine(t, mustRun(t, db, asOf, "notify", "1"), "local authority", "extension"); got != "local authority extension 11/12/2026 due not sent" {
		t.Errorf("extension told before it was agreed: %q", got)
	}
	mustRun(t, db, "--on=2026-12-08", "notify", "1", "--to", "local_authority", "--what", "extension")
	if got := proposalLine(t, mustRun(t, db, "--on=2026-12-08", "notify", "1"), "local authority", "extension"); got != "local authority extension 11/12/2026 met 08/12/2026" {
		t.Errorf("extension after recording: %q", got)
	}
}

// Bad input gets exit 2 and a message that names the flag and says what to type.
func TestNotifyRefusals(t *testing.T) {
	db := importDesignExample(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown target", []string{"notify", "1", "--to", "council", "--what", "plan"}, `--to: "council" is not someone a notification goes to: type one of social_worker`},
		{"no target", []string{"notify", "1", "--what", "plan"}, "--to: say who it went to"},
		{"unknown kind", []string{"notify", "1", "--to", "governors", "--what", "letter"}, `--what: "letter" is not a kind of notification: type one of plan`},
		{"no kind", []string{"notify", "1", "--to", "governors"}, "--what: say what was sent"},
		{"bad date", []string{"notify", "1", "--to", "governors", "--what", "start", "--sent", "31/02/2026"}, "--sent: \"31/02/2026\" is not a real date"},
		{"in the future", []string{"notify", "1", "--to", "governors", "--what", "start", "--sent", "2026-12-01"}, "--sent: 01/12/2026 is after the as-of date 20/11/2026"},
		{"--by alone", []string{"notify", "1", "--by", "Ms R Khan"}, "--sent and --by go with --to and --what"},
		{"not a number", []string{"notify", "one"}, `"one" is not a case ID`},
		{"no such case", []string{"notify", "99"}, "there is no case 99"},
		{"no such case, recording", []string{"notify", "99", "--to", "governors", "--what", "start"}, "there is no case 99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db, asOf}, tt.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
	// Nothing was recorded by any of them.
	if got := proposalLine(t, mustRun(t, db, asOf, "notify", "1"), "local authority", "plan"); !strings.HasSuffix(got, "03/11/2026") {
		t.Errorf("a refused command changed the case: %q", got)
	}
}
