-- A report's layout and code mapping as the municipality imported it (SCB's half-year file:
-- `lotsen codes import`), kept as data so that next half-year's changes are a file, not a release.
CREATE TABLE report_layouts (
  name        TEXT PRIMARY KEY,
  content     TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
