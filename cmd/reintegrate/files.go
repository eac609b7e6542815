package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

func (a *app) importCommand() *cobra.Command {
	var opt storage.ImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Import a case file (reintegrate/case@1) or a pupils CSV from the MIS",
		Long: "import reads a case file (JSON, reintegrate/case@1) or a CSV of pupils exported " +
			"from the MIS (SIMS, Arbor, Bromcom: a name column, or Legal Forename and Legal Surname; " +
			"Date of Birth or DOB; UPN; Year, Year Group, NC Year or Reg Group; optionally Preferred " +
			"Forename, FSM and Flags). Comma or semicolon separated, UTF-8 or Windows-1252.\n\n" +
			"A pupils CSV is matched to the pupils on roll by UPN, else by name and date of birth, and " +
			"the import lists what it adds and changes (field, old, new) and what it refuses (line, " +
			"field, what to do). A name the record has is kept when the MIS spells it otherwise " +
			"(typed with accents, say) unless --update-names; a pupil whose name looks the same as " +
			"another's, with the same date of birth, is refused unless --allow-duplicates. " +
			"--dry-run shows all of it and writes nothing. Exit 2 when anything was refused.\n\n" +
			"A case file is checked first; a file with any problem imports nothing.\n\n" +
			"An encrypted file (made with export --encrypt) is opened with its passphrase. " + passphraseHelp,
		Example: "  reintegrate import --dry-run pupils.csv\n  reintegrate import pupils.csv",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd, func(s *storage.Store) error { return a.importFile(cmd, s, args[0], opt) })
		},
	}
	cmd.Flags().BoolVar(&opt.DryRun, "dry-run", false, "show what a pupils import would do, and write nothing")
	cmd.Flags().BoolVar(&opt.UpdateNames, "update-names", false, "take the MIS's spelling of names that differ from the record's")
	cmd.Flags().BoolVar(&opt.AllowDuplicates, "allow-duplicates", false, "add pupils whose name and date of birth look the same as another's")
	return cmd
}

func (a *app) importFile(cmd *cobra.Command, s *storage.Store, path string, opt storage.ImportOptions) error {
	data, err := a.readMaybeEncrypted(path)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	text, err := model.DecodeText(data)
	if err == nil {
		var kind model.ImportKind
		if kind, err = model.KindOfImport(text); err == nil && kind == model.ImportCaseFile {
			return a.importCaseFile(ctx, s, path, data, school, opt)
		}
	}
	if err != nil {
		return fileProblems(path, err)
	}
	on, err := a.on()
	if err != nil {
		return err
	}
	file, err := model.ReadPupilsCSV(data, on)
	if err != nil {
		return fileProblems(path, err)
	}
	rep, err := s.ImportPupils(ctx, file, opt)
	if err != nil {
		return importError(err)
	}
	for _, line := range rep.Lines() {
		fmt.Fprintln(a.stdout, line)
	}
	if len(rep.Refusals) > 0 {
		return badInput(fmt.Errorf("%s: %d %s refused: see above", path, len(rep.Refusals), plural(len(rep.Refusals), "row or name", "rows or names")))
	}
	return nil
}

func (a *app) importCaseFile(ctx context.Context, s *storage.Store, path string, data []byte, school model.School, opt storage.ImportOptions) error {
	if opt != (storage.ImportOptions{}) {
		return usageError("%s is a case file: --dry-run, --update-names and --allow-duplicates are for a pupils CSV", path)
	}
	cf, err := model.ParseCaseFile(data, model.WithSessionLengths(school.Sessions))
	if err != nil {
		return fileProblems(path, err)
	}
	id, err := s.ImportCaseFile(ctx, cf)
	if err != nil {
		return importError(err)
	}
	fmt.Fprintf(a.stdout, "Imported case %d for %s.\n", id, cf.Pupil.Name)
	return nil
}

// importError: a clash with what is stored is the file's problem (exit 2);
// anything else is storage trouble.
func importError(err error) error {
	var limit *model.LimitError
	if errors.Is(err, storage.ErrDuplicate) || errors.Is(err, storage.ErrConflict) || errors.As(err, &limit) {
		return badInput(err)
	}
	return storageError(err)
}

// maxImportBytes is the largest file import reads at all: the pupils
// CSV's limit (the larger of the two kinds), with room for an encrypted
// file's overhead. Each reader then holds its own kind to its own limit.
const maxImportBytes = model.MaxPupilsCSVBytes + 1<<20

// readMaybeEncrypted reads a file to import, opening it with the
// passphrase if it is an age file.
func (a *app) readMaybeEncrypted(path string) ([]byte, error) {
	data, err := readLimited(path, maxImportBytes, fmt.Sprintf("a pupils CSV may be at most %s, a case file %s",
		model.Size(model.MaxPupilsCSVBytes), model.Size(model.MaxCaseFileBytes)))
	if err != nil {
		return nil, err
	}
	if !isEncrypted(data) {
		return data, nil
	}
	pass, err := a.passphrase(false)
	if err != nil {
		return nil, err
	}
	return decryptBytes(data, pass, path)
}

