package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reintegrate/storage"
	"strings"
	"testing"
)

// Issue 7 part 5: encrypted exports and backups (age, passphrase).

const testPassphrase = "correct horse battery staple"

// fastScrypt makes each encryption cost milliseconds, not a second, and
// gives the passphrase the way a script would.
func fastScrypt(t *testing.T) {
	t.Helper()
	old := scryptWorkFactor
	scryptWorkFactor = 10
	t.Cleanup(func() { scryptWorkFactor = old })
	t.Setenv(passphraseEnv, testPassphrase)
}

// wantSealed checks an encrypted file: age's header, 0600, and none of the
// child's details or SQLite's header readable in it.
func wantSealed(t *testing.T, path string, secrets ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !isEncrypted(data) {
		t.Errorf("%s does not start with the age header: %q", filepath.Base(path), data[:min(len(data), 30)])
	}
	for _, s := range secrets {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%s holds %q in the clear", filepath.Base(path), s)
		}
	}
	wantMode(t, path, 0o600)
}

func TestEncryptedBackupRestores(t *testing.T) {
	fastScrypt(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the plain copy is made, to see it go
	dir := t.TempDir()
	db := "--db=" + filepath.Join(dir, "school.db")
	mustRun(t, db, "import", fixture("good/design-example.json"))
	backup := filepath.Join(dir, "backup.db.age")
	mustRun(t, db, "backup", "--encrypt", backup)
	wantSealed(t, backup, "Sam Taylor", "A123456789012", "SQLite format 3")
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the temporary folder still holds %v: a plain copy was left behind", left[0].Name())
	}
	if r := runCLI(t, db, "backup", "--encrypt", backup); r.code != exitUsage || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q; want 2, never overwritten", r.code, r.stderr)
	}

	mustRun(t, db, "import", fixture("good/havering-ap-reintegration.json"))
	t.Setenv(passphraseEnv, "not the passphrase at all")
	r := runCLI(t, db, "restore", backup)
	if r.code != exitUsage || !strings.Contains(r.stderr, "passphrase does not open") {
		t.Errorf("restore with a wrong passphrase: exit %d, %q; want 2 saying so", r.code, r.stderr)
	}
	if got := casesJSON(t, db, "--all"); len(got) != 2 {
		t.Errorf("a refused restore changed the database: %d cases, want 2", len(got))
	}
	t.Setenv(passphraseEnv, testPassphrase)
	mustRun(t, db, "restore", backup)
	if got := casesJSON(t, db, "--all"); len(got) != 1 || got[0].Pupil != "Sam Taylor" {
		t.Errorf("after restoring the encrypted backup: %+v, want Sam Taylor's case alone", got)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("restore left %v in the temporary folder", left[0].Name())
	}
	// The audit log names the backup restored, not the plain copy made of it.
	s, err := storage.Open(context.Background(), filepath.Join(dir, "school.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entries, err := s.Audit(context.Background(), "database", 0)
	if err != nil || len(entries) == 0 || entries[len(entries)-1].Action != "restore" {
		t.Fatalf("audit of the database: %+v, %v; want the restore last", entries, err)
	}
	var after struct{ From string }
	if err := json.Unmarshal(entries[len(entries)-1].After, &after); err != nil || after.From != backup {
		t.Errorf("the restore's audit row says it was from %q (%v), want %q", after.From, err, backup)
	}
}

func TestEncryptedExportImports(t *testing.T) {
	fastScrypt(t)
	first, second := newDB(t), newDB(t)
	mustRun(t, first, "import", fixture("good/design-example.json"))
	plain := mustRun(t, first, "export", "1", "--format", "json")
	sealed := filepath.Join(t.TempDir(), "sam.json.age")
	mustRun(t, first, "export", "1", "--encrypt", "-o", sealed)
	wantSealed(t, sealed, "Sam Taylor", "A123456789012", "reintegrate/case@1")

	t.Setenv(passphraseEnv, "Sam Taylor's birthday")
	if r := runCLI(t, second, "import", sealed); r.code != exitUsage || !strings.Contains(r.stderr, "passphrase does not open") {
		t.Errorf("import with a wrong passphrase: exit %d, %q; want 2 saying so", r.code, r.stderr)
	}
	t.Setenv(passphraseEnv, testPassphrase)
	mustRun(t, second, "import", sealed)
	if again := mustRun(t, second, "export", "1", "--format", "json"); again != plain {
		t.Errorf("the case after an encrypted round trip differs:\n%s\n----\n%s", again, plain)
	}

	pdf := filepath.Join(t.TempDir(), "forms.pdf.age")
	mustRun(t, first, "export", "1", "--format", "pdf", "--encrypt", "-o", pdf)
	wantSealed(t, pdf, "%PDF")
}

func TestEncryptionRefusals(t *testing.T) {
	fastScrypt(t)
	db := newDB(t)
	mustRun(t, db, "import", fixture("good/design-example.json"))
	sealed := filepath.Join(t.TempDir(), "sam.json.age")
	mustRun(t, db, "export", "1", "--encrypt", "-o", sealed)
	data, _ := os.ReadFile(sealed)
	cut := filepath.Join(t.TempDir(), "cut.json.age")
	if err := os.WriteFile(cut, data[:len(data)-20], 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, env string
		args      []string
		says      string
	}{
		{"a short passphrase", "swordfish", []string{"export", "1", "--encrypt", "-o", filepath.Join(t.TempDir(), "x.age")}, "at least 10"},
		{"a file cut short", testPassphrase, []string{"import", cut}, "damaged"},
		{"no passphrase and no terminal", "", []string{"import", sealed}, passphraseEnv},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env == "" {
				os.Unsetenv(passphraseEnv) // restored by t.Setenv's cleanup
			} else {
				t.Setenv(passphraseEnv, tt.env)
			}
			r := runCLI(t, append([]string{db}, tt.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("exit %d, %q; want 2 saying %q", r.code, r.stderr, tt.says)
			}
		})
	}
}

// Asked twice when encrypting, so a slip does not lock the school out.
func TestConfirmPassphrase(t *testing.T) {
	readErr := errors.New("the terminal went away")
	tests := []struct {
		name    string
		answers []string
		err     error
		want    string // "" when refused
		says    string
	}{
		{"the same twice", []string{testPassphrase, testPassphrase}, nil, testPassphrase, ""},
		{"accents count as characters", []string{"Zoë Łukasz", "Zoë Łukasz"}, nil, "Zoë Łukasz", ""},
		{"different the second time", []string{testPassphrase, testPassphrase + "!"}, nil, "", "differ"},
		{"too short", []string{"Zoë", "Zoë"}, nil, "", "at least 10"},
		{"the terminal fails", nil, readErr, "", "cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := 0
			got, err := confirmPassphrase(func(prompt string) ([]byte, error) {
				if tt.err != nil {
					return nil, tt.err
				}
				asked++
				return []byte(tt.answers[asked-1]), nil
			})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.says == "" && (err != nil || asked != 2) {
				t.Errorf("error %v after %d questions; want none after 2", err, asked)
			}
			if tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says) || exitCode(err) != exitUsage) {
				t.Errorf("error %v, want exit 2 saying %q", err, tt.says)
			}
		})
	}
}
