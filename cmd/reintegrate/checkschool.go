package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

// checkSchool is the school profile a case is checked against (its
// calendar, session lengths, packs and parameters) and where it came from,
// which check says: a case over half term is met or not by the calendar.
type checkSchool struct {
	school model.School
	source string // "school file", "database", "demo", "default"
	path   string
}

// checkSchoolJSON is check --json's "school" key.
type checkSchoolJSON struct {
	Source   string `json:"source"` // school_file, database, demo or default
	Path     string `json:"path,omitempty"`
	Name     string `json:"name,omitempty"`
	Closures int    `json:"closures"`
}

// fileSchool is the school for check --file: --school FILE, else the
// database --db, REINTEGRATE_DB or --demo names, else the default profile
// (national pack, 180 and 120 minutes, no holidays or INSET days). The
// database is only read, and must exist: a path with nothing at it is a
// mistake, not a new school.
func (a *app) fileSchool(cmd *cobra.Command, schoolFile string) (checkSchool, error) {
	dbGiven := a.dbPath != "" || a.demo
	switch {
	case schoolFile != "" && dbGiven:
		return checkSchool{}, usageError("--school: give --school FILE or --db PATH (or --demo), not both: check --file takes the school from one of them")
	case schoolFile != "":
		s, err := a.readSchoolFile(schoolFile)
		return checkSchool{school: s, source: "school file", path: schoolFile}, err
	case !dbGiven && envDB() == "":
		return checkSchool{school: model.DefaultSchool(), source: "default"}, nil
	}
	source := "database"
	path, err := a.databasePath()
	if err != nil {
		return checkSchool{}, err
	}
	if a.demo {
		source, path = "demo", ""
	} else if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return checkSchool{}, usageError("--db: there is no database at %s: give the school's database, or --school FILE (reintegrate export --school writes one)", path)
	}
	var school model.School
	err = a.withStore(cmd, func(s *storage.Store) error {
		var err error
		school, err = s.School(cmd.Context())
		return err
	})
	if err != nil {
		return checkSchool{}, storageError(err)
	}
	return checkSchool{school: school, source: source, path: path}, nil
}

// readSchoolFile reads --school: a school file, encrypted or not.
func (a *app) readSchoolFile(path string) (model.School, error) {
	data, err := readLimited(path, model.MaxCaseFileBytes+1<<20, "a school file may be at most "+model.Size(model.MaxCaseFileBytes))
	if err != nil {
		return model.School{}, err
	}
	if isEncrypted(data) {
		pass, err := a.passphrase(false)
		if err != nil {
			return model.School{}, err
		}
		if data, err = decryptBytes(data, pass, path); err != nil {
			return model.School{}, err
		}
	}
	s, err := model.ParseSchoolFile(data)
	if err != nil {
		return model.School{}, fileProblems(path, err)
	}
	return s, nil
}

// line says which school the case was checked against, for the text output.
func (s checkSchool) line() string {
	l := s.school.SessionLengthsOrDefault()
	what := fmt.Sprintf("%s, sessions %d and %d min", plural(len(s.school.Closures), "1 closure", fmt.Sprintf("%d closures", len(s.school.Closures))), l.AM, l.PM)
	name := s.school.Name
	if name != "" {
		name += ": "
	}
	switch s.source {
	case "default":
		return "School: none given, so no holidays or INSET days and sessions of 180 and 120 min; " +
			"give --school FILE (reintegrate export --school writes it) or --db PATH for the school's own calendar"
	case "demo":
		return "School: the demo database's (" + name + what + ")"
	}
	return fmt.Sprintf("School: from the %s %s (%s%s)", s.source, s.path, name, what)
}

func (s checkSchool) json() *checkSchoolJSON {
	source := map[string]string{"school file": "school_file"}[s.source]
	if source == "" {
		source = s.source
	}
	return &checkSchoolJSON{Source: source, Path: s.path, Name: s.school.Name, Closures: len(s.school.Closures)}
}

// checkSchoolExportArgs: export --school takes no case, pupil or form, and
// writes JSON.
func checkSchoolExportArgs(args []string, fl exportFlags) error {
	switch {
	case len(args) > 0 || fl.pupil != "":
		return usageError("--school: the school profile is exported alone: give --school, or a case ID, or --pupil ID")
	case fl.form != "":
		return usageError("--form: not with --school; the school file holds the school profile")
	case fl.format != "json":
		return usageError("--format: a school file is json; leave --format out, or give --format json")
	}
	return nil
}

// exportSchool writes the school profile as a school file
// (model.EncodeSchoolFile), whole or not at all as every export is.
func (a *app) exportSchool(cmd *cobra.Command, s *storage.Store, fl exportFlags) error {
	school, err := s.School(cmd.Context())
	if err != nil {
		return storageError(err)
	}
	data, err := model.EncodeSchoolFile(school)
	if err != nil {
		return badInput(err)
	}
	return a.writeExport(cmd.Context(), fl, data)
}
