package main

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

func (a *app) todayCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "today",
		Short: "Today's register: pupils on reduced timetables, their sessions and codes, what is due",
		Long: "today lists every pupil whose plan runs today with the morning and afternoon " +
			"session and the register code each gets, then the duties due or overdue across " +
			"all active cases, blockers first. --on looks at another day.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd, func(s *storage.Store) error { return a.today(cmd, s, asJSON) })
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// todayReport is what `today` knows, and its JSON form.
type todayReport struct {
	On        string         `json:"on"`
	SchoolDay bool           `json:"school_day"`
	Closed    string         `json:"closed,omitempty"` // why the school is shut, if it is
	Pupils    []todayPupil   `json:"pupils"`
	Duties    []todayFinding `json:"duties"`
	Blockers  int            `json:"blockers"`
}

type todayPupil struct {
	CaseID    int64           `json:"case_id"`
	Pupil     string          `json:"pupil"`
	UPN       string          `json:"upn,omitempty"`
	YearGroup model.YearGroup `json:"year_group"`
	Kind      model.Kind      `json:"kind"`
	Planned   bool            `json:"planned"` // false: no timetable week covers today
	AM        todaySession    `json:"am"`
	PM        todaySession    `json:"pm"`
}

type todaySession struct {
	Mode    model.Mode `json:"mode"`
	Minutes int        `json:"minutes"`
	Code    string     `json:"code"`
}

type todayFinding struct {
	CaseID int64  `json:"case_id"`
	Pupil  string `json:"pupil"`
	findingJSON
}

func (a *app) today(cmd *cobra.Command, s *storage.Store, asJSON bool) error {
	ctx := cmd.Context()
	on, err := a.on()
	if err != nil {
		return err
	}
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	entries, err := s.Today(ctx, on)
	if err != nil {
		return storageError(err)
	}
	findings, err := s.OutstandingFindings(ctx, on)
	if err != nil {
		return storageError(err)
	}
	r := buildToday(school.Calendar(), on, entries, findings)
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return writeToday(a.stdout, r, school)
}

func buildToday(cal *model.Calendar, on model.Date, entries []storage.TodayEntry, findings map[int64][]model.Finding) todayReport {
	r := todayReport{On: on.String(), SchoolDay: cal.IsSchoolDay(on), Pupils: []todayPupil{}, Duties: []todayFinding{}}
	if why, closed := cal.Closed(on); closed {
		r.Closed = why
	}
	names := map[int64]string{}
	lengths := cal.SessionLengths()
	for _, e := range entries {
		names[e.CaseID] = e.Pupil.Name
		session := func(s model.Session, h model.Half) todaySession {
			if !e.Planned {
				return todaySession{Mode: s.Mode}
			}
			return todaySession{Mode: s.Mode, Minutes: s.ContactMinutes(lengths.Of(h)),
				Code: model.RegisterCode(s, h, e.Pupil, on, cal)}
		}
		r.Pupils = append(r.Pupils, todayPupil{CaseID: e.CaseID, Pupil: e.Pupil.Name, UPN: e.Pupil.UPN,
			YearGroup: e.Pupil.YearGroup, Kind: e.Kind, Planned: e.Planned,
			AM: session(e.AM, model.AM), PM: session(e.PM, model.PM)})
	}
	for id, fs := range findings {
		for _, f := range fs {
			if f.Status != model.Due && f.Status != model.Overdue && !f.Blocks() {
				continue
			}
			if f.Blocks() {
				r.Blockers++
			}
			r.Duties = append(r.Duties, todayFinding{CaseID: id, Pupil: names[id], findingJSON: findingsJSON([]model.Finding{f})[0]})
		}
	}
	slices.SortFunc(r.Duties, compareDuties)
	return r
}

// compareDuties puts blockers first, then overdue before due, then the
// earliest deadline, then the pupil.
func compareDuties(a, b todayFinding) int {
	rank := func(f todayFinding) int {
		switch {
		case f.Severity == model.Blocker:
			return 0
		case f.Status == model.Overdue:
			return 1
		}
		return 2
	}
	due := func(f todayFinding) string {
		if f.Due == nil {
			return "9999"
		}
		return *f.Due
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(due(a), due(b)),
		strings.Compare(a.Pupil, b.Pupil), cmp.Compare(a.CaseID, b.CaseID), strings.Compare(a.Rule, b.Rule))
}
