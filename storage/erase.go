package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"reintegrate/model"
)

// Erasure (UK GDPR Article 17, and the end of a retention period): a case,
// or a pupil with every case of theirs, is removed from the record: its
// rows, its parts, its findings, and the bodies of every audit entry about
// it (which hold copies of it). What stays is the bare trail (when, who,
// which entity, what action) and a tombstone entry saying what was erased,
// when, by whom and why, holding no personal data. Deleted rows are
// overwritten (secure_delete), the file rewritten from its live rows and
// the write-ahead log emptied, so no copy is left in the file. Backups
// made before keep theirs.

// ErrNotDue: the record is not past its retention period and no reason
// was given for erasing it.
var ErrNotDue = errors.New("not past its retention period")

// EraseTarget names what to erase: a case (Case), or a pupil and all their
// cases (Pupil). Exactly one is set.
type EraseTarget struct {
	Case  int64
	Pupil int64
}

func (t EraseTarget) String() string {
	if t.Case != 0 {
		return fmt.Sprintf("case %d", t.Case)
	}
	return fmt.Sprintf("pupil %d", t.Pupil)
}

// Erasure is what an erase removes; the tombstone keeps its JSON, which
// names records only by their IDs.
type Erasure struct {
	Record  string  `json:"erased"` // case or pupil
	ID      int64   `json:"id"`
	PupilID int64   `json:"pupil"`
	Cases   []int64 `json:"cases"` // every case erased
	// PastRetention: every record erased was past its retention period on
	// the as-of date; RetentionEnded is the latest of their periods' ends.
	PastRetention  bool   `json:"past_retention"`
	RetentionEnded string `json:"retention_ended,omitempty"` // YYYY-MM-DD
	Reason         string `json:"reason,omitempty"`          // as typed
	// Removed counts the rows removed, by what they were.
	Removed map[string]int `json:"removed"`
	// AuditEmptied is how many audit entries lost their bodies.
	AuditEmptied int `json:"audit_entries_emptied"`

	// For the person confirming it, never stored: the pupil, and each
	// record with its retention dates.
	Pupil   model.Pupil       `json:"-"`
	Records []RetentionReview `json:"-"`
	// Lingering says where copies of the erased rows may stay for a while
	// (see compact), or is "".
	Lingering string `json:"-"`
}

// ErasurePreview is what Erase would remove, as of the date, read without
// changing anything: for the person to confirm.
func (s *Store) ErasurePreview(ctx context.Context, t EraseTarget, on model.Date) (Erasure, error) {
	var e Erasure
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = erasureOf(ctx, tx, t, on)
		return err
	})
	if err != nil {
		return Erasure{}, fmt.Errorf("erase %s: %w", t, err)
	}
	return e, nil
}

// Erase removes the record and every copy of its personal data, leaving a
// tombstone in the audit log, in one transaction. It refuses, with
// ErrNotDue, a record not past its retention period as of the date unless
// a reason is given; ErrNotFound when there is no such record.
func (s *Store) Erase(ctx context.Context, t EraseTarget, reason string, on model.Date) (Erasure, error) {
	reason = strings.TrimSpace(model.CleanText(reason, true))
	if err := model.CheckLength("the reason", reason, model.MaxNoteLength); err != nil {
		return Erasure{}, err
	}
	var e Erasure
	err := s.write(ctx, func(ch *change) error {
		var err error
		if e, err = erasureOf(ctx, ch, t, on); err != nil {
			return err
		}
		if !e.PastRetention && reason == "" {
			return fail(ErrNotDue, "%s is not past its retention period%s: nothing was erased; to erase it all the same, say why with --reason",
				t, keptUntil(e))
		}
		e.Reason = reason
		return erase(ctx, ch, &e)
	})
	if err != nil {
		return Erasure{}, fmt.Errorf("erase %s: %w", t, err)
	}
	e.Lingering = s.compact(ctx)
	return e, nil
}

func keptUntil(e Erasure) string {
	for _, r := range e.Records {
		if r.KeepUntil.IsZero() {
			return " (it cannot be dated: the pupil has no date of birth)"
		}
	}
	if e.RetentionEnded == "" {
		return ""
	}
	d, _ := model.ParseDate(e.RetentionEnded)
	return " (kept until " + d.UK() + ")"
}

// erasureOf works out what erasing the target removes, as of the date.
func erasureOf(ctx context.Context, q queryer, t EraseTarget, on model.Date) (Erasure, error) {
	school, err := loadSchool(ctx, q)
	if err != nil {
		return Erasure{}, err
	}
	e := Erasure{Record: "case", ID: t.Case, Removed: map[string]int{}}
	where, arg := "c.id = ?", t.Case
	if t.Case == 0 {
		e.Record, e.ID, where, arg = "pupil", t.Pupil, "c.pupil_id = ?", t.Pupil
	}
	if e.Records, err = closedCases(ctx, q, where, school.RetentionYears, arg); err != nil {
		return Erasure{}, err
	}
	switch {
	case len(e.Records) > 0:
		e.Pupil = e.Records[0].Pupil
	case t.Case != 0:
		return Erasure{}, fail(ErrNotFound, "there is no case %d in the database", t.Case)
	default:
		if e.Pupil, err = loadPupil(ctx, q, "id = ?", t.Pupil); errors.Is(err, ErrNotFound) {
			return Erasure{}, fail(ErrNotFound, "there is no pupil %d in the database", t.Pupil)
		} else if err != nil {
			return Erasure{}, err
		}
		if e.Records, err = pupilsWithoutCase(ctx, q, "p.id = ?", t.Pupil); err != nil {
			return Erasure{}, err
		}
	}
	e.PupilID = e.Pupil.ID
	return e, e.judge(ctx, q, on)
}

