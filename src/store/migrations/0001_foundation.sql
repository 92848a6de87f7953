-- Foundation: users and sessions, persons and registrations, the event journal, code lists.
-- Every mutable record carries `version` for optimistic concurrency.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE persons (
  id                INTEGER PRIMARY KEY,
  personal_id       TEXT NOT NULL UNIQUE,          -- canonical YYYYMMDD-NNNN
  first_name        TEXT NOT NULL,
  last_name         TEXT NOT NULL,
  street_address    TEXT NOT NULL,
  postal_code       TEXT NOT NULL,
  city              TEXT NOT NULL,
  municipality_code TEXT NOT NULL,
  protection        TEXT NOT NULL DEFAULT '',      -- '', sekretessmarkering, skyddad_folkbokforing
  search_name       TEXT NOT NULL,                 -- ' first last', case-folded, for name search
  id_digits         TEXT NOT NULL,                 -- the 12 digits, for prefix search
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX persons_by_name ON persons(last_name, first_name, id);
CREATE INDEX persons_by_id_digits ON persons(id_digits);

CREATE TABLE registrations (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  programme   TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  end_date    TEXT,
  end_reason  TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX registrations_by_person ON registrations(person_id, start_date);

-- The event journal: append-only. Current-state tables are projections of it.
CREATE TABLE events (
  id        INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  user_id   INTEGER,
  person_id INTEGER,
  type      TEXT NOT NULL,
  payload   TEXT NOT NULL
);
CREATE INDEX events_by_person ON events(person_id, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Code lists with validity dates (inclusive; valid_to NULL = still valid).
CREATE TABLE codes (
  list       TEXT NOT NULL,
  code       TEXT NOT NULL,
  label      TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  position   INTEGER NOT NULL,
  PRIMARY KEY (list, code, valid_from)
) WITHOUT ROWID;

INSERT INTO codes (list, code, label, valid_from, valid_to, position) VALUES
  ('registration_reason', 'studiebevis', 'Studiebevis från gymnasieskolan', '1900-01-01', NULL, 1),
  ('registration_reason', 'dropout_national_programme', 'Avbrott på nationellt program', '1900-01-01', NULL, 2),
  ('registration_reason', 'dropout_introduction_programme', 'Avbrott på introduktionsprogram', '1900-01-01', NULL, 3),
  ('registration_reason', 'introduction_programme_student', 'Elev på introduktionsprogram', '1900-01-01', '2018-06-30', 4),
  ('registration_reason', 'never_started', 'Har inte påbörjat gymnasieskolan', '1900-01-01', NULL, 5),
  ('deregistration_reason', 'left_population_register', 'Avregistrerad från folkbokföringen', '1900-01-01', NULL, 1),
  ('deregistration_reason', 'moved_out', 'Flyttat från kommunen', '1900-01-01', NULL, 2),
  ('deregistration_reason', 'turned_20', 'Fyllt 20 år', '1900-01-01', NULL, 3),
  ('deregistration_reason', 'completed_degree', 'Examen eller motsvarande', '1900-01-01', NULL, 4),
  ('deregistration_reason', 'started_national_programme', 'Påbörjat nationellt program', '1900-01-01', NULL, 5),
  ('deregistration_reason', 'started_introduction_programme', 'Påbörjat introduktionsprogram', '2018-07-01', NULL, 6),
  ('deregistration_reason', 'other', 'Annan orsak', '1900-01-01', NULL, 7);
