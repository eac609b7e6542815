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
