package storage

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// The storage half of the bad-input catalogue (issue 7, part 2): what the
// model lets through is kept exactly, byte for byte, in a real SQLite file;
// what storage refuses (a UPN another pupil has, a case for a pupil who is
// not on roll, an import that cannot finish) is refused with a message that
// says what to do, and leaves every table as it was: nothing half-saved.

// rowCounts counts the rows of every table in the file.
func rowCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	rows, err := s.reader.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if len(tables) < 10 {
		t.Fatalf("only %d tables: %v", len(tables), tables)
	}
	counts := make(map[string]int, len(tables))
	for _, table := range tables {
		counts[table] = count(t, s, table)
	}
	return counts
}

func wantSound(t *testing.T, s *Store) {
	t.Helper()
	if problems, err := integrity(ctx, s.reader, "integrity_check"); err != nil || problems != "" {
		t.Fatalf("integrity_check: %q %v", problems, err)
	}
}

// badStore is a database with Zoë (UPN A123456789012) and her case, Amir
// (UPN E801200000106), and two pupils on roll with the same name and
// birthday and no UPN, whom only a UPN could tell apart.
func badStore(t *testing.T) (*Store, model.Pupil, model.Case) {
	s := openTemp(t)
	zoe := savePupil(t, s, pupilZoe())
	c := mustCreateCase(t, s, fullCase(zoe))
	savePupil(t, s, model.Pupil{Name: "Amir Patel", UPN: "E801200000106", YearGroup: "Y5"})
	for range 2 {
		p := model.Pupil{Name: "Sam Taylor", DateOfBirth: d("2013-04-02"), YearGroup: "Y8"}
		if err := s.SavePupil(ctx, &p, AllowLookalike); err != nil {
			t.Fatal(err)
		}
	}
	return s, zoe, c
}

// manyPupils is an MIS list long enough to fill many pages.
func manyPupils(n int) []model.Pupil {
	out := make([]model.Pupil, n)
	for i := range out {
		out[i] = model.Pupil{Name: "Nguyễn Pupil " + strings.Repeat("x", i%40) + string(rune('A'+i%26)),
			DateOfBirth: d("2014-09-01").AddDays(i), YearGroup: "Y7"}
	}
	return out
}

func TestStorageRefusesBadInputAndKeepsNothing(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, s *Store, zoe model.Pupil, c model.Case) error
		kind error
		says []string
	}{
		{"a new pupil with Zoë's UPN", func(t *testing.T, s *Store, zoe model.Pupil, _ model.Case) error {
			return s.SavePupil(ctx, &model.Pupil{Name: "Łukasz Nowak", UPN: zoe.UPN, YearGroup: "Y10"})
		}, ErrDuplicate, []string{"another pupil already has UPN A123456789012", "check the number, or edit that pupil instead"}},
		{"another pupil edited to Zoë's UPN", func(t *testing.T, s *Store, zoe model.Pupil, _ model.Case) error {
			amir, err := s.PupilByUPN(ctx, "E801200000106")
			if err != nil {
				t.Fatal(err)
			}
			amir.UPN = zoe.UPN
			return s.SavePupil(ctx, &amir)
		}, ErrDuplicate, []string{"another pupil already has UPN A123456789012"}},
		{"a case for a pupil not on roll", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			c := fullCase(model.Pupil{ID: 99, Name: "Ghost"})
			return s.CreateCase(ctx, &c)
		}, ErrNotFound, []string{"pupil 99 (Ghost) is not in the database: save the pupil first"}},
		{"a case moved to a pupil not on roll", func(t *testing.T, s *Store, _ model.Pupil, c model.Case) error {
			c.Pupil = model.Pupil{ID: 98, Name: "Ghost"}
			_, err := s.SaveCase(ctx, c, 1)
			return err
		}, ErrNotFound, []string{"pupil 98 (Ghost) is not in the database: save the pupil first"}},
		{"a case with no pupil", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			c := fullCase(model.Pupil{})
			return s.CreateCase(ctx, &c)
		}, nil, []string{"the case has no pupil: save the pupil first"}},
		{"an MIS import that fills the disk half way", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			setMaxPages(t, s, pageCount(t, s)+4)
			defer setMaxPages(t, s, 1<<30)
			_, err := s.ImportPupils(ctx, pupilRows(manyPupils(3000)), ImportOptions{})
			return err
		}, ErrFull, []string{"is full: nothing was saved", "nothing was imported"}},
		{"a case file imported twice, after its new flag was added to the pupil", func(t *testing.T, s *Store, zoe model.Pupil, c model.Case) error {
			p := zoe
			p.ID, p.Flags = 0, []model.Flag{model.LookedAfter} // merged into Zoë before the case is found to be a copy
			_, err := s.ImportCaseFile(ctx, model.CaseFile{Pupil: p, Case: c,
				History: []model.PastCase{{Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour}, Start: d("2025-03-03")}}})
			return err
		}, ErrDuplicate, []string{"already has this Reduced timetable starting 02/11/2026 as case 1: open that case instead", "nothing was imported"}},
		{"a case file that fills the disk after its pupil and history", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			cf := caseFile(model.Pupil{Name: "Łukasz Nowak", DateOfBirth: d("2011-02-03"), YearGroup: "Y10"})
			for range 10 { // each note within its limit (model.MaxNoteLength)
				cf.Case.Reviews = append(cf.Case.Reviews, model.Review{Notes: strings.Repeat("Zoë's review notes, long. ", 769)})
			}
			setMaxPages(t, s, pageCount(t, s)+3)
			defer setMaxPages(t, s, 1<<30)
			_, err := s.ImportCaseFile(ctx, cf)
			return err
		}, ErrFull, []string{"is full", "nothing was imported"}},
		{"a case saved with a note past its limit", func(t *testing.T, s *Store, _ model.Pupil, c model.Case) error {
			c.Reviews[0].Notes = strings.Repeat("é", model.MaxNoteLength+1)
			_, err := s.SaveCase(ctx, c, 1)
			return err
		}, nil, []string{"save case 1: review 1: notes has 20,001 characters: the most it may have is 20,000; shorten it"}},
		{"a case with 105 weeks", func(t *testing.T, s *Store, _ model.Pupil, c model.Case) error {
			for i := len(c.Timetable); i <= model.MaxWeeks; i++ {
				c.Timetable = append(c.Timetable, model.Week{WeekBeginning: c.Timetable[i-1].WeekBeginning.AddDays(7)})
			}
			_, err := s.SaveCase(ctx, c, 1)
			return err
		}, nil, []string{"the timetable has 105 weeks: the most it may have is 104"}},
		{"a pupil named past the limit", func(t *testing.T, s *Store, zoe model.Pupil, _ model.Case) error {
			zoe.Name = strings.Repeat("Zoë ", 60)
			return s.SavePupil(ctx, &zoe)
		}, nil, []string{"pupil's name has 239 characters: the most it may have is 200"}},
		{"a school profile with a name past the limit", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			sc := model.DefaultSchool()
			sc.Name = strings.Repeat("x", 201)
			return s.SaveSchool(ctx, sc)
		}, nil, []string{"school profile: school name has 201 characters"}},
		{"a case file whose pupil has no name", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			_, err := s.ImportCaseFile(ctx, caseFile(model.Pupil{Name: " ", YearGroup: "Y8"}))
			return err
		}, nil, []string{"pupil name is empty: type the pupil's full name", "nothing was imported"}},
		{"a case file whose pupil has an unknown flag", func(t *testing.T, s *Store, _ model.Pupil, _ model.Case) error {
			_, err := s.ImportCaseFile(ctx, caseFile(model.Pupil{Name: "Ava Jones", YearGroup: "Y8", Flags: []model.Flag{"lac"}}))
			return err
		}, nil, []string{`flag "lac" is not known: use looked_after`, "nothing was imported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, zoe, c := badStore(t)
			before := rowCounts(t, s)
			zoeBefore, _ := s.Pupil(ctx, zoe.ID)
			err := tt.do(t, s, zoe, c)
			wantErr(t, err, tt.kind, tt.says...)
			same(t, "rows after the refusal", rowCounts(t, s), before)
			zoeAfter, _ := s.Pupil(ctx, zoe.ID)
			same(t, "Zoë after the refusal", zoeAfter, zoeBefore)
			wantSound(t, s)
			// The same store still takes a good write: nothing was left locked.
			if err := s.SavePupil(ctx, &model.Pupil{Name: "Freya Morgan", YearGroup: "Y3"}); err != nil {
				t.Fatalf("a good save after the refusal: %v", err)
			}
		})
	}
}

