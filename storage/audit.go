package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// The audit log: who changed what, when, and how. A creation keeps the
// whole new value; a change keeps only what changed, each field of the
// value that differs with its old value in before and its new in after.
// (A change used to keep two whole copies: a notification added to a case
// with long notes copied the notes twice. Such rows are read the same way,
// so every reader sees only what changed.)

// AuditEntry is one change in the audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	User     string
	Entity   string // school, pupil, case, database
	EntityID int64
	Action   string // create, update, import, restore, erase...
	// Before and After are JSON objects. For a creation, Before is null
	// and After the whole value; for a change, each holds only the fields
	// that changed (a field that appeared is in After alone, one that went
	// in Before alone). Both are null once erased (see Erase).
	Before json.RawMessage
	After  json.RawMessage
}

// audit appends one row to the audit log, in the same transaction as the
// change it records: who (Options.User), when, what entity, and the model
// value before and after (nil for none), of which only what changed is
// kept when both are given.
func (c *change) audit(entity string, id int64, action string, before, after any) error {
	b, err := jsonOrNull(before)
	if err != nil {
		return err
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return err
	}
	b, a = changed(b, a)
	_, err = c.ExecContext(c.ctx, `INSERT INTO audit (at, user, entity, entity_id, action, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.s.stamp(), c.s.who(), entity, id, action, textOrNull(b), textOrNull(a))
	if err == nil {
		c.audited++
	}
	return err
}

func jsonOrNull(v any) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("record the change in the audit log: %w", err)
	}
	return b, nil
}

func textOrNull(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// changed cuts two JSON objects down to the fields in which they differ;
// anything else (a creation, a value that is not an object) is kept as it
// is. Fields compare as the bytes json.Marshal wrote, which are the same
// for the same value (map keys are sorted).
func changed(before, after []byte) ([]byte, []byte) {
	var b, a map[string]json.RawMessage
	if json.Unmarshal(before, &b) != nil || json.Unmarshal(after, &a) != nil || b == nil || a == nil {
		return before, after
	}
	for k, v := range b {
		if w, ok := a[k]; ok && bytes.Equal(v, w) {
			delete(b, k)
			delete(a, k)
		}
	}
	bd, err1 := json.Marshal(b)
	ad, err2 := json.Marshal(a)
	if err1 != nil || err2 != nil { // cannot happen: both were read as JSON
		return before, after
	}
	return bd, ad
}

// Audit lists the changes to one entity ("case", 12), oldest first, for
// the case history screen.
func (s *Store) Audit(ctx context.Context, entity string, id int64) ([]AuditEntry, error) {
	out, err := readAudit(ctx, s.reader, "entity = ?1 AND entity_id = ?2", entity, id)
	if err != nil {
		return nil, fmt.Errorf("read the audit log of %s %d: %w", entity, id, s.explain(err))
	}
	return out, nil
}

// readAudit reads the audit entries a condition picks, oldest first. It is
// the one reader of the log: a row written with two whole copies (as every
// change once was) comes out as one written since, with only what changed.
func readAudit(ctx context.Context, q queryer, where string, args ...any) ([]AuditEntry, error) {
	var out []AuditEntry
	err := eachRow(ctx, q, `SELECT id, at, user, entity, entity_id, action,
		coalesce(before, 'null'), coalesce(after, 'null') FROM audit WHERE `+where+` ORDER BY id`, args,
		func(rows *sql.Rows) error {
			var e AuditEntry
			var at string
			var before, after []byte
			if err := rows.Scan(&e.ID, &at, &e.User, &e.Entity, &e.EntityID, &e.Action, &before, &after); err != nil {
				return err
			}
			var err error
			if e.At, err = time.Parse(stamp, at); err != nil {
				return fmt.Errorf("audit entry %d has a bad time %q", e.ID, at)
			}
			b, a := changed(before, after)
			e.Before, e.After = json.RawMessage(b), json.RawMessage(a)
			out = append(out, e)
			return nil
		})
	return out, err
}
