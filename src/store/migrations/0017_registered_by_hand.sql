-- Registration by hand: a young person who calls in, or whom a school reports, is registered before the
-- next register run. `by_hand` says how it came about (a code in 'registration_by_hand'), and
-- `awaiting_registers` stays 1 until an identification run has seen the person in the registers and
-- either confirmed the registration (in the target group) or ended it with the registers' reason.
ALTER TABLE registrations ADD COLUMN by_hand TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN awaiting_registers INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_registers IN (0, 1));

INSERT INTO codes (list, code, label, valid_from, valid_to, position) VALUES
  ('registration_by_hand', 'called_in', 'Den unga hörde själv av sig', '1900-01-01', NULL, 1),
  ('registration_by_hand', 'school_report', 'Anmälan från skola', '1900-01-01', NULL, 2),
  ('registration_by_hand', 'guardian_report', 'Vårdnadshavare hörde av sig', '1900-01-01', NULL, 3),
  ('registration_by_hand', 'other_report', 'Annan uppgiftslämnare', '1900-01-01', NULL, 4);
