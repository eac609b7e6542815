-- Frozen copy of schema 6 (migrations/0001_core.sql to 0006_pupil_details.sql
-- as shipped) with data a school could have written with it: an active
-- case whose audit entries keep two whole copies of the case (as every
-- change did until the audit kept only what changed), a closed plan, and a
-- pupil imported from the MIS who never had a case. Never edit:
-- TestUpgradeFromEveryOldSchema upgrades it to the latest schema and checks
-- the data survives, and TestFrozenSchemasMatchMigrations checks migrations
-- 1 to 6 still build this schema.
-- Schema 1: the core record.
-- Dates are YYYY-MM-DD text (NULL when not set); timestamps are RFC 3339 UTC
-- text written by the application, never by the driver. Lists of codes
-- (reasons, flags, packs) are comma-separated text: the codes are fixed
-- words with no commas, and one column reads faster than a join.
-- A shipped migration is never edited: testdata/schema-v1.sql is its frozen
-- copy and TestFrozenSchemasMatchMigrations fails if the two drift apart.

CREATE TABLE school (
	id              INTEGER PRIMARY KEY CHECK (id = 1),
	name            TEXT    NOT NULL DEFAULT '',
	urn             TEXT    NOT NULL DEFAULT '',
	local_authority TEXT    NOT NULL DEFAULT '',
	trust           TEXT    NOT NULL DEFAULT '',
	am_minutes      INTEGER NOT NULL,
	pm_minutes      INTEGER NOT NULL,
	packs_on        TEXT    NOT NULL DEFAULT 'national',
	params          TEXT    NOT NULL DEFAULT '{}', -- JSON, keys as in storage/school.go
	retention_years INTEGER NOT NULL
);

CREATE TABLE closures (
	id    INTEGER PRIMARY KEY,
	first TEXT NOT NULL,
	last  TEXT NOT NULL,
	name  TEXT NOT NULL DEFAULT '',
	CHECK (first <= last)
);

