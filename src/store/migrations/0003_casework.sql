-- Casework: what caseworkers document about a registration (contact attempts, occupation, measures),
-- who is responsible for it, and the settings the worklists use.

-- Case records: one row per documented item; `data` holds the item's fields as JSON, validated by the
-- domain rules of its kind before it is written. The event journal keeps every version.
CREATE TABLE case_records (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,            -- contact_attempt, occupation, measure
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  registration_id INTEGER REFERENCES registrations(id),
  data            TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_records_by_person ON case_records(person_id, kind, id);
CREATE INDEX case_records_by_registration ON case_records(registration_id, kind);

-- Occupations move into case records.
INSERT INTO case_records (kind, person_id, registration_id, data, version)
  SELECT 'occupation', person_id, NULL,
         json_object('effective_date', effective_date, 'kind', kind, 'detail', detail, 'source', source), version
  FROM occupations ORDER BY id;
DROP TABLE occupations;

-- Responsibility for a registration: the caseworker (a user) and the unit.
ALTER TABLE registrations ADD COLUMN caseworker_id INTEGER REFERENCES users(id);
ALTER TABLE registrations ADD COLUMN unit TEXT NOT NULL DEFAULT '';

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES
  ('first_contact_days', '14'),        -- the municipality's routine for first contact after registration
  ('contact_retry_days', '7'),         -- next attempt due this long after an attempt that did not reach
  ('occupation_stale_months', '6'),    -- occupation last confirmed longer ago than this is to be checked
  ('plan_missing_days', '30');         -- a registration this old should have an individual plan

INSERT INTO codes (list, code, label, valid_from, valid_to, position) VALUES
  ('contact_channel', 'letter', 'Brev', '1900-01-01', NULL, 1),
  ('contact_channel', 'phone', 'Telefon', '1900-01-01', NULL, 2),
  ('contact_channel', 'sms', 'Sms', '1900-01-01', NULL, 3),
  ('contact_channel', 'email', 'E-post', '1900-01-01', NULL, 4),
  ('contact_channel', 'home_visit', 'Hembesök', '1900-01-01', NULL, 5),
  ('contact_channel', 'via_guardian', 'Via vårdnadshavare', '1900-01-01', NULL, 6),
  ('contact_channel', 'via_school', 'Via skola', '1900-01-01', NULL, 7),
  ('contact_channel', 'meeting', 'Möte', '1900-01-01', NULL, 8),
  ('contact_channel', 'digital_meeting', 'Digitalt möte', '1900-01-01', NULL, 9),
  ('contact_channel', 'social_media', 'Sociala medier', '1900-01-01', NULL, 10),
  ('measure_type', 'study_and_career_guidance', 'Studie- och yrkesvägledning', '1900-01-01', NULL, 1),
  ('measure_type', 'motivational_talks', 'Motiverande samtal', '1900-01-01', NULL, 2),
  ('measure_type', 'internship', 'Praktik', '1900-01-01', NULL, 3),
  ('measure_type', 'study_visit', 'Studiebesök', '1900-01-01', NULL, 4),
  ('measure_type', 'youth_employment', 'Ungdomsanställning', '1900-01-01', NULL, 5),
  ('measure_type', 'summer_job', 'Sommarjobb', '1900-01-01', NULL, 6),
  ('measure_type', 'preparatory_course', 'Förberedande kurs', '1900-01-01', NULL, 7),
  ('measure_type', 'study_support', 'Studiestöd', '1900-01-01', NULL, 8),
  ('measure_type', 'referral_to_other_actor', 'Hänvisning till annan aktör', '1900-01-01', NULL, 9),
  ('measure_type', 'studies_on_introduction_programme', 'Studier på introduktionsprogram', '1900-01-01', '2018-06-30', 10),
  ('measure_type', 'other', 'Annan åtgärd', '1900-01-01', NULL, 11),
  ('measure_end_reason', 'completed', 'Genomförd', '1900-01-01', NULL, 1),
  ('measure_end_reason', 'started_studies', 'Påbörjat studier', '1900-01-01', NULL, 2),
  ('measure_end_reason', 'started_work', 'Påbörjat arbete', '1900-01-01', NULL, 3),
  ('measure_end_reason', 'discontinued_by_individual', 'Avbruten av den unga', '1900-01-01', NULL, 4),
  ('measure_end_reason', 'registration_ended', 'Inskrivningen avslutad', '1900-01-01', NULL, 5),
  ('measure_end_reason', 'other', 'Annan orsak', '1900-01-01', NULL, 6),
  ('deregistration_reason', 'moved_abroad', 'Flyttat utomlands (uppgift från den unga)', '1900-01-01', NULL, 8);
