-- Schema 6: the pupil's preferred name and free school meals.

-- The forename a pupil goes by when it is not the legal one (an MIS's
-- "Preferred Forename"), and whether the MIS records the pupil as eligible
-- for free school meals. Pupils written by schema 5 have neither.
ALTER TABLE pupils ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN fsm INTEGER NOT NULL DEFAULT 0 CHECK (fsm IN (0, 1));
