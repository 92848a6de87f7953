-- The registration reason the registers give, as the last identification run that found the person in the
-- target group read them (registration.registers_reason_noted); '' before any run has. A half-year file
-- that would report another reason than this one is stopped by a check (docs/reports.md). Registrations
-- identification made before this migration get it at the next run.
ALTER TABLE registrations ADD COLUMN registers_reason TEXT NOT NULL DEFAULT '';
