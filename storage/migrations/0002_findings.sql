-- Schema 2: the effective end date of a case and the findings cache.

-- The planned end moved by the latest extension (model.Case.End), kept on
-- the case so `today` can pick the cases whose plan covers a date from one
-- index. Filled here for cases written by schema 1.
ALTER TABLE cases ADD COLUMN effective_end TEXT;
UPDATE cases SET effective_end = nullif(max(
	coalesce(planned_end, ''),
	coalesce((SELECT max(new_end) FROM extensions WHERE extensions.case_id = cases.id), '')), '');
CREATE INDEX cases_active ON cases (status, start, effective_end);

-- The findings cache: model.Check's outstanding findings for an active case,
-- as of one date and one version of the case. It is derived data, not part
-- of the record: it is not audited, and any change to the case, its pupil
-- or the school profile clears it.
CREATE TABLE findings_checked (
	case_id      INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
	on_date      TEXT    NOT NULL,
	case_version INTEGER NOT NULL
);

CREATE TABLE findings (
	case_id  INTEGER NOT NULL REFERENCES findings_checked (case_id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	rule     TEXT    NOT NULL,
	pack     TEXT    NOT NULL,
	status   TEXT    NOT NULL,
	severity TEXT    NOT NULL,
	due      TEXT,
	message  TEXT    NOT NULL DEFAULT '',
	source   TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;
