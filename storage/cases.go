package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"reintegrate/model"
)

// Case loads one case with everything it holds, and its version: pass the
// version back to SaveCase. ErrNotFound when there is no such case.
func (s *Store) Case(ctx context.Context, id int64) (model.Case, int, error) {
	var lc LoadedCase
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		lc, err = loadCase(ctx, tx, id)
		return err
	})
	if err != nil {
		return model.Case{}, 0, fmt.Errorf("read case %d: %w", id, err)
	}
	return lc.Case, lc.Version, nil
}

func loadCase(ctx context.Context, q queryer, id int64) (LoadedCase, error) {
	cases, err := loadCases(ctx, q, false, "c.id = ?", id)
	if err != nil {
		return LoadedCase{}, err
	}
	if len(cases) == 0 {
		return LoadedCase{}, fail(ErrNotFound, "case %d is not in the database", id)
	}
	return cases[0], nil
}

// ActiveCases loads every active case in full, with its version and its
// pupil's other plans, in a fixed handful of queries: for recomputing the
// findings that Findings reports stale.
func (s *Store) ActiveCases(ctx context.Context) ([]LoadedCase, error) {
	var out []LoadedCase
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadCases(ctx, tx, true, "c.status = 'active'")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the active cases: %w", err)
	}
	return out, nil
}

// History lists the pupil's other plans (the school's own cases that ran,
// drafts aside, and plans recorded elsewhere from an imported case file),
// oldest first, leaving out the case being checked.
func (s *Store) History(ctx context.Context, pupilID, exceptCaseID int64) ([]model.PastCase, error) {
	past, err := readPastCases(ctx, s.reader, "SELECT ?", []any{pupilID})
	if err != nil {
		return nil, fmt.Errorf("read the earlier plans of pupil %d: %w", pupilID, s.explain(err))
	}
	var out []model.PastCase
	for _, p := range past {
		if p.caseID != exceptCaseID || p.caseID == 0 {
			out = append(out, p.PastCase)
		}
	}
	return out, nil
}

// CreateCase stores a new case for a pupil already on record and sets c.ID.
// Its version is 1. An empty status is stored as draft.
func (s *Store) CreateCase(ctx context.Context, c *model.Case) error {
	saved := c.Cleaned()
	if saved.Status == "" {
		saved.Status = model.Draft
	}
	if err := validateCase(saved); err != nil {
		return fmt.Errorf("create case: %w", err)
	}
	err := s.write(ctx, func(ch *change) error { return createCase(ctx, ch, &saved, "create") })
	if err != nil {
		return fmt.Errorf("create case for %s: %w", c.Pupil.Name, err)
	}
	c.ID, c.Status = saved.ID, saved.Status
	return nil
}

func createCase(ctx context.Context, ch *change, c *model.Case, action string) error {
	if _, err := loadPupil(ctx, ch, "id = ?", c.Pupil.ID); errors.Is(err, ErrNotFound) {
		return fail(ErrNotFound, "pupil %d (%s) is not in the database: save the pupil first", c.Pupil.ID, c.Pupil.Name)
	} else if err != nil {
		return err
	}
	stamp := ch.s.stamp()
	res, err := ch.ExecContext(ctx, insertCase, append(caseArgs(*c), stamp, stamp)...)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := insertParts(ctx, ch.Tx, *c); err != nil {
		return err
	}
	if err := clearFindings(ctx, ch, c.Pupil.ID); err != nil {
		return err
	}
	return ch.audit("case", c.ID, action, nil, c)
}

