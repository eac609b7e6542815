package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

type exportFlags struct {
	format, form, out string
	pupil             string
	school            bool
	encrypt, force    bool
}

func (a *app) exportCommand() *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export ID|--pupil ID --format json|pdf|md",
		Short: "Export a case (its case file, or its forms ready to sign), or everything held about a pupil",
		Long: "export writes one case as a reintegrate/case@1 file (json), or prints its forms " +
			"(pdf, md): one form with --form TEMPLATE, else every completed form of the case.\n\n" +
			"With --pupil ID (or the pupil's UPN) instead of a case it gives everything held about one pupil, for a " +
			"subject access request: the pupil, every case with its forms, notifications, reviews " +
			"and timetable, and the audit trail (json gives it all; pdf and md are for reading, " +
			"with the audit trail's changes listed). The audit log records that the copy was made.\n\n" +
			"Files are created readable by you only (0600): they hold a child's personal data. A file " +
			"is written whole or not at all, and one already there is kept unless you give --force. " +
			"With --encrypt the output is encrypted with a passphrase (age); import opens it. " + passphraseHelp + "\n\n" +
			"With --school instead of a case it writes the school profile (calendar, session lengths, " +
			"packs and parameters) as a reintegrate/school@1 file, for check --file --school.",
		Example: "  reintegrate export 4 --format json -o oliver.json\n" +
			"  reintegrate export 4 --format pdf --form bwmat.plan -o plan.pdf\n" +
			"  reintegrate export 4 --encrypt -o oliver.json.age\n" +
			"  reintegrate export --pupil 12 --format pdf -o subject-access.pdf\n" +
			"  reintegrate export --school -o school.json",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkExportArgs(args, fl); err != nil {
				return err
			}
			if err := checkOutput(fl.out, fl.force); err != nil {
				return err
			}
			return a.withStore(cmd, func(s *storage.Store) error {
				switch {
				case fl.school:
					return a.exportSchool(cmd, s, fl)
				case fl.pupil != "":
					return a.subjectAccess(cmd, s, fl)
				}
				return a.export(cmd, s, args[0], fl)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "json", "json, pdf or md")
	f.StringVar(&fl.form, "form", "", "one form template, e.g. bwmat.plan (pdf and md)")
	f.StringVarP(&fl.out, "output", "o", "", "write to this file (default: standard output)")
	f.StringVar(&fl.pupil, "pupil", "", "everything held about this pupil (pupil ID or UPN), for a subject access request")
	f.BoolVar(&fl.school, "school", false, "the school profile as a school file (json), for check --file --school")
	f.BoolVar(&fl.encrypt, "encrypt", false, "encrypt the output with a passphrase")
	f.BoolVar(&fl.force, "force", false, "replace the -o file if it is already there")
	return cmd
}

// checkExportArgs: a case ID or --pupil, not both; formats as listed.
func checkExportArgs(args []string, fl exportFlags) error {
	if fl.school {
		return checkSchoolExportArgs(args, fl)
	}
	switch {
	case fl.format != "json" && fl.format != "pdf" && fl.format != "md":
		return usageError("--format: %q is not a format: use json, pdf or md", fl.format)
	case fl.pupil != "" && len(args) > 0:
		return usageError("export: give a case ID or --pupil, not both")
	case fl.pupil != "" && fl.form != "":
		return usageError("--form: not with --pupil; a subject access copy holds every form")
	case fl.pupil == "" && len(args) == 0:
		return usageError("export: give a case ID (`reintegrate cases` lists them), or --pupil ID for everything held about one pupil")
	}
	return nil
}

func (a *app) export(cmd *cobra.Command, s *storage.Store, arg string, fl exportFlags) error {
	id, err := caseID(arg)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	lc, err := loadCase(ctx, s, id)
	if err != nil {
		return err
	}
	c := lc.Case
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	var buf bytes.Buffer
	switch fl.format {
	case "json":
		data, err := model.EncodeCaseFile(model.CaseFile{Pupil: c.Pupil, History: lc.History, Case: c})
		if err != nil {
			return badInput(fmt.Errorf("case %d cannot be written as a case file: %w", id, err))
		}
		buf.Write(data)
	default:
		if err := printForms(&buf, c, school, fl); err != nil {
			return err
		}
	}
	return a.writeExport(ctx, fl, buf.Bytes())
}

// writeExport writes what export made, encrypted first if asked.
func (a *app) writeExport(ctx context.Context, fl exportFlags, data []byte) error {
	data, err := a.sealIfAsked(fl, data)
	if err != nil {
		return err
	}
	return a.writeOutput(ctx, fl.out, data, fl.binary(), fl.force)
}

// binary: a PDF or an encrypted file, not for a terminal.
func (fl exportFlags) binary() bool { return fl.format == "pdf" || fl.encrypt }

// sealIfAsked encrypts with a passphrase when --encrypt is given.
func (a *app) sealIfAsked(fl exportFlags, data []byte) ([]byte, error) {
	if !fl.encrypt {
		return data, nil
	}
	pass, err := a.passphrase(true)
	if err != nil {
		return nil, err
	}
	return encryptBytes(data, pass)
}

// printForms renders one form, or the whole case's pack of completed forms.
func printForms(w io.Writer, c model.Case, school model.School, fl exportFlags) error {
	if fl.form == "" {
		if fl.format == "md" {
			md := forms.CasePackMarkdown(c, school)
			if len(md) == 0 {
				return usageError("case %d has no completed forms, so there is nothing to export: nothing was written; "+
					"give --form TEMPLATE for a blank form to fill by hand (one of %s)", c.ID, templateIDs())
			}
			_, err := w.Write(md)
			return err
		}
		return forms.CasePackPDF(c, school, w)
	}
	t, ok := forms.Lookup(fl.form)
	if !ok {
		return usageError("--form: %q is not a form template: use one of %s", fl.form, templateIDs())
	}
	rec, ok := c.Form(t.ID)
	if !ok {
		// A blank form prints too: staff fill it by hand at the meeting.
		rec = model.FormRecord{Template: t.ID}
	}
	if fl.format == "md" {
		_, err := w.Write(forms.Markdown(t, rec, c, school))
		return err
	}
	return forms.PDF(t, rec, c, school, w)
}

func templateIDs() string {
	var ids []string
	for _, t := range forms.Templates() {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ", ")
}

// writeOutput writes to the file, whole or not at all and readable by its
// owner only (storage.WriteOutput), replacing a file already there only
// with --force; or to standard output, where a PDF is not sent to a
// terminal.
func (a *app) writeOutput(ctx context.Context, path string, data []byte, binary, force bool) error {
	if path == "" || path == "-" {
		if f, ok := a.stdout.(*os.File); ok && binary && term.IsTerminal(f.Fd()) {
			return usageError("a PDF or an encrypted file would garble the terminal: give -o FILE")
		}
		_, err := a.stdout.Write(data)
		return err
	}
	return outputError(storage.WriteOutput(ctx, path, data, force))
}

// checkOutput refuses an output file that is already there before any
// work is done (and before a subject access copy is logged); the write
// itself refuses again if one appears meanwhile.
func checkOutput(path string, force bool) error {
	if path == "" || path == "-" || force {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return usageError("%s already exists: nothing was written; choose another name, or give --force to replace it", path)
	}
	return nil
}

// outputError: a file in the way is the person's to move (exit 2, with
// what to do); any other failure to write is storage trouble (exit 3).
func outputError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, storage.ErrExists):
		return badInput(fmt.Errorf("%w; choose another name, or give --force to replace it", err))
	}
	return storageError(err)
}
