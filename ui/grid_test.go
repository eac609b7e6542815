package ui

import (
	"errors"
	"strings"
	"testing"

	"reintegrate/model"
)

func TestNextModeCyclesEveryMode(t *testing.T) {
	// The grid's space key visits the six modes of DESIGN.md in order and
	// comes back round.
	m := model.InSchool
	seen := map[model.Mode]bool{}
	for range model.Modes {
		seen[m] = true
		m = nextMode(m)
	}
	if m != model.InSchool || len(seen) != len(model.Modes) {
		t.Fatalf("cycle ended on %q after visiting %d modes, want school after %d", m, len(seen), len(model.Modes))
	}
}

func TestSetMinutes(t *testing.T) {
	tests := []struct {
		name    string
		mode    model.Mode
		minutes int
		partial bool
		wantErr string
	}{
		// DESIGN.md: a partial session has its own minutes; a full one takes the school's.
		{"part session", model.InSchool, 90, true, ""},
		{"the full length makes it full again", model.InSchool, 180, false, ""},
		{"home learning keeps its minutes (shown, not counted)", model.HomeLearning, 60, true, ""},
		{"longer than the school's session", model.InSchool, 181, false, "from 0 to 180"},
		{"negative", model.Offsite, -5, false, "from 0 to 180"},
		{"no session has no minutes", model.NoSession, 60, false, "mode first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := emptyWeek(date("2026-11-02"))
			w.Days[1][model.AM].Mode = tt.mode
			err := setMinutes(&w, slot{1, model.AM}, tt.minutes, 180)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "minutes:") {
					t.Fatalf("err = %v, want one naming the field and saying %q", err, tt.wantErr)
				}
				return
			}
			got := w.Days[1][model.AM]
			if err != nil || got.Partial != tt.partial || (tt.partial && got.Minutes != tt.minutes) {
				t.Fatalf("session = %+v, err %v; want partial %v with %d minutes", got, err, tt.partial, tt.minutes)
			}
		})
	}
}

func TestStepUp(t *testing.T) {
	cal := testSchool().Calendar()
	tests := []struct {
		name      string
		from      model.Week
		end       string
		wantAdded int
		wantNext  []string // the next week's sessions, Monday am first
	}{
		// 002 s5.7: a clear path from part time to full time within the
		// plan; 5 empty afternoons over 5 weeks left is one a week.
		{"mornings, five weeks left", mornings("2026-11-09"), "2026-12-18", 1,
			[]string{"S", "S", "S", "-", "S", "-", "S", "-", "S", "-"}},
		// One week left: everything missing is filled, so the last week is full time.
		{"last week of the plan", mornings("2026-11-09"), "2026-11-20", 5,
			[]string{"S", "S", "S", "S", "S", "S", "S", "S", "S", "S"}},
		// Part sessions become full before empty ones are filled.
		{"part sessions first", week("2026-11-09", "S90", "-", "S90", "-", "S", "-", "S", "-", "S", "-"), "2026-12-04", 3,
			[]string{"S", "S", "S", "-", "S", "-", "S", "-", "S", "-"}},
		// A bank holiday or INSET day gains nothing: Friday 06/11/2026 is INSET.
		{"short week", mornings("2026-10-26"), "2026-11-06", 4,
			[]string{"S", "S", "S", "S", "S", "S", "S", "S", "S", "-"}},
		// The plan ends on Wednesday 18/11/2026: Thursday and Friday are
		// after it, no sessions of the plan, so they gain nothing.
		{"the plan ends on the Wednesday", mornings("2026-11-09"), "2026-11-18", 3,
			[]string{"S", "S", "S", "S", "S", "S", "S", "-", "S", "-"}},
		{"already full", fullWeek("2026-11-09"), "2026-12-18", 0,
			[]string{"S", "S", "S", "S", "S", "S", "S", "S", "S", "S"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weeks, i, added := stepUp([]model.Week{tt.from}, 0, model.PlanDates{End: date(tt.end)}, cal)
			if added != tt.wantAdded || len(weeks) != 2 || i != 1 {
				t.Fatalf("added %d sessions, %d weeks, next at %d; want %d added, 2 weeks, next at 1", added, len(weeks), i, tt.wantAdded)
			}
			if got := letters(weeks[1]); strings.Join(got, " ") != strings.Join(tt.wantNext, " ") {
				t.Fatalf("next week = %v, want %v", got, tt.wantNext)
			}
			if !weeks[1].WeekBeginning.Equal(tt.from.WeekBeginning.AddDays(7)) {
				t.Fatalf("next week begins %s, want the Monday after %s", weeks[1].WeekBeginning, tt.from.WeekBeginning)
			}
		})
	}
}

