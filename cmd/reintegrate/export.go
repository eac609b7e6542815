package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	encrypt           bool
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
			"Files are created readable by you only (0600): they hold a child's personal data. " +
			"With --encrypt the output is encrypted with a passphrase (age); import opens it. " + passphraseHelp,
		Example: "  reintegrate export 4 --format json -o oliver.json\n" +
			"  reintegrate export 4 --format pdf --form bwmat.plan -o plan.pdf\n" +
			"  reintegrate export 4 --encrypt -o oliver.json.age\n" +
			"  reintegrate export --pupil 12 --format pdf -o subject-access.pdf",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkExportArgs(args, fl); err != nil {
				return err
			}
			return a.withStore(cmd, func(s *storage.Store) error {
				if fl.pupil != "" {
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
	f.BoolVar(&fl.encrypt, "encrypt", false, "encrypt the output with a passphrase")
	return cmd
}

// checkExportArgs: a case ID or --pupil, not both; formats as listed.
func checkExportArgs(args []string, fl exportFlags) error {
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
	return a.writeExport(fl, buf.Bytes())
}

// writeExport writes what export made, encrypted first if asked.
func (a *app) writeExport(fl exportFlags, data []byte) error {
	data, err := a.sealIfAsked(fl, data)
	if err != nil {
		return err
	}
	return a.writeOutput(fl.out, data, fl.binary())
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
			_, err := w.Write(forms.CasePackMarkdown(c, school))
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

// writeOutput writes to the file (0600, replaced whole: written beside it
// and renamed, so a full disk never leaves half a document) or to standard
// output; a PDF is not sent to a terminal.
func (a *app) writeOutput(path string, data []byte, binary bool) error {
	if path == "" || path == "-" {
		if f, ok := a.stdout.(*os.File); ok && binary && term.IsTerminal(f.Fd()) {
			return usageError("a PDF or an encrypted file would garble the terminal: give -o FILE")
		}
		_, err := a.stdout.Write(data)
		return err
	}
	return writeFilePrivate(path, data)
}

func writeFilePrivate(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return usageError("cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err = tmp.Chmod(0o600); err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return usageError("cannot write %s: %v", path, err)
	}
	return nil
}
