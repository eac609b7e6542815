-- Schema 7: erasure.

-- The audit log stays append-only but for one change: erasing a pupil or a
-- case (storage/erase.go) empties the bodies (before and after) of the
-- entries about them, which hold their personal data, and adds a tombstone
-- entry (action 'erase') saying what was erased, when, by whom and why.
-- When, who, what entity and what action of every entry stay. Any other
-- change to an entry, emptying a tombstone, and any deletion are refused.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (new.before IS NULL AND new.after IS NULL AND old.action <> 'erase'
	AND new.id = old.id AND new.at = old.at AND new.user = old.user
	AND new.entity = old.entity AND new.entity_id = old.entity_id AND new.action = old.action)
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;