CREATE TABLE pupils (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL CHECK (name <> ''),
	dob        TEXT,
	upn        TEXT,
	year_group TEXT NOT NULL,
	flags      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX pupils_upn ON pupils (upn) WHERE upn IS NOT NULL;
CREATE INDEX pupils_name_dob ON pupils (name, dob);

-- Earlier plans recorded elsewhere (a case file's history from the AP
-- setting), read with the school's own cases by the repeat rules.
CREATE TABLE past_cases (
	id       INTEGER PRIMARY KEY,
	pupil_id INTEGER NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,
	reasons  TEXT NOT NULL DEFAULT '',
	start    TEXT,
	closed   TEXT
);
CREATE INDEX past_cases_pupil ON past_cases (pupil_id);

CREATE TABLE cases (
	id                       INTEGER PRIMARY KEY,
	pupil_id                 INTEGER NOT NULL REFERENCES pupils (id),
	kind                     TEXT    NOT NULL,
	reasons                  TEXT    NOT NULL DEFAULT '',
	start                    TEXT,
	planned_end              TEXT,
	status                   TEXT    NOT NULL DEFAULT 'draft',
	closed                   TEXT,
	outcome                  TEXT    NOT NULL DEFAULT '',
	agreed                   TEXT,
	named_person             TEXT    NOT NULL DEFAULT '',
	consent_parent_name      TEXT    NOT NULL DEFAULT '',
	consent_relationship     TEXT    NOT NULL DEFAULT '',
	consent_lives_with_pupil INTEGER NOT NULL DEFAULT 0,
	consent_signed           TEXT,
	consent_authorised_by    TEXT    NOT NULL DEFAULT '',
	risk_completed           TEXT,
	risk_significant         INTEGER NOT NULL DEFAULT 0,
	fair_access_referred     TEXT,
	place_offered            TEXT,
	home_learning            TEXT    NOT NULL DEFAULT '',
	version                  INTEGER NOT NULL DEFAULT 1,
	created                  TEXT    NOT NULL,
	updated                  TEXT    NOT NULL
);
CREATE INDEX cases_status ON cases (status);
CREATE INDEX cases_pupil ON cases (pupil_id);

CREATE TABLE involvement (
	case_id            INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position           INTEGER NOT NULL,
	role               TEXT    NOT NULL,
	name               TEXT    NOT NULL DEFAULT '',
	agreed             TEXT,
	attended_meeting   INTEGER NOT NULL DEFAULT 0,
	early_review_asked INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE notifications (
	case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	sent_to  TEXT    NOT NULL,
	what     TEXT    NOT NULL DEFAULT '',
	sent     TEXT,
	sent_by  TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE extensions (
	case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	agreed        TEXT,
	new_end       TEXT,
	reason        TEXT    NOT NULL DEFAULT '',
	parent_agreed INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE reviews (
	case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position        INTEGER NOT NULL,
	due             TEXT,
	held            TEXT,
	kind            TEXT    NOT NULL DEFAULT '',
	pupil_views     INTEGER NOT NULL DEFAULT 0,
	parent_attended INTEGER NOT NULL DEFAULT 0,
	notes           TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE forms (
	case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	template  TEXT    NOT NULL,
	version   INTEGER NOT NULL DEFAULT 0,
	completed TEXT,
	fields    TEXT    NOT NULL DEFAULT '{}', -- JSON object of strings
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

-- One row per planned week: the ten sessions Monday am, Monday pm, Tuesday
-- am ... Friday pm as one short text, each "mode" or "mode:minutes" for a
-- partial session (storage/codec.go). 2,000 cases of 12 weeks are 24,000
-- short rows rather than 240,000, which keeps `today` in budget. The key
-- puts one week's rows side by side, so `today` reads a few adjacent pages
-- rather than one page per case; a case's own weeks come by weeks_by_case.
CREATE TABLE weeks (
	week_beginning TEXT    NOT NULL CHECK (strftime('%w', week_beginning) = '1'),
	case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	sessions       TEXT    NOT NULL,
	PRIMARY KEY (week_beginning, case_id)
) WITHOUT ROWID;
CREATE INDEX weeks_by_case ON weeks (case_id, week_beginning);

-- The audit log is append-only: who changed what, when, before and after
-- (JSON of the model value). The triggers refuse any edit or deletion.
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	at        TEXT    NOT NULL,
	user      TEXT    NOT NULL,
	entity    TEXT    NOT NULL,
	entity_id INTEGER NOT NULL,
	action    TEXT    NOT NULL,
	before    TEXT,
	after     TEXT
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
END;

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

-- Schema 3: an index of the duties in the findings cache.

-- `today` lists the duties of every active case: the cached findings that
-- are due, overdue, or a blocker not met (the cache holds only outstanding
-- ones). About half the cache is neither, and visiting those rows was a
-- fifth of the daily lookup (DESIGN.md, "Budgets"). This index holds only
-- the duties, with every column the list reads (pack and source come from
-- the rule catalogue), so the lookup reads the index alone. Its WHERE is
-- storage/duties.go's dutiesQuery condition word for word: SQLite uses a
-- partial index only for a query whose condition implies it.
CREATE INDEX findings_duties ON findings (case_id, position, rule, status, severity, due, message)
	WHERE status IN ('due', 'overdue') OR severity = 'blocker';

-- Schema 4: the cases' keys by status in one index.

-- `today` reads every active case with its pupil, version, kind and the
-- dates its plan runs between, twice (the day's list and the duties). This
-- index holds all of them in case order under each status, so neither read
-- visits the cases table (DESIGN.md, "Budgets"). It takes over from
-- cases_status and cases_active, which it serves as well: it begins with
-- the status.
DROP INDEX cases_status;
DROP INDEX cases_active;
CREATE INDEX cases_by_status ON cases (status, id, pupil_id, version, kind, start, effective_end);

-- Schema 5: reviews as meetings, and a closed plan's typed outcome.

-- A review records who took part (model.Role codes, comma-separated:
-- pupil, parent, the professionals' roles, both schools), the pupil's and
-- the parent's views, and what was decided. A review recorded in error is
-- struck out, not deleted: struck_out is the date, with the reason; the
-- rules then leave it out.
ALTER TABLE reviews ADD COLUMN attended          TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN pupil_views_text  TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN parent_views_text TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN decisions         TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN struck_out        TEXT;
ALTER TABLE reviews ADD COLUMN struck_out_reason TEXT NOT NULL DEFAULT '';

-- cases.outcome now holds a model.Outcome value (successful, unsuccessful,
-- moved_provision, other, or '' while none is recorded); what staff wrote
-- beside it is outcome_note. closed_by is who closed the plan; closed_over
-- the rules still blocking when it was closed (IDs, comma-separated) and
-- closed_over_reason why it was closed all the same.
ALTER TABLE cases ADD COLUMN outcome_note       TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closed_by          TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closed_over        TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closed_over_reason TEXT NOT NULL DEFAULT '';

-- The free-text outcomes written before are read as model.OutcomeFromText
-- reads them (TestOutcomeMigrationAgreesWithTheModel holds the two
-- together): the text is kept as the note, less the close form's own
-- earlier labels and a bare outcome value, which say nothing more.
UPDATE cases SET outcome = trim(outcome, ' ' || char(9) || char(10) || char(13));
UPDATE cases SET
	outcome_note = CASE
		WHEN outcome = '' OR lower(outcome) IN ('successful', 'unsuccessful', 'moved_provision', 'other') THEN ''
		WHEN substr(outcome, 1, 39) = 'Successful: back in full-time education'
			THEN trim(ltrim(substr(outcome, 40), '. '), ' ' || char(9) || char(10) || char(13))
		WHEN substr(outcome, 1, 58) = 'Unsuccessful: the plan did not lead to full-time education'
			THEN trim(ltrim(substr(outcome, 59), '. '), ' ' || char(9) || char(10) || char(13))
		WHEN substr(outcome, 1, 38) = 'Ended early: the pupil left the school'
			THEN trim(ltrim(substr(outcome, 39), '. '), ' ' || char(9) || char(10) || char(13))
		ELSE outcome
	END,
	outcome = CASE
		WHEN outcome = '' THEN ''
		WHEN lower(outcome) IN ('successful', 'unsuccessful', 'moved_provision', 'other') THEN lower(outcome)
		WHEN substr(outcome, 1, 39) = 'Successful: back in full-time education' THEN 'successful'
		WHEN substr(outcome, 1, 58) = 'Unsuccessful: the plan did not lead to full-time education' THEN 'unsuccessful'
		WHEN substr(outcome, 1, 38) = 'Ended early: the pupil left the school' THEN 'moved_provision'
		WHEN instr(lower(outcome), 'unsuccessful') > 0 OR instr(lower(outcome), 'fail') > 0
			OR instr(lower(outcome), 'not successful') > 0 THEN 'unsuccessful'
		WHEN instr(lower(outcome), 'success') > 0 OR instr(lower(outcome), 'full time') > 0
			OR instr(lower(outcome), 'full-time') > 0 THEN 'successful'
		WHEN instr(lower(outcome), 'left the school') > 0 OR instr(lower(outcome), 'moved') > 0
			OR instr(lower(outcome), 'another school') > 0 OR instr(lower(outcome), 'another provision') > 0
			OR instr(lower(outcome), 'transferred') > 0 THEN 'moved_provision'
		ELSE 'other'
	END;

-- Schema 6: the pupil's preferred name and free school meals.

-- The forename a pupil goes by when it is not the legal one (an MIS's
-- "Preferred Forename"), and whether the MIS records the pupil as eligible
-- for free school meals. Pupils written by schema 5 have neither.
ALTER TABLE pupils ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN fsm INTEGER NOT NULL DEFAULT 0 CHECK (fsm IN (0, 1));


-- Data written under schema 6.
INSERT INTO school VALUES (1, 'St Aidan''s Academy', '149012', 'Somerset Council',
	'Bath and Wells Multi Academy Trust', 165, 110, 'national,bwmat',
	'{"max_weeks":6,"review_every_days":14,"review_due_soon_days":3,"la_notify_days":0,"oxon_la_copy_days":2,"fair_access_school_days":20,"final_review_weeks":6,"threshold_hours":0}', 25);

INSERT INTO pupils (id, name, dob, upn, year_group, flags) VALUES
	(1, 'Zoë Ó Briain', '2013-04-02', 'A123456789012', 'Y8', 'child_in_need,sen_support'),
	(2, 'Nguyễn Thị Minh Khai', '1999-05-06', NULL, 'Y11', ''),
	(3, 'Aaliyah Okonkwo-Smith', '2014-01-20', 'B123456789012', 'Y7', '');

-- Case 1 is active; case 2, Nguyễn's, closed long ago (past 25 years from
-- her date of birth by 2026-11-30). Aaliyah (pupil 3) has no case.
INSERT INTO cases (id, pupil_id, kind, reasons, start, planned_end, status, agreed, named_person,
	consent_parent_name, consent_relationship, consent_lives_with_pupil, consent_signed,
	consent_authorised_by, risk_completed, home_learning, version, created, updated, effective_end) VALUES
	(1, 1, 'reduced_timetable', 'mental_health', '2026-11-02', '2026-12-11', 'active', '2026-10-30',
	 'Mr B Okafor', 'J Ó Briain', 'mother', 1, '2026-10-30', 'Mr T Green', '2026-10-29',
	 'Work set on the class page', 2, '2026-10-30T09:00:00.000Z', '2026-11-16T15:20:00.000Z', '2026-12-11');
INSERT INTO cases (id, pupil_id, kind, reasons, start, planned_end, status, closed, outcome, outcome_note,
	closed_by, version, created, updated, effective_end) VALUES
	(2, 2, 'reduced_timetable', 'transition', '2014-09-08', '2014-10-17', 'closed', '2014-10-17',
	 'successful', 'Back full time after half term', 'Mr T Green', 3, '2014-09-01T09:00:00.000Z', '2014-10-17T15:00:00.000Z', '2014-10-17');
INSERT INTO reviews (case_id, position, due, held, kind, pupil_views, parent_attended, notes, attended, decisions) VALUES
	(1, 0, '2026-11-16', '2026-11-16', 'review', 1, 1, 'Going well', 'pupil,parent', 'Keep the mornings'),
	(2, 0, '2014-09-22', '2014-09-22', 'review', 1, 0, 'Nguyễn managed full mornings', '', '');
INSERT INTO weeks (case_id, week_beginning, sessions) VALUES
	(1, '2026-11-02', 'school:150,home_learning,school,offsite:120,school,home_learning,school,home_learning,school,home_learning'),
	(2, '2014-09-08', 'school,none,school,none,school,none,school,none,school,none');
INSERT INTO audit (at, user, entity, entity_id, action, before, after) VALUES
	('2014-09-01T09:00:00.000Z', 'r.khan', 'pupil', 2, 'create', NULL, '{"ID":2,"Name":"Nguyễn Thị Minh Khai","UPN":"","YearGroup":"Y11"}'),
	('2014-09-01T09:00:00.000Z', 'r.khan', 'case', 2, 'create', NULL, '{"ID":2,"NamedPerson":"","OutcomeNote":""}'),
	('2014-10-17T15:00:00.000Z', 'r.khan', 'case', 2, 'update', '{"ID":2,"NamedPerson":"","OutcomeNote":""}', '{"ID":2,"NamedPerson":"","OutcomeNote":"Back full time after half term"}'),
	('2025-09-01T08:00:00.000Z', 'r.khan', 'pupil', 3, 'import', NULL, '{"ID":3,"Name":"Aaliyah Okonkwo-Smith","UPN":"B123456789012","YearGroup":"Y7"}'),
	('2026-10-30T09:00:00.000Z', 'r.khan', 'case', 1, 'create', NULL, '{"ID":1,"NamedPerson":"Ms R Khan","HomeLearning":"Work set on the class page"}'),
	('2026-11-16T15:20:00.000Z', 'r.khan', 'case', 1, 'update', '{"ID":1,"NamedPerson":"Ms R Khan","HomeLearning":"Work set on the class page"}', '{"ID":1,"NamedPerson":"Mr B Okafor","HomeLearning":"Work set on the class page"}');

PRAGMA user_version = 6;
