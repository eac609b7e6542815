package main

import (
	"cmp"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reintegrate/storage"
)

// Retention (issue 7 part 7): closed cases past the school's retention
// period are listed for someone to review. Nothing here deletes: destroying
// a child's record is a decision for a person, with the data protection
// officer, and a safeguarding concern may mean keeping it longer.

func (a *app) retentionCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "retention",
		Short: "List closed cases past the retention period, for review (nothing is deleted)",
		Long: "retention lists the closed cases whose retention period has ended by --on: the " +
			"pupil's date of birth plus the school's retention years (default 25, as in the IRMS " +
			"toolkit for schools). Cases whose pupil has no date of birth are listed too, to check " +
			"by hand. Nothing is deleted: review each with your data protection officer.",
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

// retentionRow is one case due for review; dates YYYY-MM-DD, "" unknown.
type retentionRow struct {
	CaseID      int64  `json:"case_id"`
	PupilID     int64  `json:"pupil_id"`
	Pupil       string `json:"pupil"`
	DateOfBirth string `json:"date_of_birth"`
	Kind        string `json:"kind"`
	Start       string `json:"start"`
	Closed      string `json:"closed"`
	KeepUntil   string `json:"keep_until"` // "" when there is no date of birth
}

func writeRetentionJSON(w io.Writer, due []storage.RetentionReview) error {
	rows := make([]retentionRow, 0, len(due))
	for _, r := range due {
		rows = append(rows, retentionRow{CaseID: r.CaseID, PupilID: r.Pupil.ID, Pupil: r.Pupil.Name,
			DateOfBirth: r.Pupil.DateOfBirth.String(), Kind: string(r.Kind), Start: r.Start.String(),
			Closed: r.Closed.String(), KeepUntil: r.KeepUntil.String()})
	}
	return writeJSON(w, rows)
}

func writeRetention(w io.Writer, due []storage.RetentionReview) error {
	if len(due) == 0 {
		_, err := fmt.Fprintln(w, "No closed case is past its retention period.")
		return err
	}
	fmt.Fprintf(w, "%d closed %s past the retention period, to review (nothing has been deleted):\n\n",
		len(due), plural(len(due), "case", "cases"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Case\tPupil\tBorn\tKind\tClosed\tKept until\t")
	for _, r := range due {
		until := cmp.Or(r.KeepUntil.UK(), "no date of birth: check by hand")
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", r.CaseID, r.Pupil.Name, orDash(r.Pupil.DateOfBirth.UK()),
			r.Kind.Label(), orDash(r.Closed.UK()), until)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nReview each with your data protection officer; keep any that a safeguarding concern still needs.")
	return err
}