// letters is a week as the test table writes it.
func letters(w model.Week) []string {
	var out []string
	for d := range 5 {
		for h := range 2 {
			out = append(out, modeLetter(w.Days[d][h].Mode))
		}
	}
	return out
}

func TestCopyForwardReplacesOrAdds(t *testing.T) {
	weeks := []model.Week{mornings("2026-11-02"), fullWeek("2026-11-09")}
	weeks, i := copyForward(weeks, 0)
	if i != 1 || letters(weeks[1])[1] != "-" || len(weeks) != 2 {
		t.Fatalf("copying onto a planned week: %d weeks, at %d, Mon pm %q; want it replaced", len(weeks), i, letters(weeks[1])[1])
	}
	weeks, i = copyForward(weeks, 1)
	if i != 2 || len(weeks) != 3 || !weeks[2].WeekBeginning.Equal(date("2026-11-16")) {
		t.Fatalf("copying past the last week: %d weeks, at %d; want a third week on 16/11/2026", len(weeks), i)
	}
}

func TestAddWeek(t *testing.T) {
	start, end := date("2026-11-02"), date("2026-11-27")
	tests := []struct {
		name       string
		weeks      []model.Week
		wantMonday string
		wantInPlan bool
	}{
		// timetable.covers-plan (000; 002 appendix 1): fill the gap first.
		{"a gap in the plan", []model.Week{mornings("2026-11-02"), mornings("2026-11-16")}, "2026-11-09", true},
		{"none yet", nil, "2026-11-02", true},
		{"every week planned", []model.Week{mornings("2026-11-02"), mornings("2026-11-09"),
			mornings("2026-11-16"), mornings("2026-11-23")}, "2026-11-30", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weeks, i, inPlan := addWeek(tt.weeks, start, end)
			if i < 0 || !weeks[i].WeekBeginning.Equal(date(tt.wantMonday)) || inPlan != tt.wantInPlan {
				t.Fatalf("added at %d (%v), in plan %v; want %s, in plan %v", i, weeks, inPlan, tt.wantMonday, tt.wantInPlan)
			}
			for j := 1; j < len(weeks); j++ {
				if !weeks[j-1].WeekBeginning.Before(weeks[j].WeekBeginning) {
					t.Fatalf("weeks out of order: %s then %s", weeks[j-1].WeekBeginning, weeks[j].WeekBeginning)
				}
			}
		})
	}
	if _, i, _ := addWeek(nil, model.Date{}, model.Date{}); i != -1 {
		t.Fatalf("a plan with no start gained a week at %d", i)
	}
}

// gridOf opens the timetable grid of the first case on Today (Sam Taylor).
func gridOf(t *testing.T) *driver {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t")
	d.mustSee("Timetable", "02/11/2026")
	return d
}

func TestGridEditChangesHours(t *testing.T) {
	// Week of 02/11/2026: Friday is INSET (4 school days, threshold
	// 24 x 4/5 = 19.2 h). Mon pm to school adds 2 h: 14 h becomes 16 h.
	d := gridOf(t)
	d.mustSee("    14  19.2  73%")
	d.keys("right", "i")
	d.mustSee("    16  19.2  83%", "UNSAVED", "Mon 02/11/2026 pm: in school, 120 of 120 min", "register code \\")
	d.keys("z")
	d.mustSee("    14  19.2  73%")
}

