-- One individual plan per registration: it is revised, never doubled. Decided inside the write
-- transaction (src/http/casework_routes.cc); this trigger keeps the rule whatever writes. A trigger
-- rather than a unique index, because databases written before the rule may already hold two plans
-- of one registration, and those stay as they were written (PostgreSQL: the same as a trigger function).
CREATE TRIGGER case_records_one_plan BEFORE INSERT ON case_records
WHEN NEW.kind = 'plan' AND EXISTS (SELECT 1 FROM case_records WHERE kind = 'plan' AND registration_id IS NEW.registration_id
                                   AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'the registration already has a plan: revise it'); END;
