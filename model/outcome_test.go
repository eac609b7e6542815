package model

import (
	"strings"
	"testing"
)

// OutcomeFromText reads the free-text outcomes written before the outcome
// was typed, as the reports and the Worcestershire rules read them then,
// keeping the text as the note (less the close form's own labels).
func TestOutcomeFromText(t *testing.T) {
	tests := []struct {
		text string
		want Outcome
		note string
	}{
		{"", NoOutcome, ""},
		{"   ", NoOutcome, ""},
		{"successful", Successful, ""},
		{"Unsuccessful", Unsuccessful, ""},
		{"other", OtherOutcome, ""},
		{"Successful: back in full-time education", Successful, ""},
		{"Successful: back in full-time education. Settled in tutor group", Successful, "Settled in tutor group"},
		{"Unsuccessful: the plan did not lead to full-time education", Unsuccessful, ""},
		{"Unsuccessful: the plan did not lead to full-time education. Back to the AP on 30/11", Unsuccessful, "Back to the AP on 30/11"},
		{"Ended early: the pupil left the school", MovedProvision, ""},
		{"Ended early: the pupil left the school. Moved to Leeds", MovedProvision, "Moved to Leeds"},
		{"Returned full time to Uxbridge High; KS4 options kept.", Successful, "Returned full time to Uxbridge High; KS4 options kept."},
		{"Reintegration failed after three weeks", Unsuccessful, "Reintegration failed after three weeks"},
		{"not successful: back to AP", Unsuccessful, "not successful: back to AP"},
		{"Back in full-time education", Successful, "Back in full-time education"},
		{"Transferred to St Mary's", MovedProvision, "Transferred to St Mary's"},
		{"Moved out of county", MovedProvision, "Moved out of county"},
		{"Elective home education", OtherOutcome, "Elective home education"},
		{"Zoë's family asked to stop", OtherOutcome, "Zoë's family asked to stop"},
	}
	for _, tt := range tests {
		got, note := OutcomeFromText(tt.text)
		if got != tt.want || note != tt.note {
			t.Errorf("OutcomeFromText(%q) = %q, %q; want %q, %q", tt.text, got, note, tt.want, tt.note)
		}
	}
}

func TestParseOutcome(t *testing.T) {
	for _, o := range Outcomes {
		for _, s := range []string{string(o), o.Label(), " " + strings.ToUpper(o.Label()) + " "} {
			if got, err := ParseOutcome(s); err != nil || got != o {
				t.Errorf("ParseOutcome(%q) = %q, %v; want %q", s, got, err, o)
			}
		}
	}
	_, err := ParseOutcome("went well")
	if err == nil || !strings.Contains(err.Error(), "successful, unsuccessful, moved_provision, other") {
		t.Errorf("a bad outcome says %v; it should list what to type", err)
	}
}

// 001 process 7 and 9: the Worcestershire failed-reintegration rules read
// the typed outcome, never words in a note: a note that says "failed" on a
// successful plan does not make it failed, and an unsuccessful plan with a
// cheerful note is still unsuccessful.
func TestWorcsReadsTheTypedOutcome(t *testing.T) {
	emergency := func(c Case) Status {
		for _, f := range Check(c, nil, localCal, localPacks, MustDate("2026-11-30")) {
			if f.Rule == "worcs.emergency-review" {
				return f.Status
			}
		}
		t.Fatal("worcs.emergency-review did not run")
		return ""
	}
	noteSaysFailed := localAP(localClosed("2026-11-27"), localOutcome(Successful), func(c *Case) {
		c.OutcomeNote = "the first placement failed; this one worked"
	})
	if got := emergency(noteSaysFailed); got != NotApplicable {
		t.Errorf("successful with a note saying failed: emergency review %s, want n/a", got)
	}
	failed := localAP(localClosed("2026-11-27"), localOutcome(Unsuccessful), func(c *Case) {
		c.OutcomeNote = "successful start, then it broke down"
	})
	if got := emergency(failed); got == NotApplicable {
		t.Error("unsuccessful with a cheerful note: the emergency review rule does not apply")
	}
}

// 002 s5.11: the governors' report counts the typed outcome, not the note.
func TestGovernorsCountTheTypedOutcome(t *testing.T) {
	c := Case{Status: Closed, Outcome: Unsuccessful, OutcomeNote: "successful in the end"}
	if got := outcomeClass(c); got != "Unsuccessful" {
		t.Errorf("outcome class %q, want Unsuccessful", got)
	}
	c.Outcome, c.OutcomeNote = NoOutcome, "unsuccessful"
	if got := outcomeClass(c); got != "Not recorded" {
		t.Errorf("no typed outcome, a note saying unsuccessful: class %q, want Not recorded", got)
	}
	c.Outcome = MovedProvision
	if got := outcomeClass(c); got != "Moved to another provision" {
		t.Errorf("outcome class %q", got)
	}
}