// judge fills in the cases, whether all are past retention, and what goes.
func (e *Erasure) judge(ctx context.Context, q queryer, on model.Date) error {
	statuses := map[int64]string{}
	err := eachRow(ctx, q, "SELECT id, status FROM cases WHERE id IN (SELECT value FROM json_each(?))",
		[]any{idList(e.Records)}, func(rows *sql.Rows) error {
			var id int64
			var status string
			err := rows.Scan(&id, &status)
			statuses[id] = status
			return err
		})
	if err != nil {
		return err
	}
	e.PastRetention = true
	for _, r := range e.Records {
		if !r.IsPupil() {
			e.Cases = append(e.Cases, r.CaseID)
		}
		closedOrPupil := r.IsPupil() || statuses[r.CaseID] == string(model.Closed)
		e.PastRetention = e.PastRetention && closedOrPupil && r.PastRetention(on)
		if !r.KeepUntil.IsZero() && r.KeepUntil.String() > e.RetentionEnded {
			e.RetentionEnded = r.KeepUntil.String()
		}
	}
	return e.count(ctx, q)
}

func idList(records []RetentionReview) string {
	ids := []int64{}
	for _, r := range records {
		if !r.IsPupil() {
			ids = append(ids, r.CaseID)
		}
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// erasedParts are the tables whose rows go with a case, by the names the
// tombstone counts them under.
var erasedParts = []struct{ name, table string }{
	{"weeks", "weeks"}, {"reviews", "reviews"}, {"forms", "forms"}, {"notifications", "notifications"},
	{"involvement", "involvement"}, {"extensions", "extensions"},
}

// count says how many rows of each kind go.
func (e *Erasure) count(ctx context.Context, q queryer) error {
	ids := idList(e.Records)
	e.Removed["cases"] = len(e.Cases)
	for _, p := range erasedParts {
		var n int
		err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+p.table+" WHERE case_id IN (SELECT value FROM json_each(?))", ids).Scan(&n)
		if err != nil {
			return err
		}
		e.Removed[p.name] = n
	}
	if e.Record == "pupil" {
		e.Removed["pupils"] = 1
		var n int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM past_cases WHERE pupil_id = ?", e.PupilID).Scan(&n); err != nil {
			return err
		}
		e.Removed["plans recorded elsewhere"] = n
	}
	return nil
}

// erase deletes the rows (their parts and findings go with the cases, the
// plans recorded elsewhere with the pupil), overwriting them, empties the
// audit entries about them and writes the tombstone.
func erase(ctx context.Context, ch *change, e *Erasure) error {
	if _, err := ch.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return err
	}
	defer ch.ExecContext(ctx, "PRAGMA secure_delete = OFF")
	ids := idList(e.Records)
	if _, err := ch.ExecContext(ctx, "DELETE FROM cases WHERE id IN (SELECT value FROM json_each(?))", ids); err != nil {
		return err
	}
	about := "entity = 'case' AND entity_id IN (SELECT value FROM json_each(?1))"
	if e.Record == "pupil" {
		if _, err := ch.ExecContext(ctx, "DELETE FROM pupils WHERE id = ?", e.PupilID); err != nil {
			return err
		}
		about = "(" + about + ") OR (entity = 'pupil' AND entity_id = ?2)"
	}
	res, err := ch.ExecContext(ctx, `UPDATE audit SET before = NULL, after = NULL
		WHERE action <> 'erase' AND (before IS NOT NULL OR after IS NOT NULL) AND (`+about+`)`, ids, e.PupilID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	e.AuditEmptied = int(n)
	slices.Sort(e.Cases)
	return ch.audit(e.Record, e.ID, "erase", nil, e)
}

// compact rewrites the file from its live rows (VACUUM), so no fragment of
// an erased row is left in a page's unused space (where earlier edits, made
// without secure_delete, can leave old bytes), then copies the pages out of
// the write-ahead log and empties it. The erasure is saved before this
// runs: a failure here (a full disk; another program reading, which keeps
// the log) is reported as Lingering, not as a failed erase.
func (s *Store) compact(ctx context.Context) string {
	if _, err := s.writer.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Sprintf("the file could not be compacted (%v), so fragments of what was erased may stay in its unused space until the next erase", s.explain(err))
	}
	var busy, logged, moved int
	err := s.writer.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved)
	if err != nil || busy != 0 {
		return "another program has the database open, so older copies stay in its write-ahead log until it closes"
	}
	return ""
}
