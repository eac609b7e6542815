package ui

import (
	"context"

	"reintegrate/model"
	"reintegrate/storage"
)

// Store is what the screens ask of storage, and no more. Its methods
// mirror storage's; FromStorage wraps the real *storage.Store, tests use an
// in-memory fake. Every call runs inside a tea.Cmd, never in Update.
type Store interface {
	// Today lists the active cases whose plan covers the date, with that
	// day's am and pm sessions.
	Today(ctx context.Context, on model.Date) ([]TodayEntry, error)
	// Duties are the due, overdue and blocking findings of every active
	// case as of the date, soonest first. The real store keeps them in its
	// findings cache, so a morning's second look does not run the rules
	// over every case again.
	Duties(ctx context.Context, on model.Date) (DutyList, error)
	// Cases lists cases for the Cases screen; with f.On set each row
	// carries the planned week containing that date.
	Cases(ctx context.Context, f CaseFilter) ([]CaseSummary, error)
	// Case loads one case and the version to hand back to SaveCase.
	Case(ctx context.Context, id int64) (model.Case, int, error)
	// SaveCase writes the case if it is still at version, and returns the
	// new version; an error wrapping ErrConflict when someone else saved
	// it in between.
	SaveCase(ctx context.Context, c model.Case, version int) (int, error)
	// CreateCase stores a new case (and sets its ID).
	CreateCase(ctx context.Context, c *model.Case) error
	Pupils(ctx context.Context) ([]model.Pupil, error)
	// SavePupil adds or updates a pupil (and sets the ID of a new one).
	// A UPN another pupil has is refused (ErrDuplicate); so is a name and
	// date of birth that look the same as another pupil's (ErrLookalike),
	// unless AllowLookalike.
	SavePupil(ctx context.Context, p *model.Pupil, opts ...SaveOption) error
	// ImportPupils brings a pupils CSV from the MIS into the record, or on
	// a dry run says what it would do.
	ImportPupils(ctx context.Context, f model.PupilsCSV, opt ImportOptions) (ImportReport, error)
	// History is the pupil's other plans, for rules about repeats.
	History(ctx context.Context, pupilID, exceptCaseID int64) ([]model.PastCase, error)
	// Audit is the trail of changes to one entity ("case", id), oldest first.
	Audit(ctx context.Context, entity string, id int64) ([]AuditEntry, error)
	SaveSchool(ctx context.Context, s model.School) error
	// ReportCases are the cases a report over the period needs, with each
	// pupil's earlier plans.
	ReportCases(ctx context.Context, from, to model.Date) ([]model.Case, map[int64][]model.PastCase, error)
}

// The screens speak storage's own types: *storage.Store is a Store as it
// stands, and the test fake builds the same values.
type (
	TodayEntry    = storage.TodayEntry
	ActiveCase    = storage.LoadedCase
	CaseFilter    = storage.CaseFilter
	CaseSummary   = storage.CaseSummary
	AuditEntry    = storage.AuditEntry
	Duty          = storage.Duty
	DutyList      = storage.DutyList
	SaveOption    = storage.SaveOption
	ImportOptions = storage.ImportOptions
	ImportReport  = storage.ImportReport
)

// What SavePupil's errors wrap, and its one option.
var (
	ErrDuplicate   = storage.ErrDuplicate
	ErrLookalike   = storage.ErrLookalike
	AllowLookalike = storage.AllowLookalike
)

// ErrConflict is what SaveCase's error wraps when the case changed
// elsewhere since it was loaded (another laptop, another window).
var ErrConflict = storage.ErrConflict

// The real store is a Store.
var _ Store = (*storage.Store)(nil)

// summarise makes a CaseSummary from a full case, with the week planned
// for the date. The test fake shares it.
func summarise(c model.Case, version int, on model.Date) CaseSummary {
	s := CaseSummary{ID: c.ID, Pupil: c.Pupil, Kind: c.Kind, Status: c.Status,
		Start: c.Start, End: c.End(), Version: version}
	if !on.IsZero() {
		s.Week, s.HasWeek = c.WeekFor(on)
	}
	return s
}
