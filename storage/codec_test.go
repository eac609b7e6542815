package storage

import (
	"os"
	"path/filepath"
	"testing"

	"reintegrate/model"
)

func TestSessionsEncoding(t *testing.T) {
	var week [5][2]model.Session
	week[0] = [2]model.Session{{Mode: model.InSchool, Minutes: 150, Partial: true}, {Mode: model.NoSession}}
	week[1] = [2]model.Session{{Mode: model.InSchool}, {Mode: model.Offsite, Minutes: 120, Partial: true}}
	week[2] = [2]model.Session{{Mode: model.Dual}, {Mode: model.LAProvision}}
	week[3] = [2]model.Session{{Mode: model.HomeLearning, Minutes: 60, Partial: true}, {Mode: model.HomeLearning}}
	week[4] = [2]model.Session{{Mode: model.NoSession, Minutes: 0, Partial: true}, {}} // an unset session stays unset
	text := encodeSessions(week)
	want := "school:150,none,school,offsite:120,dual,la_provision,home_learning:60,home_learning,none:0,"
	if text != want {
		t.Errorf("encoded %q, want %q", text, want)
	}
	got, err := decodeSessions(text)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "decoded week", got, week)
	for day := range 5 {
		am, pm, err := sessionsOn(text, day)
		if err != nil {
			t.Fatal(err)
		}
		same(t, model.DayNames[day], [2]model.Session{am, pm}, week[day])
	}
	for _, bad := range []string{"school,none", "school:x,none,school,none,school,none,school,none,school,none"} {
		if _, err := decodeSessions(bad); err == nil {
			t.Errorf("decodeSessions(%q) accepted it", bad)
		}
	}
}

func TestStoredDates(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
	}{
		{"2026-11-02", true},
		{"2024-02-29", true},
		{"", true},
		{"2026-02-30", false},
		{"02/11/2026", false},
		{"2026-11-02T00:00:00Z", false}, // Go's time format must never be stored
		{"2026-1-02", false},
	}
	for _, tt := range tests {
		got, err := parseStoredDate(tt.text)
		if (err == nil) != tt.ok {
			t.Errorf("parseStoredDate(%q) error %v, want ok %v", tt.text, err, tt.ok)
		}
		if err == nil && got.String() != tt.text {
			t.Errorf("parseStoredDate(%q) = %q", tt.text, got)
		}
	}
}

// A folder whose name has spaces, URI characters and accents still opens.
func TestOpenAwkwardPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Pastoral 50% ?#& Zoë")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe())
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not where it was asked to be: %v", err)
	}
}

// Every date column holds YYYY-MM-DD text or NULL, never a Go time.
func TestDatesAreStoredAsText(t *testing.T) {
	s := openTemp(t)
	mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	for _, col := range []struct{ table, column string }{
		{"cases", "start"}, {"cases", "planned_end"}, {"cases", "effective_end"}, {"cases", "consent_signed"},
		{"pupils", "dob"}, {"weeks", "week_beginning"}, {"reviews", "held"}, {"extensions", "new_end"},
	} {
		var bad int
		err := s.reader.QueryRowContext(ctx, "SELECT count(*) FROM "+col.table+" WHERE "+col.column+
			" IS NOT NULL AND (typeof("+col.column+") <> 'text' OR "+col.column+" NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')").Scan(&bad)
		if err != nil || bad != 0 {
			t.Errorf("%s.%s: %d values not YYYY-MM-DD (%v)", col.table, col.column, bad, err)
		}
	}
}
