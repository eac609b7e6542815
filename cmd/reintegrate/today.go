package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"slices"

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
	Duties    []todayFinding `json:"duties"` // filled from duties for --json only
	Blockers  int            `json:"blockers"`

	duties storage.DutyList // in the order the list shows them
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
	// The day's list is laid out as soon as it is read, while the duties
	// (the longer read) are still being read: the report and, for text, its
	// first part, into memory, so that a failure to read the duties still
	// prints nothing but the error.
	var r todayReport
	var head bytes.Buffer
	duties, err := s.ReadDay(ctx, on, func(school model.School, entries []storage.TodayEntry) error {
		r = buildToday(school.Calendar(), on, entries)
		if !asJSON {
			writeTodayHead(&head, r, school)
		}
		return nil
	})
	if err != nil {
		return storageError(err)
	}
	r.setDuties(duties)
	// One buffer for the whole report: the duties are thousands of lines on
	// a big school, written a few words at a time.
	w := bufio.NewWriterSize(a.stdout, 64<<10)
	if asJSON {
		r.Duties = dutiesJSON(r.duties)
		err = writeJSON(w, r)
	} else {
		_, err = w.Write(head.Bytes())
		writeTodayDuties(w, r)
	}
	if err = cmp.Or(err, w.Flush()); err == nil && duties.NotCached != nil {
		// The register is whole; only the next run's speed is lost.
		fmt.Fprintf(a.stderr, "reintegrate: warning: %v\n  The register printed is complete; the next run works the findings out again.\n",
			duties.NotCached)
	}
	return err
}

// buildToday is the report of the day's list; setDuties adds the duties.
func buildToday(cal *model.Calendar, on model.Date, entries []storage.TodayEntry) todayReport {
	r := todayReport{On: on.String(), SchoolDay: cal.IsSchoolDay(on), Pupils: make([]todayPupil, 0, len(entries)),
		Duties: []todayFinding{}}
	if why, closed := cal.Closed(on); closed {
		r.Closed = why
	}
	lengths := cal.SessionLengths()
	// The list holds only plans running on the day (storage.Today), so the
	// plan's dates leave just the question of whether the school is shut:
	// then a session is no session, whatever the week holds.
	day := cal.Day(on, model.PlanDates{})
	for _, e := range entries {
		session := func(s model.Session, h model.Half) todaySession {
			if !e.Planned {
				return todaySession{Mode: s.Mode}
			}
			code := model.RegisterCode(day, s, h, e.Pupil)
			s = day.Session(s)
			return todaySession{Mode: s.Mode, Minutes: s.ContactMinutes(lengths.Of(h)), Code: code}
		}
		r.Pupils = append(r.Pupils, todayPupil{CaseID: e.CaseID, Pupil: e.Pupil.Name, UPN: e.Pupil.UPN,
			YearGroup: e.Pupil.YearGroup, Kind: e.Kind, Planned: e.Planned,
			AM: session(e.AM, model.AM), PM: session(e.PM, model.PM)})
	}
	return r
}

// setDuties adds the duties, in the order the list shows them, and counts
// the blockers among them.
func (r *todayReport) setDuties(duties storage.DutyList) {
	r.duties, r.Blockers = duties, duties.Blockers()
}

// dutiesJSON is the duties as --json gives them, in the same order: made
// only for JSON, since a big school's list runs to thousands.
func dutiesJSON(duties storage.DutyList) []todayFinding {
	all := slices.Collect(duties.All())
	findings := make([]model.Finding, len(all))
	for i, d := range all {
		findings[i] = d.Finding
	}
	out := make([]todayFinding, len(all))
	for i, f := range findingsJSON(findings) {
		out[i] = todayFinding{CaseID: all[i].CaseID, Pupil: all[i].Pupil, findingJSON: f}
	}
	return out
}