func TestGridModesByLetter(t *testing.T) {
	tests := []struct {
		key, code, label string
	}{
		// RULES.md register codes: B off-site, D dual, K LA provision,
		// C2 not required (compulsory school age; Sam is 13).
		{"b", "register code B", "approved off-site (B)"},
		{"d", "register code D", "dual registered elsewhere (D)"},
		{"v", "register code K", "LA-arranged provision (K)"},
		{"w", "register code C2", "home learning"},
		{"0", "register code C2", "no session"},
		{"i", "register code /", "in school"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			d := gridOf(t)
			d.keys(tt.key)
			d.mustSee(tt.code, tt.label)
		})
	}
}

func TestGridMinutesPrompt(t *testing.T) {
	d := gridOf(t)
	d.keys("m", "backspace", "backspace", "backspace", "90", "enter")
	// 180 min became 90: 14 h becomes 12.5 h, and the cell is a small letter.
	d.mustSee("  12.5  19.2  65%", "[s]", "90 of 180 min, part session")
	d.keys("m", "backspace", "backspace", "abc", "enter")
	d.mustSee("Minutes: type a whole number from 0 to 180")
	d.keys("esc")
	d.mustNotSee("Minutes for this session")
}

func TestGridClosedDayAndLastWeek(t *testing.T) {
	d := gridOf(t)
	for range 8 {
		d.keys("right")
	}
	// 002 s6 / RULES.md: a planned closure takes # and does not count;
	// it has no session, so it says nothing of one.
	d.mustSee("Fri 06/11/2026 am: school shut (INSET) · no session, not counted")
	d.mustNotSee("in school, 180 of 180 min")
	d.keys("down", "down", "down", "down", "down")
	for range 10 {
		d.keys("0")
		d.keys("right")
	}
	// Emptying the last week: it says so in words, not only in colour.
	d.mustSee("LAST: below", "LAST WEEK NOT FULL TIME")
}

func TestGridCopyStepAddRemove(t *testing.T) {
	d := gridOf(t)
	d.keys("down", ">")
	d.mustSee("Copied the week of 09/11/2026 to 16/11/2026")
	d.keys("u")
	d.mustSee("Stepped up: the week of 23/11/2026")
	d.keys("delete")
	d.mustSee("Remove the week of 23/11/2026 from the plan?")
	d.keys("y")
	d.mustSee("Removed the week of 23/11/2026")
	d.keys("o")
	d.mustSee("Added the week of 23/11/2026.")
}

func TestGridSaveAndConflict(t *testing.T) {
	d := gridOf(t)
	d.keys("right", "i", "ctrl+s")
	d.mustSee("Saved.")
	if d.store.saves != 1 || d.store.lastSave.Timetable[0].Days[0][model.PM].Mode != model.InSchool {
		t.Fatalf("saves = %d, Mon pm = %q; want one save with Mon pm in school", d.store.saves, d.store.lastSave.Timetable[0].Days[0][model.PM].Mode)
	}
	d.mustNotSee("UNSAVED")
	// Someone else saves the case: the next save is refused, and says so.
	d.store.mu.Lock()
	d.store.cases[d.store.lastSave.ID].version += 5
	d.store.mu.Unlock()
	d.keys("right", "b", "ctrl+s")
	d.mustSee("Not saved: this case was changed elsewhere", "UNSAVED")
}

func TestGridLeaveAsksFirst(t *testing.T) {
	tests := []struct {
		answer    string
		wantSaves int
		wantSee   string
	}{
		{"y", 1, "Timetable saved."},
		{"n", 0, "Timetable changes discarded."},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			d := gridOf(t)
			d.keys("right", "i", "esc")
			d.mustSee("Save the timetable changes?")
			d.keys(tt.answer)
			d.mustSee(tt.wantSee, "1 Overview")
			if d.store.saves != tt.wantSaves {
				t.Fatalf("saves = %d, want %d", d.store.saves, tt.wantSaves)
			}
		})
	}
}

func TestGridSaveErrorIsShown(t *testing.T) {
	d := gridOf(t)
	d.store.saveErr = errors.New("save case 1: disk full: free some space and try again")
	d.keys("right", "i", "ctrl+s")
	d.mustSee("Not saved: save case 1: disk full")
}
