-- A record made by mistake is voided, never deleted: it leaves the current state, the worklists and the
-- statistics (every read goes through live_case_records), and stays in the history with its reason.
ALTER TABLE case_records ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1));
CREATE VIEW live_case_records AS SELECT * FROM case_records WHERE voided = 0;
-- One plan per registration counts the plans that stand: a voided plan makes room for a new one.
DROP TRIGGER case_records_one_plan;
CREATE TRIGGER case_records_one_plan BEFORE INSERT ON case_records
WHEN NEW.kind = 'plan' AND EXISTS (SELECT 1 FROM case_records WHERE kind = 'plan' AND voided = 0
                                   AND registration_id IS NEW.registration_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'the registration already has a plan: revise it'); END;