// SaveCase replaces the case and everything it holds, in one transaction,
// if it is still at the version it was loaded at, and returns its new
// version. If someone saved it in between, nothing is written and the error
// is ErrConflict ("case N was changed elsewhere; reload it"): a person's
// edit of a copy that has gone stale is never saved over another's.
func (s *Store) SaveCase(ctx context.Context, c model.Case, version int) (int, error) {
	c = c.Cleaned()
	if c.Status == "" {
		c.Status = model.Draft
	}
	if err := validateCase(c); err != nil {
		return 0, fmt.Errorf("save case %d: %w", c.ID, err)
	}
	err := s.write(ctx, func(ch *change) error {
		before, err := loadCase(ctx, ch, c.ID)
		if err != nil {
			return err
		}
		if before.Version != version {
			return fail(ErrConflict, "case %d was changed elsewhere; reload it", c.ID)
		}
		return replaceCase(ctx, ch, before, c)
	})
	if err != nil {
		if errors.Is(err, ErrConflict) {
			return 0, err // the message already says which case and what to do
		}
		return 0, fmt.Errorf("save case %d: %w", c.ID, err)
	}
	return version + 1, nil
}

// UpdateCase makes one change to a case (a notification recorded, a review
// added) in one write transaction: it reads the case as it stands once the
// write lock is held (BEGIN IMMEDIATE: a second writer waits its turn),
// hands it to edit, and saves what edit made of it. So two people, or two
// scripts, each adding something at once both succeed, one after the
// other, where a read before the transaction would have made the second
// fail as changed elsewhere. It returns the case as saved and its version.
// An error from edit is returned as it is, and nothing is written.
func (s *Store) UpdateCase(ctx context.Context, id int64, edit func(*model.Case) error) (model.Case, int, error) {
	var saved model.Case
	var version int
	err := s.write(ctx, func(ch *change) error {
		before, err := loadCase(ctx, ch, id)
		if err != nil {
			return err
		}
		c := before.Case
		if err := edit(&c); err != nil {
			return err
		}
		c = c.Cleaned()
		c.ID = id
		if err := validateCase(c); err != nil {
			return err
		}
		saved, version = c, before.Version+1
		return replaceCase(ctx, ch, before, c)
	})
	if err != nil {
		return model.Case{}, 0, fmt.Errorf("save case %d: %w", id, err)
	}
	return saved, version, nil
}

// replaceCase writes c over before (the case as stored, at its version),
// clears the findings it affects and audits the change.
func replaceCase(ctx context.Context, ch *change, before LoadedCase, c model.Case) error {
	if c.Pupil.ID != before.Pupil.ID {
		if _, err := loadPupil(ctx, ch, "id = ?", c.Pupil.ID); errors.Is(err, ErrNotFound) {
			return fail(ErrNotFound, "pupil %d (%s) is not in the database: save the pupil first", c.Pupil.ID, c.Pupil.Name)
		}
	}
	args := append(caseArgs(c), ch.s.stamp(), c.ID, before.Version)
	if _, err := ch.ExecContext(ctx, updateCase, args...); err != nil {
		return err
	}
	if err := replaceParts(ctx, ch.Tx, c); err != nil {
		return err
	}
	for _, pupil := range []int64{before.Pupil.ID, c.Pupil.ID} {
		if err := clearFindings(ctx, ch, pupil); err != nil {
			return err
		}
	}
	return ch.audit("case", c.ID, "update", before.Case, c)
}

// caseWriteColumns are the columns SaveCase and CreateCase write, in the
// order caseArgs gives them.
var caseWriteColumns = []string{"pupil_id", "kind", "reasons", "start", "planned_end",
	"effective_end", "status", "closed", "outcome", "agreed", "named_person",
	"consent_parent_name", "consent_relationship", "consent_lives_with_pupil", "consent_signed",
	"consent_authorised_by", "risk_completed", "risk_significant", "fair_access_referred",
	"place_offered", "home_learning", "outcome_note", "closed_by", "closed_over", "closed_over_reason"}

var (
	insertCase = "INSERT INTO cases (" + strings.Join(caseWriteColumns, ", ") +
		", version, created, updated) VALUES (" + strings.Repeat("?, ", len(caseWriteColumns)) + "1, ?, ?)"
	updateCase = "UPDATE cases SET " + strings.Join(caseWriteColumns, " = ?, ") +
		" = ?, version = version + 1, updated = ? WHERE id = ? AND version = ?"
)

