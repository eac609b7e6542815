package main

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

type reportFlags struct {
	from, to     string
	csv, pdf, md bool
	out          string
	names, force bool
}

func (a *app) reportCommand() *cobra.Command {
	var fl reportFlags
	cmd := &cobra.Command{
		Use:   "report " + strings.Join(model.ReportNames, "|"),
		Short: "Returns and summaries: LA, half-term, governors, social care, trust, register",
		Long: "report builds one of the school's returns from the stored cases:\n\n" + reportList() +
			"\nThe period is --from to --to (DD/MM/YYYY or YYYY-MM-DD). Without them it is the " +
			"current half term, found from the holidays in the school calendar (a return made in " +
			"the holiday covers the half term just ended), or, with no holidays entered, the six " +
			"weeks up to --on. With only --from the period runs to --on; with only --to, the six " +
			"weeks up to it.\n\nIt prints a text table; --md prints Markdown, --csv spreadsheet-safe " +
			"CSV (dates YYYY-MM-DD, said in the headings) and --pdf a PDF (give -o FILE, or send " +
			"standard output to a file or a printer). Files are created readable by you only " +
			"(0600): most reports hold children's personal data. A file is written whole or not " +
			"at all, and one already there is kept unless you give --force.",
		Example: "  reintegrate report la --csv -o la-return.csv\n" +
			"  reintegrate report governors --pdf -o governors.pdf --from 01/09/2026 --to 18/12/2026\n" +
			"  reintegrate report register --from 02/11/2026 --to 13/11/2026 --csv -o register.csv",
		Args:      cobra.ExactArgs(1),
		ValidArgs: model.ReportNames,
		RunE:      func(cmd *cobra.Command, args []string) error { return a.report(cmd, args[0], fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.from, "from", "", "the first day of the period, DD/MM/YYYY or YYYY-MM-DD")
	f.StringVar(&fl.to, "to", "", "the last day of the period, DD/MM/YYYY or YYYY-MM-DD")
	f.BoolVar(&fl.csv, "csv", false, "CSV for a spreadsheet or the MIS (UTF-8, dates YYYY-MM-DD)")
	f.BoolVar(&fl.pdf, "pdf", false, "a PDF to print or send")
	f.BoolVar(&fl.md, "md", false, "Markdown")
	f.StringVarP(&fl.out, "output", "o", "", "write to this file (default: standard output)")
	f.BoolVar(&fl.force, "force", false, "replace the -o file if it is already there")
	f.BoolVar(&fl.names, "names", false, "governors: list the pupils by name (the summary is anonymous without it)")
	return cmd
}

func reportList() string {
	var b strings.Builder
	for _, n := range model.ReportNames {
		b.WriteString("  " + n + strings.Repeat(" ", 13-len(n)) + model.ReportSummary(n) + "\n")
	}
	return b.String()
}

func (a *app) report(cmd *cobra.Command, name string, fl reportFlags) error {
	in, err := a.reportInput(name, fl)
	if err != nil {
		return err
	}
	if err := checkOutput(fl.out, fl.force); err != nil {
		return err
	}
	return a.withStore(cmd, func(s *storage.Store) error {
		if err := loadReportCases(cmd.Context(), s, &in); err != nil {
			return err
		}
		r, err := model.BuildReport(name, in)
		if err != nil {
			return badInput(err)
		}
		data, err := renderReport(r, fl)
		if err != nil {
			return err
		}
		return a.writeOutput(cmd.Context(), fl.out, data, fl.pdf, fl.force)
	})
}

// reportInput checks the arguments before the database is opened, so a
// typing mistake costs nothing.
func (a *app) reportInput(name string, fl reportFlags) (model.ReportInput, error) {
	var in model.ReportInput
	if !slices.Contains(model.ReportNames, name) {
		return in, usageError("%q is not a report: choose %s", name, strings.Join(model.ReportNames, ", "))
	}
	formats := 0
	for _, on := range []bool{fl.csv, fl.pdf, fl.md} {
		if on {
			formats++
		}
	}
	if formats > 1 {
		return in, usageError("--csv, --pdf and --md: choose one format")
	}
	if fl.names && name != model.ReportGovernors {
		return in, usageError("--names: only the governors report leaves names out by default; %s %s", name, namesNote(name))
	}
	var err error
	if in.On, err = a.on(); err != nil {
		return in, err
	}
	if in.From, err = dateFlag("--from", fl.from); err != nil {
		return in, err
	}
	if in.To, err = dateFlag("--to", fl.to); err != nil {
		return in, err
	}
	in.Names = fl.names
	return in, nil
}

func namesNote(name string) string {
	if name == model.ReportTrust {
		return "is anonymised and never names pupils"
	}
	return "always names them"
}

// loadReportCases reads the school profile and every case that may run in
// the period (storage.ReportCases).
func loadReportCases(ctx context.Context, s *storage.Store, in *model.ReportInput) error {
	var err error
	if in.School, err = s.School(ctx); err != nil {
		return storageError(err)
	}
	from, to, err := in.Period()
	if err != nil {
		return usageError("--from/--to: %v", err)
	}
	in.From, in.To = from, to
	if in.Cases, in.History, err = s.ReportCases(ctx, from, to); err != nil {
		return storageError(err)
	}
	return nil
}

func renderReport(r model.Report, fl reportFlags) ([]byte, error) {
	switch {
	case fl.csv:
		return r.CSV(), nil
	case fl.md:
		return r.Markdown(), nil
	case fl.pdf:
		var b bytes.Buffer
		if err := forms.ReportPDF(r, &b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	return []byte(r.Text()), nil
}
