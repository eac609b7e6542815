package main

import (
	"cmp"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reintegrate/storage"
)

// Retention: the records past the school's retention period are listed
// for someone to review; `erase` removes one when a person asks in so many
// words. Destroying a child's record is a decision for a person, with the
// data protection officer, and a safeguarding concern may mean keeping it
// longer.

func (a *app) retentionCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "retention",
		Short: "List the records past their retention period, for review (nothing is deleted)",
		Long: "retention lists the records whose retention period has ended by --on: closed cases, " +
			"kept until the pupil's date of birth plus the school's retention years (default 25, as in " +
			"the IRMS toolkit for schools), and pupils with no case (imported from the MIS and never " +
			"used), kept for a year after the last change to their record. Cases whose pupil has no " +
			"date of birth are listed too, to check by hand. Nothing is deleted: review each with your " +
			"data protection officer, and erase one with `reintegrate erase`.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			on, err := a.on()
			if err != nil {
				return err
			}
			return a.withStore(cmd, func(s *storage.Store) error {
				due, err := s.RetentionDue(cmd.Context(), on)
				if err != nil {
					return storageError(err)
				}
				if asJSON {
					return writeRetentionJSON(a.stdout, due)
				}
				return writeRetention(a.stdout, due)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// retentionRow is one record due for review; dates YYYY-MM-DD, "" unknown.
type retentionRow struct {
	Record      string `json:"record"`            // case, or pupil (with no case)
	CaseID      int64  `json:"case_id,omitempty"` // a case's
	PupilID     int64  `json:"pupil_id"`
	Pupil       string `json:"pupil"`
	DateOfBirth string `json:"date_of_birth"`
	Kind        string `json:"kind,omitempty"`
	Start       string `json:"start,omitempty"`
	Closed      string `json:"closed,omitempty"`
	LastChange  string `json:"last_change,omitempty"` // a pupil's
	KeepUntil   string `json:"keep_until"`            // "" when there is no date of birth
}

func writeRetentionJSON(w io.Writer, due []storage.RetentionReview) error {
	rows := make([]retentionRow, 0, len(due))
	for _, r := range due {
		row := retentionRow{Record: "case", CaseID: r.CaseID, PupilID: r.Pupil.ID, Pupil: r.Pupil.Name,
			DateOfBirth: r.Pupil.DateOfBirth.String(), Kind: string(r.Kind), Start: r.Start.String(),
			Closed: r.Closed.String(), LastChange: r.LastChange.String(), KeepUntil: r.KeepUntil.String()}
		if r.IsPupil() {
			row.Record = "pupil"
		}
		rows = append(rows, row)
	}
	return writeJSON(w, rows)
}

func writeRetention(w io.Writer, due []storage.RetentionReview) error {
	var cases, pupils []storage.RetentionReview
	for _, r := range due {
		if r.IsPupil() {
			pupils = append(pupils, r)
		} else {
			cases = append(cases, r)
		}
	}
	if len(due) == 0 {
		_, err := fmt.Fprintln(w, "No closed case and no pupil without a case is past its retention period.")
		return err
	}
	if err := writeRetentionCases(w, cases); err != nil {
		return err
	}
	if err := writeRetentionPupils(w, pupils); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nReview each with your data protection officer; keep any that a safeguarding concern still needs.\n"+
		"To erase one: reintegrate erase --case ID, or --pupil ID for a pupil and all their cases.")
	return err
}

func writeRetentionCases(w io.Writer, cases []storage.RetentionReview) error {
	if len(cases) == 0 {
		_, err := fmt.Fprintln(w, "No closed case is past its retention period.")
		return err
	}
	fmt.Fprintf(w, "%d closed %s past the retention period, to review (nothing has been deleted):\n\n",
		len(cases), plural(len(cases), "case", "cases"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Case\tPupil\tBorn\tKind\tClosed\tKept until\t")
	for _, r := range cases {
		until := cmp.Or(r.KeepUntil.UK(), "no date of birth: check by hand")
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", r.CaseID, r.Pupil.Name, orDash(r.Pupil.DateOfBirth.UK()),
			r.Kind.Label(), orDash(r.Closed.UK()), until)
	}
	return tw.Flush()
}

func writeRetentionPupils(w io.Writer, pupils []storage.RetentionReview) error {
	if len(pupils) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n%d %s with no case, unchanged for a year (imported from the MIS and never used), to review:\n\n",
		len(pupils), plural(len(pupils), "pupil", "pupils"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Pupil ID\tPupil\tBorn\tYear\tLast change\tKept until\t")
	for _, r := range pupils {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", r.Pupil.ID, r.Pupil.Name, orDash(r.Pupil.DateOfBirth.UK()),
			r.Pupil.YearGroup, orDash(r.LastChange.UK()), orDash(r.KeepUntil.UK()))
	}
	return tw.Flush()
}
