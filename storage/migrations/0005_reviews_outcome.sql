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
