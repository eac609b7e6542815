package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/storage"
)

// Issue 7 part 7: a subject access copy holds everything about one child,
// nothing about another, and the audit log records that it was made.

// twoPupils is a database with Sam Taylor's two cases and Łukasz Nowak's one.
func twoPupils(t *testing.T) (db, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "school.db")
	db = "--db=" + path
	mustRun(t, db, "import", fixture("good/design-example.json"))
	mustRun(t, db, "import", fixture("good/worcestershire-ap-reintegration.json"))
	mustRun(t, db, "import", closedFile(t, "Sam Taylor", "A123456789012", "2013-04-02"))
	return db, path
}

// subjectAccessEntries counts the audit log's subject-access entries for a pupil.
func subjectAccessEntries(t *testing.T, path string, pupil int64) int {
	t.Helper()
	s, err := storage.Open(context.Background(), path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	trail, err := s.Audit(context.Background(), "pupil", pupil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range trail {
		if e.Action == "subject-access" {
			n++
		}
	}
	return n
}

func TestSubjectAccessJSONHoldsEveryCaseOfThePupilAndNoOther(t *testing.T) {
	db, path := twoPupils(t)
	out := filepath.Join(t.TempDir(), "sam.json")
	mustRun(t, db, "export", "--pupil", "1", "--format", "json", "-o", out, asOf)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, out, 0o600)
	var doc struct {
		Format string `json:"format"`
		Pupil  struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"pupil"`
		Cases []struct {
			ID       int64           `json:"id"`
			CaseFile json.RawMessage `json:"case_file"`
		} `json:"cases"`
		Audit []struct {
			Entity   string `json:"entity"`
			EntityID int64  `json:"entity_id"`
			Action   string `json:"action"`
		} `json:"audit"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range doc.Cases {
		ids = append(ids, c.ID)
		if !strings.Contains(string(c.CaseFile), `"reintegrate/case@1"`) || !strings.Contains(string(c.CaseFile), `"notifications"`) {
			t.Errorf("case %d is not a whole case file", c.ID)
		}
	}
	if doc.Format != subjectAccessFormat || doc.Pupil.Name != "Sam Taylor" || len(ids) != 2 || ids[0] != 1 || ids[1] != 3 {
		t.Errorf("format %q, pupil %q, cases %v; want %s, Sam Taylor, [1 3]", doc.Format, doc.Pupil.Name, ids, subjectAccessFormat)
	}
	if strings.Contains(string(data), "Łukasz") || strings.Contains(string(data), "Nowak") {
		t.Error("Sam Taylor's copy holds another pupil's details")
	}
	audited := map[string]bool{}
	for _, e := range doc.Audit {
		audited[e.Entity+" "+e.Action] = true
		if e.Entity == "case" && e.EntityID == 2 {
			t.Error("the audit trail holds another pupil's case")
		}
	}
	if !audited["pupil import"] || !audited["case import"] {
		t.Errorf("the audit trail %v lacks the imports", audited)
	}
	if n := subjectAccessEntries(t, path, 1); n != 1 {
		t.Errorf("%d subject-access entries in the audit log, want 1", n)
	}
	if n := subjectAccessEntries(t, path, 2); n != 0 {
		t.Errorf("the other pupil has %d subject-access entries, want 0", n)
	}
}

func TestSubjectAccessPDFAndByUPN(t *testing.T) {
	db, path := twoPupils(t)
	out := filepath.Join(t.TempDir(), "sam.pdf")
	mustRun(t, db, "export", "--pupil", "A123456789012", "--format", "pdf", "-o", out, asOf)
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("not a PDF (%v): %.20q", err, data)
	}
	if n := subjectAccessEntries(t, path, 1); n != 1 {
		t.Errorf("%d subject-access entries after the PDF, want 1", n)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: the PDF's text is not read")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sam Taylor", "Case 1", "Case 3", "Audit trail", "import"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
	if strings.Contains(string(text), "Nowak") {
		t.Error("Sam Taylor's PDF holds another pupil's name")
	}
}

func TestSubjectAccessRefusals(t *testing.T) {
	db, path := twoPupils(t)
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"no such pupil", []string{"--pupil", "99"}, "no pupil"},
		{"no such UPN", []string{"--pupil", "Z999999999999"}, "no pupil"},
		{"a case and a pupil", []string{"1", "--pupil", "1"}, "not both"},
		{"one form", []string{"--pupil", "1", "--form", "bwmat.plan"}, "--form"},
		{"a format we do not make", []string{"--pupil", "1", "--format", "docx"}, "--format"},
		{"neither case nor pupil", nil, "--pupil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db, "export"}, tt.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("exit %d, %q; want 2 saying %q", r.code, r.stderr, tt.says)
			}
		})
	}
	t.Setenv(passphraseEnv, "short")
	sealed := filepath.Join(t.TempDir(), "sam.json.age")
	if r := runCLI(t, db, "export", "--pupil", "1", "--encrypt", "-o", sealed); r.code != exitUsage {
		t.Errorf("a short passphrase: exit %d, want 2", r.code)
	}
	if n := subjectAccessEntries(t, path, 1); n != 0 {
		t.Errorf("%d subject-access entries after refusals, want 0: no copy was made", n)
	}
}

