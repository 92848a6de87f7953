-- Identification: the record of each run, and occupation history (what a young person does, with its
-- source), which identification fills in when the enrolment register shows adult or folk-high-school studies.

CREATE TABLE identification_runs (
  id           INTEGER PRIMARY KEY,
  ran_at       TEXT NOT NULL,
  actor        TEXT NOT NULL,
  user_id      INTEGER,
  date         TEXT NOT NULL,          -- the reference date of the run
  municipality TEXT NOT NULL,          -- kommunkod, or 'all'
  files        TEXT NOT NULL,          -- JSON: [{"role", "name", "sha256", "bytes"}]
  summary      TEXT NOT NULL           -- JSON: the counts as `lotsen identify --json` prints them
);

CREATE TABLE occupations (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  effective_date  TEXT NOT NULL,
  kind            TEXT NOT NULL,       -- code in the 'occupation' list
  detail          TEXT NOT NULL DEFAULT '',  -- e.g. the kind of studies: komvux, folkhogskola
  source          TEXT NOT NULL,       -- code in the 'occupation_source' list
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX occupations_by_person ON occupations(person_id, effective_date, id);
CREATE INDEX registrations_open ON registrations(programme, end_date);

INSERT INTO codes (list, code, label, valid_from, valid_to, position) VALUES
  ('occupation', 'studies', 'Studier', '1900-01-01', NULL, 1),
  ('occupation', 'work', 'Arbete', '1900-01-01', NULL, 2),
  ('occupation', 'internship', 'Praktik', '1900-01-01', NULL, 3),
  ('occupation', 'employment_service_programme', 'Program hos Arbetsförmedlingen', '1900-01-01', NULL, 4),
  ('occupation', 'parental_leave', 'Föräldraledighet', '1900-01-01', NULL, 5),
  ('occupation', 'sick_leave_or_care', 'Sjukskrivning eller vård', '1900-01-01', NULL, 6),
  ('occupation', 'abroad', 'Utomlands', '1900-01-01', NULL, 7),
  ('occupation', 'no_occupation', 'Ingen sysselsättning', '1900-01-01', NULL, 8),
  ('occupation', 'unknown', 'Okänd', '1900-01-01', NULL, 9),
  ('occupation', 'declined_contact', 'Avböjt kontakt', '1900-01-01', NULL, 10),
  ('occupation_source', 'contact', 'Kontakt med den unga', '1900-01-01', NULL, 1),
  ('occupation_source', 'enrolment_register', 'Elevregistret', '1900-01-01', NULL, 2),
  ('occupation_source', 'school_notice', 'Anmälan från skola', '1900-01-01', NULL, 3),
  ('occupation_source', 'other', 'Annan källa', '1900-01-01', NULL, 4);