// readLimited reads a file of at most limit bytes, refusing a larger one
// after reading no more than the limit (a disk image picked by mistake is
// not read whole, nor is a never-ending pipe). most says the limit.
func readLimited(path string, limit int, most string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError("cannot read %s: %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, usageError("cannot read %s: %v", path, err)
	}
	if len(data) > limit {
		size := "more than " + model.Size(limit)
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = model.Size(int(info.Size()))
		}
		return nil, usageError("%s is %s: %s; check it is the file you meant", path, size, most)
	}
	return data, nil
}

func (a *app) backupCommand() *cobra.Command {
	var encrypted bool
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the database to FILE (created 0600; never overwrites)",
		Long: "backup writes a consistent copy of the database to FILE, readable by you only (0600). " +
			"The copy is written whole or not at all: an interrupted or failed backup (a full disk, " +
			"ctrl+c, a power cut) leaves no file at FILE. A backup is never overwritten: give a new " +
			"name each time.\n\n" +
			"With --encrypt the copy is encrypted with a passphrase (age) on its way from memory to " +
			"the file, so a lost memory stick or laptop gives nothing away; no unencrypted copy is " +
			"ever written to any disk. " + passphraseHelp,
		Example: "  reintegrate backup reintegrate-2026-11-23.db\n" +
			"  reintegrate backup --encrypt reintegrate-2026-11-23.db.age",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// An existing file is the person's slip (exit 2), found before
			// any work; the write still refuses if one appears meanwhile.
			if _, err := os.Lstat(args[0]); err == nil {
				return backupError(fmt.Errorf("%w", storage.ErrExists), args[0])
			}
			return a.withStore(cmd, func(s *storage.Store) error {
				if encrypted {
					return a.encryptedBackup(cmd.Context(), s, args[0])
				}
				if err := s.Backup(cmd.Context(), args[0]); err != nil {
					return backupError(err, args[0])
				}
				fmt.Fprintf(a.stdout, "Backed up to %s.\n", args[0])
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&encrypted, "encrypt", false, "encrypt the backup with a passphrase")
	return cmd
}

// backupError: a file already at the name is exit 2; the rest exit 3.
func backupError(err error, to string) error {
	if errors.Is(err, storage.ErrExists) {
		return usageError("back up to %s: the file already exists; choose a new name (a backup is never overwritten)", to)
	}
	return storageError(err)
}

// encryptedBackup encrypts a snapshot of the database, held in memory, on
// its way into the file: no plain copy is ever written, so none can be
// left behind however the run ends.
func (a *app) encryptedBackup(ctx context.Context, s *storage.Store, to string) error {
	pass, err := a.passphrase(true)
	if err != nil {
		return err
	}
	image, err := s.Snapshot(ctx)
	if err != nil {
		return storageError(err)
	}
	out, err := storage.CreateOutput(ctx, to, false)
	if err != nil {
		return backupError(err, to)
	}
	defer out.Discard()
	if err := encrypt(out, bytes.NewReader(image), pass); err != nil {
		return backupError(err, to)
	}
	if err := out.Commit(); err != nil {
		return backupError(err, to)
	}
	fmt.Fprintf(a.stdout, "Backed up to %s, encrypted: keep the passphrase safe, without it the backup cannot be opened.\n", to)
	return nil
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the database with a backup (checked first; the old file is kept aside)",
		Long: "restore checks the backup whole (SQLite's integrity check; every table, index and " +
			"trigger of the schema it claims, as this version makes them; the audit log with no " +
			"entry missing), then puts it in place of the database, keeping the database it " +
			"replaces beside it as NAME.replaced-YYYYMMDD-HHMMSS. A file that fails any check " +
			"changes nothing. An interrupted restore leaves the old database in place, never " +
			"none.\n\n" +
			"An encrypted backup (backup --encrypt) is opened with its passphrase and decrypted " +
			"straight into the database's own folder. " + passphraseHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.demo {
				return usageError("restore: not with --demo; give --db or REINTEGRATE_DB")
			}
			to, err := a.databasePath()
			if err != nil {
				return err
			}
			a.sweep(to)
			if err := a.restore(cmd.Context(), args[0], to); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Restored %s from %s.\n", to, args[0])
			return nil
		},
	}
}

// restore puts the backup in place, decrypting it on the way if it is
// encrypted (into the database's own folder, never a shared one).
func (a *app) restore(ctx context.Context, from, to string) error {
	encrypted, err := fileIsEncrypted(from)
	if err != nil {
		return err
	}
	f, err := os.Open(from)
	if err != nil {
		return usageError("cannot read %s: %v", from, err)
	}
	defer f.Close()
	var r io.Reader = f
	if encrypted {
		pass, err := a.passphrase(false)
		if err != nil {
			return err
		}
		if r, err = decrypt(f, pass, from); err != nil {
			return err
		}
	}
	return restoreError(storage.RestoreFrom(ctx, r, from, to))
}

// restoreError makes a file that is not a good backup bad input (exit 2).
func restoreError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrNewerSchema) || errors.Is(err, storage.ErrNotOurs) {
		return badInput(err)
	}
	return storageError(err)
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
