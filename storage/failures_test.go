package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/model"
)

// A full disk (simulated with max_page_count, which makes SQLite report
// SQLITE_FULL as a full disk would) gives a clear error and leaves nothing
// half-saved: the case, its weeks and its audit row go in together or not
// at all.
func TestFullDiskSavesNothing(t *testing.T) {
	s := openTemp(t)
	p := savePupil(t, s, pupilZoe())
	c := mustCreateCase(t, s, fullCase(p))
	var pages int
	if err := s.writer.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	setMaxPages(t, s, pages+1)
	tables := []string{"cases", "weeks", "reviews", "forms", "audit"}
	before := make(map[string]int)
	for _, table := range tables {
		before[table] = count(t, s, table)
	}

	// Each note within its limit (model.MaxNoteLength), many of them.
	note := strings.Repeat("The review went on at length. ", 666)
	big := fullCase(p)
	for range 6 {
		big.Reviews = append(big.Reviews, model.Review{Notes: note})
	}
	err := s.CreateCase(ctx, &big)
	wantErr(t, err, ErrFull, "is full: nothing was saved", s.Path())

	edited := c
	edited.HomeLearning = strings.Repeat("Work set daily. ", 1250)
	for range 6 {
		edited.Reviews = append(edited.Reviews, model.Review{Notes: note})
	}
	_, err = s.SaveCase(ctx, edited, 1)
	wantErr(t, err, ErrFull, "is full")

	for _, table := range tables {
		if n := count(t, s, table); n != before[table] {
			t.Errorf("%s went from %d to %d rows after failed writes", table, before[table], n)
		}
	}
	got, version, err := s.Case(ctx, c.ID)
	if err != nil || version != 1 {
		t.Fatalf("case after failed save: version %d, %v", version, err)
	}
	same(t, "case after failed save", got, c)

	// Space is freed: the same connection saves again.
	setMaxPages(t, s, 1<<30)
	if _, err := s.SaveCase(ctx, edited, 1); err != nil {
		t.Fatalf("save after space was freed: %v", err)
	}
}

func setMaxPages(t *testing.T, s *Store, n int) {
	t.Helper()
	// The write pool has one connection, so the setting sticks to it.
	if _, err := s.writer.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", n)); err != nil {
		t.Fatal(err)
	}
}

// filled makes a closed database with enough pupils and cases to span many
// pages, and returns its path.
func filled(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reintegrate.db")
	s := openAt(t, path)
	var pupils []model.Pupil
	for i := range 400 {
		pupils = append(pupils, model.Pupil{Name: fmt.Sprintf("Zoë Pupil %03d", i), YearGroup: "Y8", UPN: testUPN(i)})
	}
	if _, err := s.ImportPupils(ctx, pupilRows(pupils), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		p, _ := s.PupilByUPN(ctx, testUPN(i))
		mustCreateCase(t, s, fullCase(p))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// quick_check on open catches a damaged file and says how to recover.
func TestDamagedFileIsRefused(t *testing.T) {
	path := filled(t)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		from, to int
	}{
		{"pages in the middle", len(good)/2 - 4096, len(good)/2 + 8192},
		{"the header", 0, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := append([]byte(nil), good...)
			for i := tt.from; i < tt.to; i++ {
				bad[i] = byte(0xA5 ^ i)
			}
			damagedPath := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(damagedPath, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, damagedPath, testOptions())
			if err == nil {
				s.Close()
			}
			if tt.from == 0 { // nothing left says it is a database: it may be any file
				wantErr(t, err, ErrNotOurs, damagedPath+" is not a reintegrate database (it looks like binary data",
					"if it was your database, its start is damaged: restore a backup with `reintegrate restore FILE`")
				return
			}
			wantErr(t, err, ErrDamaged, "the database at "+damagedPath+" is damaged:",
				"; restore a backup with `reintegrate restore FILE`")
		})
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reintegrate.db")
	s := openAt(t, path)
	if _, err := s.writer.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(ctx, path, testOptions())
	wantErr(t, err, ErrNewerSchema)
	want := fmt.Sprintf("this database was written by a newer reintegrate (schema 99, this one knows %d): update reintegrate", SchemaVersion())
	if err != nil && err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestSharedFolderIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "OneDrive - Oak Academy Trust", "Pastoral")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "reintegrate.db")
	_, err := Open(ctx, path, testOptions())
	wantErr(t, err, ErrSharedFolder, "OneDrive - Oak Academy Trust, a cloud-synced folder",
		"two people could corrupt the record", "--allow-shared-folder")
	if _, statErr := os.Stat(path); !errors.Is(statErr, fs.ErrNotExist) {
		t.Errorf("the refused database was created anyway")
	}
	opt := testOptions()
	opt.AllowSharedFolder = true
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("with AllowSharedFolder: %v", err)
	}
	s.Close()
}

func TestCloudFolderNames(t *testing.T) {
	tests := []struct {
		dir    string
		shared bool
	}{
		{`/home/rkhan/OneDrive - Oak Academy Trust/Pastoral`, true},
		{`C:\Users\rkhan\OneDrive\Documents`, true},
		{`/Users/rkhan/Library/Mobile Documents/com~apple~CloudDocs`, true},
		{`/Users/rkhan/Library/CloudStorage/GoogleDrive-rkhan@school.org/My Drive`, true},
		{`/home/rkhan/Dropbox (Personal)`, true},
		{`G:\My Drive\reintegrate`, true},
		{`/home/rkhan/.local/share/reintegrate`, false},
		{`C:\Users\rkhan\AppData\Local\reintegrate`, false},
		{`/home/driver/Documents`, false},
	}
	for _, tt := range tests {
		if _, shared := cloudFolder(tt.dir); shared != tt.shared {
			t.Errorf("cloudFolder(%q) = %v, want %v", tt.dir, shared, tt.shared)
		}
	}
}

func TestOpenRefusesAFolderOrAMissingFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(ctx, dir, testOptions())
	wantErr(t, err, nil, "that is a folder", "reintegrate.db")
	_, err = Open(ctx, filepath.Join(dir, "no such folder", "reintegrate.db"), testOptions())
	wantErr(t, err, nil, "does not exist", "--db")
}