func pageCount(t *testing.T, s *Store) int {
	t.Helper()
	var pages int
	if err := s.writer.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	return pages
}

// What the model takes, storage keeps exactly: a case file read from bytes,
// imported, loaded and written again gives the same case file (DESIGN.md,
// "Case file": moving a case between the AP setting and the host school).
func TestStorageKeepsWhatTheModelTakes(t *testing.T) {
	names := []string{"Zoë Ó Briain", "Łukasz Wiśniewski", "Oliver O'Brien", "Nguyễn Thị Mai", "Zoe\u0308 Nguye\u0302\u0303n",
		"Ava 🌟 Jones", "Kai 👩‍👩‍👧", strings.TrimSpace(strings.Repeat("Zoë-Łukasz ", 18)), `=HYPERLINK("x","Sam")`, "Robert'); DROP TABLE pupils;--"}
	big := strings.Repeat("Mornings settled;\tafternoons hard. Zoë spoke for herself.\n", 344) // within model.MaxNoteLength
	s := openTemp(t)
	for i, name := range names {
		cf := caseFile(model.Pupil{Name: name, DateOfBirth: d("2013-04-02").AddDays(i), YearGroup: "Y8"})
		cf.Case.Reviews[0].Notes = big
		cf.Case.Forms[0].Fields["objectives"] = big
		cf.Case.NamedPerson = name
		doc, err := model.EncodeCaseFile(cf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		read, err := model.ParseCaseFile(doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		id, err := s.ImportCaseFile(ctx, read)
		if err != nil {
			t.Fatalf("import %s: %v", name, err)
		}
		stored, _, err := s.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		history, _ := s.History(ctx, stored.Pupil.ID, id)
		out, err := model.EncodeCaseFile(model.CaseFile{Pupil: stored.Pupil, History: history, Case: stored})
		if err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		if string(out) != string(doc) {
			t.Errorf("%s: the case file exported from storage differs from the one imported", clipText(name))
		}
		if stored.Pupil.Name != name || stored.Reviews[0].Notes != big {
			t.Errorf("%s came back as %q", clipText(name), clipText(stored.Pupil.Name))
		}
	}
	if n := count(t, s, "pupils"); n != len(names) {
		t.Errorf("%d pupils, want %d (one table still there, one pupil each)", n, len(names))
	}
	wantSound(t, s)
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
