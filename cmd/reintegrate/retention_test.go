package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// closedFile is design-example.json as a closed case of a pupil born on dob.
func closedFile(t *testing.T, name, upn, dob string) string {
	return caseFile(t, func(doc map[string]any) {
		p := pupilOf(doc)
		p["name"], p["upn"], p["date_of_birth"] = name, upn, dob
		c := doc["case"].(map[string]any)
		c["status"], c["closed"], c["outcome"] = "closed", "2026-12-18", "returned to full time"
		c["start"] = "2026-11-03" // a day after design-example's own, so both can be one pupil's
	})
}

// Issue 7 part 7; IRMS toolkit: a pupil's record is kept until date of
// birth + 25 years, then reviewed. Listed from that day, never before, and
// never deleted.
func TestRetentionListsClosedCasesPastThePeriod(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", closedFile(t, "Zoë Clarke", "A123456789012", "2013-04-02"))
	mustRun(t, db, "import", closedFile(t, "Nguyễn Văn An", "P123456789013", "2013-04-03"))
	mustRun(t, db, "import", fixture("good/worcestershire-ap-reintegration.json")) // active: never listed
	tests := []struct {
		on   string
		want []string
	}{
		{"2038-04-01", nil},
		{"2038-04-02", []string{"Zoë Clarke"}},
		{"2038-04-03", []string{"Zoë Clarke", "Nguyễn Văn An"}},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			out := mustRun(t, db, "retention", "--json", "--on", tt.on)
			var rows []retentionRow
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatalf("retention --json: %v\n%s", err, out)
			}
			var names []string
			for _, r := range rows {
				names = append(names, r.Pupil)
				if r.Closed != "2026-12-18" || !strings.HasPrefix(r.KeepUntil, "2038-04-0") {
					t.Errorf("%s: closed %s, kept until %s", r.Pupil, r.Closed, r.KeepUntil)
				}
			}
			if strings.Join(names, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("listed %v, want %v", names, tt.want)
			}
		})
	}
	text := mustRun(t, db, "retention", "--on", "2040-01-01")
	for _, want := range []string{"2 closed cases", "nothing has been deleted", "Zoë Clarke", "02/04/2038"} {
		if !strings.Contains(text, want) {
			t.Errorf("retention does not say %q:\n%s", want, text)
		}
	}
	if got := casesJSON(t, db, "--all"); len(got) != 3 {
		t.Errorf("%d cases after listing, want 3: nothing is deleted", len(got))
	}
	if none := mustRun(t, db, "retention", "--on", "2030-01-01"); !strings.Contains(none, "No closed case") {
		t.Errorf("with nothing due: %q", none)
	}
}
