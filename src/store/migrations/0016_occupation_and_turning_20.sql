-- No occupation code may invite health data, and declining contact is an outcome of a contact, not an
-- occupation. "Sjukskrivning eller vård" gives way to a neutral code, and the records that held it are
-- rewritten to that code (the register keeps no health data); "Avböjt kontakt" stays valid for what was
-- recorded up to today and is recorded from now on as a contact's `declined`.
INSERT INTO codes (list, code, label, valid_from, valid_to, position) VALUES
  ('occupation', 'unavailable', 'Inte tillgänglig för studier eller arbete', '1900-01-01', NULL, 6);
UPDATE case_records SET data = json_set(data, '$.kind', 'unavailable')
  WHERE kind = 'occupation' AND json_extract(data, '$.kind') = 'sick_leave_or_care';
UPDATE case_records SET data = json_set(data, '$.occupation', 'unavailable')
  WHERE kind = 'contact_attempt' AND json_extract(data, '$.occupation') = 'sick_leave_or_care';
DELETE FROM codes WHERE list = 'occupation' AND code = 'sick_leave_or_care';
UPDATE codes SET valid_to = '2026-11-30' WHERE list = 'occupation' AND code = 'declined_contact';

-- The day each person turns 20 (the end of the age scope, domain ageScopeEnd), written by the store with
-- the person, for the list of those about to leave the target group. Filled here for persons already
-- stored: the birth date of a personnummer, or of a samordningsnummer (day + 60).
ALTER TABLE persons ADD COLUMN age_scope_end TEXT NOT NULL DEFAULT '';
UPDATE persons SET age_scope_end = date(substr(personal_id, 1, 4) || '-' || substr(personal_id, 5, 2) || '-' ||
    printf('%02d', (CAST(substr(personal_id, 7, 2) AS INTEGER) - 1) % 60 + 1), '+20 years')
  WHERE deidentified_at IS NULL AND personal_id NOT LIKE 'gallrad-%';

-- Those who turn 20 within this many days are listed, for a letter before they leave the target group.
INSERT INTO settings (key, value) VALUES ('turning_20_days', '30');
