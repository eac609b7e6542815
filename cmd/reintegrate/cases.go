package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

func (a *app) casesCommand() *cobra.Command {
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "cases",
		Short: "List cases: pupil, kind, status, dates and this week's hours",
		Long:  "cases lists the draft and active cases (--all adds closed ones), sorted by pupil name.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd, func(s *storage.Store) error { return a.cases(cmd, s, all, asJSON) })
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include closed cases")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// caseRow is one case as `cases` shows it; the JSON form uses ISO dates.
type caseRow struct {
	ID             int64            `json:"id"`
	PupilID        int64            `json:"pupil_id"` // for export --pupil
	Pupil          string           `json:"pupil"`
	UPN            string           `json:"upn,omitempty"`
	YearGroup      model.YearGroup  `json:"year_group"`
	Kind           model.Kind       `json:"kind"`
	Status         model.CaseStatus `json:"status"`
	Start          string           `json:"start"`
	PlannedEnd     string           `json:"planned_end"`
	Week           int              `json:"week"`  // week n of the plan as of --on; 0 outside it
	Weeks          int              `json:"weeks"` // weeks from start to planned end
	HoursThisWeek  *float64         `json:"hours_this_week"`
	ThresholdHours *float64         `json:"threshold_hours"`

	noPlanDay string // why this week has none of the plan's school days, if it has none
}

func (a *app) cases(cmd *cobra.Command, s *storage.Store, all, asJSON bool) error {
	ctx := cmd.Context()
	on, err := a.on()
	if err != nil {
		return err
	}
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	summaries, err := s.Cases(ctx, storage.CaseFilter{All: all, On: on})
	if err != nil {
		return storageError(err)
	}
	rows := make([]caseRow, 0, len(summaries))
	cal := school.Calendar()
	for _, cs := range summaries {
		rows = append(rows, newCaseRow(cs, cal, school.Packs.Params, on))
	}
	w := bufio.NewWriterSize(a.stdout, 64<<10) // one write, not one per cell
	if asJSON {
		err = writeJSON(w, rows)
	} else {
		err = writeCases(w, rows, all)
	}
	return cmp.Or(err, w.Flush())
}

func newCaseRow(cs storage.CaseSummary, cal *model.Calendar, params model.Params, on model.Date) caseRow {
	r := caseRow{ID: cs.ID, PupilID: cs.Pupil.ID, Pupil: cs.Pupil.Name, UPN: cs.Pupil.UPN, YearGroup: cs.Pupil.YearGroup,
		Kind: cs.Kind, Status: cs.Status, Start: cs.Start.String(), PlannedEnd: cs.End.String()}
	if !cs.Start.IsZero() && !cs.End.IsZero() {
		r.Weeks = cs.Start.Monday().DaysUntil(cs.End)/7 + 1
		if !on.Before(cs.Start.Monday()) && !on.After(cs.End) {
			r.Week = cs.Start.Monday().DaysUntil(on)/7 + 1
		}
	}
	if cs.HasWeek {
		c := model.Case{Pupil: cs.Pupil, Start: cs.Start, PlannedEnd: cs.End, Timetable: []model.Week{cs.Week}}
		wh := model.PlannedWeeks(c, cal, params)[0]
		if wh.SchoolDays == 0 {
			r.noPlanDay = model.NoPlannedDay(cal.WeekDays(cs.Week.WeekBeginning, c.Dates()))
		}
		hours := wh.HoursInEducation
		r.HoursThisWeek = &hours
		if wh.HasThreshold {
			threshold := wh.ThresholdHours
			r.ThresholdHours = &threshold
		}
	}
	return r
}

func writeCases(w io.Writer, rows []caseRow, all bool) error {
	if len(rows) == 0 {
		if all {
			_, err := fmt.Fprintln(w, "No cases yet: open the app to start one, or `reintegrate import FILE`.")
			return err
		}
		_, err := fmt.Fprintln(w, "No draft or active cases (--all shows closed ones).")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPupil\tYear\tKind\tStatus\tStart\tEnd\tWeek\tThis week")
	for _, r := range rows {
		week := "-"
		if r.Week > 0 {
			week = fmt.Sprintf("%d of %d", r.Week, r.Weeks)
		}
		hours := "-"
		switch {
		case r.noPlanDay != "": // a half-term week, or one after the plan: nothing to count
			hours = r.noPlanDay
		case r.HoursThisWeek != nil:
			hours = model.FormatHours(*r.HoursThisWeek) + " h"
			if r.ThresholdHours != nil {
				hours += " of " + model.FormatHours(*r.ThresholdHours)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Pupil, r.YearGroup, r.Kind.Label(), r.Status,
			orDash(isoToUK(r.Start)), orDash(isoToUK(r.PlannedEnd)), week, hours)
	}
	return tw.Flush()
}

func isoToUK(s string) string {
	d, err := model.ParseDate(s)
	if err != nil {
		return s
	}
	return d.UK()
}
