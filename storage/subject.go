package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"reintegrate/model"
)

// SubjectAccess is everything the record holds about one pupil, for a
// subject access request (UK GDPR Article 15): the pupil, every case in any
// status with all its parts (consent, involvement, notifications,
// extensions, reviews, forms, timetable), the plans recorded elsewhere, and
// every audit entry about the pupil or their cases.
type SubjectAccess struct {
	Pupil   model.Pupil
	Cases   []LoadedCase     // oldest first, each with the pupil's other plans
	History []model.PastCase // plans recorded elsewhere (from case files)
	Audit   []AuditEntry     // oldest first
}

// subjectAuditWhere picks the pupil's own audit entries, those of each of
// their cases, and the tombstone of each case of theirs that was erased.
const subjectAuditWhere = `(entity = 'pupil' AND entity_id = ?1)
	OR (entity = 'case' AND entity_id IN (SELECT id FROM cases WHERE pupil_id = ?1))
	OR (entity = 'case' AND action = 'erase' AND json_extract(after, '$.pupil') = ?1)`

// SubjectAccess gathers everything held about the pupil from one
// consistent snapshot. ErrNotFound when there is no such pupil. It only
// reads: call RecordSubjectAccess when the copy is handed over.
func (s *Store) SubjectAccess(ctx context.Context, pupilID int64) (SubjectAccess, error) {
	var sa SubjectAccess
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if sa.Pupil, err = loadPupil(ctx, tx, "id = ?", pupilID); err != nil {
			return err
		}
		if sa.Cases, err = loadCases(ctx, tx, true, "c.pupil_id = ?", pupilID); err != nil {
			return err
		}
		if sa.History, err = recordedElsewhere(ctx, tx, pupilID); err != nil {
			return err
		}
		sa.Audit, err = subjectAudit(ctx, tx, pupilID)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return sa, s.notHeld(ctx, pupilID)
	}
	if err != nil {
		return sa, fmt.Errorf("gather everything held about pupil %d: %w", pupilID, err)
	}
	return sa, nil
}

// notHeld says why there is no pupil: erased (ErrErased, saying when, by
// whom and why), or never there (ErrNotFound).
func (s *Store) notHeld(ctx context.Context, pupilID int64) error {
	tomb, err := readAudit(ctx, s.reader, "entity = 'pupil' AND entity_id = ?1 AND action = 'erase'", pupilID)
	if err != nil || len(tomb) == 0 {
		return fail(ErrNotFound, "there is no pupil %d in the database", pupilID)
	}
	t := tomb[len(tomb)-1]
	var e Erasure
	why := "past the retention period"
	if json.Unmarshal(t.After, &e) == nil && e.Reason != "" {
		why = "reason given: " + e.Reason
	}
	return fail(ErrErased, "pupil %d was erased on %s by %s (%s): nothing about them is held", pupilID,
		t.At.UTC().Format("02/01/2006"), t.User, why)
}

// recordedElsewhere is the pupil's plans from other settings; the school's
// own cases are in SubjectAccess.Cases already.
func recordedElsewhere(ctx context.Context, q queryer, pupilID int64) ([]model.PastCase, error) {
	past, err := readPastCases(ctx, q, "?", []any{pupilID})
	if err != nil {
		return nil, err
	}
	var out []model.PastCase
	for _, p := range past {
		if p.caseID == 0 {
			out = append(out, p.PastCase)
		}
	}
	return out, nil
}

func subjectAudit(ctx context.Context, q queryer, pupilID int64) ([]AuditEntry, error) {
	return readAudit(ctx, q, subjectAuditWhere, pupilID)
}

// SubjectAccessMade is what the audit log keeps about a copy handed over.
type SubjectAccessMade struct {
	Format    string `json:"format"`         // json, pdf or md
	Cases     int    `json:"cases"`          // how many cases it held
	File      string `json:"file,omitempty"` // where it was written; "" for standard output
	Encrypted bool   `json:"encrypted,omitempty"`
}

// RecordSubjectAccess writes an audit entry (pupil, "subject-access") saying
// that a copy of everything held about the pupil was made, by whom and
// when, so the school can show what it disclosed and to whom.
func (s *Store) RecordSubjectAccess(ctx context.Context, pupilID int64, made SubjectAccessMade) error {
	err := s.write(ctx, func(c *change) error {
		if _, err := loadPupil(ctx, c, "id = ?", pupilID); err != nil {
			return err
		}
		return c.audit("pupil", pupilID, "subject-access", nil, made)
	})
	if errors.Is(err, ErrNotFound) {
		return fail(ErrNotFound, "there is no pupil %d in the database", pupilID)
	}
	if err != nil {
		return fmt.Errorf("record the subject access copy for pupil %d: %w", pupilID, err)
	}
	return nil
}
