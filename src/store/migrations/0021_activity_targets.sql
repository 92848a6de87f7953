-- The committee report (docs/reports.md): the unit's target for each activity measure (verksamhetsmått)
-- and year, and its analysis text for each measure and month. Not personal data; every change is
-- journalled as an event (activity_target.set, activity_analysis.set). The measure codes are the domain's
-- (domain/activity_measures.h), checked before a row is written.
CREATE TABLE activity_targets (
  year INTEGER NOT NULL,
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,  -- raised by every change: a stale write is refused (409)
  PRIMARY KEY (year, measure)
);
CREATE TABLE activity_analyses (
  month TEXT NOT NULL,  -- 'YYYY-MM'
  measure TEXT NOT NULL,
  text TEXT NOT NULL,  -- '' once removed (the row stays, so that its version goes on rising)
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (month, measure)
);