func caseArgs(c model.Case) []any {
	return []any{c.Pupil.ID, string(c.Kind), joinCodes(c.Reasons), dateArg(c.Start),
		dateArg(c.PlannedEnd), dateArg(c.End()), string(c.Status), dateArg(c.Closed), string(c.Outcome),
		dateArg(c.Agreed), c.NamedPerson, c.Consent.ParentName, c.Consent.Relationship,
		c.Consent.LivesWithPupil, dateArg(c.Consent.Signed), c.Consent.AuthorisedBy,
		dateArg(c.RiskAssessment.Completed), c.RiskAssessment.SignificantRisk,
		dateArg(c.Referral.FairAccessReferred), dateArg(c.Referral.PlaceOffered), c.HomeLearning,
		c.OutcomeNote, c.ClosedBy, joinCodes(c.ClosedOver.Blockers), c.ClosedOver.Reason}
}

func replaceParts(ctx context.Context, tx *sql.Tx, c model.Case) error {
	for _, table := range []string{"involvement", "notifications", "extensions", "reviews", "forms", "weeks"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE case_id = ?", c.ID); err != nil {
			return err
		}
	}
	return insertParts(ctx, tx, c)
}

// insertParts writes the case's lists, each row keeping its position.
func insertParts(ctx context.Context, tx *sql.Tx, c model.Case) error {
	var rows [][]any
	var queries []string
	add := func(query string, args ...any) {
		queries = append(queries, query)
		rows = append(rows, args)
	}
	for i, in := range c.Involvement {
		add(`INSERT INTO involvement (case_id, position, role, name, agreed, attended_meeting, early_review_asked)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, i, string(in.Role), in.Name, dateArg(in.Agreed), in.AttendedMeeting, in.EarlyReviewAsked)
	}
	for i, n := range c.Notifications {
		add(`INSERT INTO notifications (case_id, position, sent_to, what, sent, sent_by) VALUES (?, ?, ?, ?, ?, ?)`,
			c.ID, i, string(n.To), n.What, dateArg(n.Sent), n.SentBy)
	}
	for i, e := range c.Extensions {
		add(`INSERT INTO extensions (case_id, position, agreed, new_end, reason, parent_agreed) VALUES (?, ?, ?, ?, ?, ?)`,
			c.ID, i, dateArg(e.Agreed), dateArg(e.NewEnd), e.Reason, e.ParentAgreed)
	}
	for i, r := range c.Reviews {
		add(`INSERT INTO reviews (case_id, position, due, held, kind, pupil_views, parent_attended, notes,
			attended, pupil_views_text, parent_views_text, decisions, struck_out, struck_out_reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, i, dateArg(r.Due), dateArg(r.Held), r.Kind,
			r.PupilViews, r.ParentAttended, r.Notes, joinCodes(r.Attended), r.PupilViewsText, r.ParentViewsText,
			r.Decisions, dateArg(r.StruckOut.On), r.StruckOut.Reason)
	}
	for i, f := range c.Forms {
		fields, err := json.Marshal(f.Fields)
		if err != nil {
			return err
		}
		if f.Fields == nil {
			fields = []byte("{}")
		}
		add(`INSERT INTO forms (case_id, position, template, version, completed, fields) VALUES (?, ?, ?, ?, ?, ?)`,
			c.ID, i, f.Template, f.Version, dateArg(f.Completed), string(fields))
	}
	for _, w := range c.Timetable {
		add(`INSERT INTO weeks (case_id, week_beginning, sessions) VALUES (?, ?, ?)`,
			c.ID, dateArg(w.WeekBeginning), encodeSessions(w.Days))
	}
	for i, q := range queries {
		if _, err := tx.ExecContext(ctx, q, rows[i]...); err != nil {
			return err
		}
	}
	return nil
}
