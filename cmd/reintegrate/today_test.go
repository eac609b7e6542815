package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"reintegrate/model"
)

// runCommand runs the command line in-process, as main would.
func runCommand(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errs)
	return out.String(), errs.String(), code
}

// demoToday runs `today` on a fresh demo database as of on, as text and
// as JSON, and returns both.
func demoToday(t *testing.T, on string) (string, todayReport) {
	t.Helper()
	text, stderr, code := runCommand(t, "--demo", "--on", on, "today")
	if code != exitOK {
		t.Fatalf("today --on %s: exit %d: %s", on, code, stderr)
	}
	js, stderr, code := runCommand(t, "--demo", "--on", on, "today", "--json")
	if code != exitOK {
		t.Fatalf("today --json --on %s: exit %d: %s", on, code, stderr)
	}
	var r todayReport
	dec := json.NewDecoder(strings.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("today --json is not the documented object: %v\n%s", err, js)
	}
	return text, r
}

// The register codes of RULES.md, "Register codes for a session", for a
// pupil of compulsory school age on a school day.
var wantCodes = map[model.Mode][2]string{
	model.InSchool:    {"/", `\`},
	model.Offsite:     {"B", "B"},
	model.Dual:        {"D", "D"},
	model.LAProvision: {"K", "K"},
}

func TestTodayOnASchoolDay(t *testing.T) {
	text, r := demoToday(t, "2026-11-23") // a Monday in term
	if r.On != "2026-11-23" || !r.SchoolDay || r.Closed != "" {
		t.Fatalf("on %q, school day %v, closed %q; want 2026-11-23, a school day", r.On, r.SchoolDay, r.Closed)
	}
	if len(r.Pupils) == 0 || len(r.Duties) == 0 {
		t.Fatalf("the demo has pupils on plans and duties: got %d pupils, %d duties", len(r.Pupils), len(r.Duties))
	}
	wantHeader := fmt.Sprintf("Monday 23/11/2026: a school day  ·  St Aidan's Church of England Academy\n\nON A PLAN TODAY (%d)\n", len(r.Pupils))
	if !strings.HasPrefix(text, wantHeader) {
		t.Errorf("text starts %q, want %q", text[:min(len(text), len(wantHeader))], wantHeader)
	}
	t.Run("sessions get the register codes of RULES.md", func(t *testing.T) {
		for _, p := range r.Pupils {
			if !p.Planned {
				t.Errorf("%s: no week planned, but every demo plan has this week", p.Pupil)
			}
			for half, s := range []todaySession{p.AM, p.PM} {
				if want, ok := wantCodes[s.Mode]; ok && s.Code != want[half] {
					t.Errorf("%s %s: %s gets %q, want %q", p.Pupil, model.Half(half), s.Mode, s.Code, want[half])
				}
				// DESIGN.md, school profile: a full session is am 180, pm 120 minutes.
				if s.Mode == model.InSchool && s.Minutes != [2]int{180, 120}[half] {
					t.Errorf("%s %s: a full session in school is %d min, want %d", p.Pupil, model.Half(half), s.Minutes, [2]int{180, 120}[half])
				}
			}
		}
	})
	t.Run("pupils by name, accents beside their letters, as the text shows them", func(t *testing.T) {
		var names []string
		for _, p := range r.Pupils {
			names = append(names, p.Pupil)
		}
		// STYLE: Łukasz sorts with L, not after Z as byte order would put him.
		lukasz, oliver := slices.Index(names, "Łukasz Nowak"), slices.Index(names, "Oliver O'Brien")
		if lukasz < 0 || oliver < 0 || lukasz > oliver {
			t.Errorf("pupils in order %q: want Łukasz Nowak before Oliver O'Brien", names)
		}
		at := 0
		for _, name := range names {
			i := strings.Index(text[at:], name)
			if i < 0 {
				t.Fatalf("text lists pupils out of the JSON order %q (missing or early: %s)", names, name)
			}
			at += i + len(name)
		}
	})
	t.Run("duties: blockers, overdue, due; earliest first; counted in the text", func(t *testing.T) {
		blockers := 0
		for i, d := range r.Duties {
			if d.Pupil == "" {
				t.Errorf("duty %s of case %d has no pupil name", d.Rule, d.CaseID)
			}
			if d.Severity == model.Blocker {
				blockers++
			} else if d.Status != model.Due && d.Status != model.Overdue {
				t.Errorf("duty %s is %s %s: only due, overdue and blockers are listed", d.Rule, d.Status, d.Severity)
			}
			if i > 0 && compareListed(r.Duties[i-1], d) > 0 {
				t.Errorf("duty %d (%s, %s) is listed after %s, %s", i, d.Rule, d.Status, r.Duties[i-1].Rule, r.Duties[i-1].Status)
			}
		}
		if blockers != r.Blockers {
			t.Errorf("blockers = %d, but %d duties are blockers", r.Blockers, blockers)
		}
		want := fmt.Sprintf("DUE AND OVERDUE (%d, of which %d blockers)", len(r.Duties), r.Blockers)
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
		if strings.Count(text, "(case ") != len(r.Duties) {
			t.Errorf("text lists %d duties, JSON %d", strings.Count(text, "(case "), len(r.Duties))
		}
	})
}

// compareListed orders two listed duties by kind (blocker, overdue, due)
// and then deadline, as the daily list promises.
func compareListed(a, b todayFinding) int {
	rank := func(f todayFinding) int {
		switch {
		case f.Severity == model.Blocker:
			return 0
		case f.Status == model.Overdue:
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	due := func(f todayFinding) string {
		if f.Due == nil {
			return "9999-99-99"
		}
		return *f.Due
	}
	return strings.Compare(due(a), due(b))
}

// On a day the school is shut `today` says so and why; planned sessions
// get the closure code, and a weekend has no sessions at all.
func TestTodayOnADayWithoutSchool(t *testing.T) {
	tests := []struct {
		name, on, why, header string
		code                  string // every planned session's code; "" for none
	}{
		{"weekend", "2026-11-21", "weekend", "Saturday 21/11/2026", ""},
		// The England and Wales bank holidays are embedded (DESIGN.md, Calendar).
		{"bank holiday in term", "2027-05-03", "Early May bank holiday", "Monday 03/05/2027", model.CodeSchoolClosed},
		// The demo school's INSET day after Christmas (its term dates).
		{"INSET day", "2027-01-04", "INSET", "Monday 04/01/2027", model.CodeSchoolClosed},
		// The school's own half term, and Good Friday (embedded), over
		// weeks every demo plan has planned in school.
		{"half term", "2027-02-16", "February half term", "Tuesday 16/02/2027", model.CodeSchoolClosed},
		{"Good Friday", "2027-03-26", "Good Friday", "Friday 26/03/2027", model.CodeSchoolClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, r := demoToday(t, tt.on)
			if r.SchoolDay || r.Closed != tt.why {
				t.Errorf("school day %v, closed %q; want not a school day, %q", r.SchoolDay, r.Closed, tt.why)
			}
			want := tt.header + ": NOT a school day (" + tt.why + "), no register to take"
			if !strings.HasPrefix(text, want) {
				t.Errorf("text starts %q, want %q", strings.SplitN(text, "\n", 2)[0], want)
			}
			if len(r.Pupils) == 0 {
				t.Fatal("the demo's plans run over this day; no pupils listed")
			}
			for _, p := range r.Pupils {
				if p.Planned != (tt.code != "") || p.AM.Code != tt.code || p.PM.Code != tt.code {
					t.Errorf("%s: planned %v, codes %q %q; want %q", p.Pupil, p.Planned, p.AM.Code, p.PM.Code, tt.code)
				}
				// The school is shut: no session, whatever the week holds.
				for half, s := range []todaySession{p.AM, p.PM} {
					if p.Planned && (s.Mode != model.NoSession || s.Minutes != 0) {
						t.Errorf("%s %s: %s %d min on a day the school is shut, want none, 0 min", p.Pupil, model.Half(half), s.Mode, s.Minutes)
					}
				}
			}
			table, _, _ := strings.Cut(text, "DUE AND OVERDUE")
			for _, word := range []string{"in school", "home learning", "off-site", "dual reg.", "LA provision", "not in", " min "} {
				if strings.Contains(table, word) {
					t.Errorf("the day's list says %q on a day the school is shut:\n%s", word, table)
				}
			}
			if tt.code != "" && strings.Count(table, "school shut  "+tt.code) != 2*len(r.Pupils) {
				t.Errorf("want every session \"school shut  %s\":\n%s", tt.code, table)
			}
			// A duty of an active case whose plan does not run that day
			// (Łukasz's, on the Saturday) still names the pupil.
			for _, d := range r.Duties {
				if d.Pupil == "" || !strings.Contains(text, d.Pupil+" (case "+fmt.Sprint(d.CaseID)+")") {
					t.Errorf("duty %s of case %d: pupil %q not named in the list", d.Rule, d.CaseID, d.Pupil)
				}
			}
			if tt.code == "" && (!strings.Contains(text, "weekend: no sessions") || strings.Contains(text, "no timetable for this week")) {
				t.Errorf("a weekend should say there are no sessions, not that no week is planned:\n%s", text)
			}
		})
	}
}

// Bad input names the field and says what to type (exit 2, DESIGN.md).
func TestTodayRefusesABadDate(t *testing.T) {
	for _, on := range []string{"31/02/2026", "tomorrow", "2026-13-01"} {
		out, stderr, code := runCommand(t, "--demo", "--on", on, "today")
		if code != exitUsage || out != "" || !strings.Contains(stderr, "--on") {
			t.Errorf("--on %s: exit %d, stdout %q, stderr %q; want exit 2 naming --on", on, code, out, stderr)
		}
	}
}
