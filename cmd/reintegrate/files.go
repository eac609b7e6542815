package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

func (a *app) importCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Import a case file (reintegrate/case@1) or a pupils CSV from the MIS",
		Long: "import reads a case file (JSON, reintegrate/case@1) or a CSV of pupils exported " +
			"from the MIS (columns: name or forename and surname, date of birth, UPN, year " +
			"group, flags). Everything is checked first; a file with any problem imports nothing.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd, func(s *storage.Store) error { return a.importFile(cmd, s, args[0]) })
		},
	}
}

func (a *app) importFile(cmd *cobra.Command, s *storage.Store, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return usageError("cannot read %s: %v", path, err)
	}
	ctx := cmd.Context()
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	if looksLikeJSON(data) {
		cf, err := model.ParseCaseFile(data, model.WithSessionLengths(school.Sessions))
		if err != nil {
			return usageError("%s:\n%s", path, capLines(err.Error(), maxErrorLines))
		}
		id, err := s.ImportCaseFile(ctx, cf)
		if err != nil {
			return importError(err)
		}
		fmt.Fprintf(a.stdout, "Imported case %d for %s.\n", id, cf.Pupil.Name)
		return nil
	}
	pupils, err := model.ParsePupilsCSV(data)
	if err != nil {
		return usageError("%s:\n%s", path, capLines(err.Error(), maxErrorLines))
	}
	n, err := s.ImportPupils(ctx, pupils)
	if err != nil {
		return importError(err)
	}
	fmt.Fprintf(a.stdout, "Imported %d %s.\n", n, plural(n, "pupil", "pupils"))
	return nil
}

// importError: a clash with what is stored is the file's problem (exit 2);
// anything else is storage trouble.
func importError(err error) error {
	if errors.Is(err, storage.ErrDuplicate) || errors.Is(err, storage.ErrConflict) {
		return badInput(err)
	}
	return storageError(err)
}

func looksLikeJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{'
}

func (a *app) backupCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the database to FILE (created 0600; never overwrites)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd, func(s *storage.Store) error {
				if err := s.Backup(cmd.Context(), args[0]); err != nil {
					return storageError(err)
				}
				fmt.Fprintf(a.stdout, "Backed up to %s.\n", args[0])
				return nil
			})
		},
	}
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the database with a backup (checked first; the old file is kept aside)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.demo {
				return usageError("restore: not with --demo; give --db or REINTEGRATE_DB")
			}
			to, err := a.databasePath()
			if err != nil {
				return err
			}
			if err := storage.Restore(cmd.Context(), args[0], to); err != nil {
				return storageError(err)
			}
			fmt.Fprintf(a.stdout, "Restored %s from %s.\n", to, args[0])
			return nil
		},
	}
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and the database schema it knows",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(a.stdout, "reintegrate %s (database schema %d)\n", version, storage.SchemaVersion())
			return err
		},
	}
}
