-- The access log: one entry per read, search, list or export that returns personal data. Append-only,
-- and tamper-evident: each entry's hash covers its content and the previous entry's hash.
CREATE TABLE access_log (
  id         INTEGER PRIMARY KEY,
  time       TEXT NOT NULL,
  user_id    INTEGER,
  username   TEXT NOT NULL,
  role       TEXT NOT NULL,
  route      TEXT NOT NULL,           -- the route pattern, e.g. GET /api/v1/persons/{id}
  person_ids TEXT NOT NULL,           -- comma-separated ids of the persons returned (or empty)
  count      INTEGER NOT NULL,        -- how many persons were returned (bulk reads list no ids)
  purpose    TEXT NOT NULL DEFAULT '',
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
