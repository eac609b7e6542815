package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

type exportFlags struct {
	format, form, out string
}

func (a *app) exportCommand() *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export ID --format json|pdf|md",
		Short: "Export a case: its case file (JSON), or its forms ready to sign (PDF, Markdown)",
		Long: "export writes one case as a reintegrate/case@1 file (json), or prints its forms " +
			"(pdf, md): one form with --form TEMPLATE, else every completed form of the case. " +
			"Files are created readable by you only (0600): they hold a child's personal data.",
		Example: "  reintegrate export 4 --format json -o oliver.json\n" +
			"  reintegrate export 4 --format pdf --form bwmat.plan -o plan.pdf",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd, func(s *storage.Store) error { return a.export(cmd, s, args[0], fl) })
		},
	}
	cmd.Flags().StringVar(&fl.format, "format", "json", "json, pdf or md")
	cmd.Flags().StringVar(&fl.form, "form", "", "one form template, e.g. bwmat.plan (pdf and md)")
	cmd.Flags().StringVarP(&fl.out, "output", "o", "", "write to this file (default: standard output)")
	return cmd
}

func (a *app) export(cmd *cobra.Command, s *storage.Store, arg string, fl exportFlags) error {
	id, err := caseID(arg)
	if err != nil {
		return err
	}
	if fl.format != "json" && fl.format != "pdf" && fl.format != "md" {
		return usageError("--format: %q is not a format: use json, pdf or md", fl.format)
	}
	ctx := cmd.Context()
	c, _, err := s.Case(ctx, id)
	if err != nil {
		return loadError(id, err)
	}
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	var buf bytes.Buffer
	switch fl.format {
	case "json":
		history, err := s.History(ctx, c.Pupil.ID, c.ID)
		if err != nil {
			return storageError(err)
		}
		data, err := model.EncodeCaseFile(model.CaseFile{Pupil: c.Pupil, History: history, Case: c})
		if err != nil {
			return badInput(fmt.Errorf("case %d cannot be written as a case file: %w", id, err))
		}
		buf.Write(data)
	default:
		if err := printForms(&buf, c, school, fl); err != nil {
			return err
		}
	}
	return a.writeOutput(fl.out, buf.Bytes(), fl.format == "pdf")
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
	return listWords(ids)
}

func listWords(items []string) string {
	var b bytes.Buffer
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// writeOutput writes to the file (0600, replaced whole: written beside it
// and renamed, so a full disk never leaves half a document) or to standard
// output; a PDF is not sent to a terminal.
func (a *app) writeOutput(path string, data []byte, binary bool) error {
	if path == "" || path == "-" {
		if f, ok := a.stdout.(*os.File); ok && binary && term.IsTerminal(f.Fd()) {
			return usageError("a PDF would garble the terminal: give -o FILE")
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
	if err := tmp.Chmod(0o600); err == nil {
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