func TestSubjectAccessEncrypted(t *testing.T) {
	fastScrypt(t)
	db, path := twoPupils(t)
	sealed := filepath.Join(t.TempDir(), "sam.json.age")
	mustRun(t, db, "export", "--pupil", "1", "--encrypt", "-o", sealed)
	wantSealed(t, sealed, "Sam Taylor", "A123456789012", subjectAccessFormat)
	s, err := storage.Open(context.Background(), path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	trail, err := s.Audit(context.Background(), "pupil", 1)
	if err != nil {
		t.Fatal(err)
	}
	var made storage.SubjectAccessMade
	last := trail[len(trail)-1]
	if err := json.Unmarshal(last.After, &made); err != nil {
		t.Fatal(err)
	}
	want := storage.SubjectAccessMade{Format: "json", Cases: 2, File: sealed, Encrypted: true}
	if last.Action != "subject-access" || made != want {
		t.Errorf("the audit log says %s %+v, want subject-access %+v", last.Action, made, want)
	}
}

// The JSON the commands print keeps text as typed: "&" stays "&" in the
// case files inside the subject access copy, as in the case file itself.
// (The audit entries it carries are the log's stored JSON, unchanged.)
func TestJSONKeepsTextAsTyped(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", caseFile(t, func(doc map[string]any) {
		doc["case"].(map[string]any)["named_person"] = "Mrs A Khan & Mr B Lee <pastoral>"
	}))
	exported := mustRun(t, db, "export", "1", "--format", "json")
	subject := mustRun(t, db, "export", "--pupil", "1", "--format", "json", asOf)
	for name, out := range map[string]string{"case file": exported, "subject access copy": subject} {
		if !strings.Contains(out, `"named_person": "Mrs A Khan & Mr B Lee <pastoral>"`) {
			t.Errorf("the %s does not keep the named person as typed", name)
		}
	}
}

// A subject access copy holds the whole record of a review and a closure:
// who took part, the views and decisions, a review struck out and why,
// the typed outcome with its note, who closed the plan and the blockers
// it was closed over.
func TestSubjectAccessHoldsReviewsAndTheClosure(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", fixture("good/worcestershire-reviews-closed.json"))
	out := mustRun(t, db, "export", "--pupil", "1", "--format", "md", asOf)
	for _, want := range []string{"Likes science; finds lunchtimes hard.", "Wants a later start on Mondays.",
		"pupil, parent or carer, AP setting, host school", "16/11/2026: Recorded against the wrong pupil.",
		"Unsuccessful: Back to the AP setting from 30/11; the family agreed.", "Mr D Okafor",
		"worcs.initial-meeting: The AP setting has the signed copy"} {
		if !strings.Contains(out, want) {
			t.Errorf("the subject access copy does not hold %q:\n%s", want, out)
		}
	}
}
