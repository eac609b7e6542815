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
