-- Retention (gallring): a person's identity, contact details and free text are removed some months after
-- their last registration ended; the de-identified events and registrations stay for statistics.

ALTER TABLE persons ADD COLUMN deidentified_at TEXT;   -- set when retention removed the identity
ALTER TABLE persons ADD COLUMN birth_month TEXT;       -- YYYY-MM, kept after de-identification for statistics

-- Events stay append-only, with one exception: retention may replace a payload by its de-identified form
-- (marked "deidentified": true), leaving every other column as it was.
DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  WHEN NOT (NEW.id = OLD.id AND NEW.time = OLD.time AND NEW.actor = OLD.actor AND NEW.user_id IS OLD.user_id
            AND NEW.person_id IS OLD.person_id AND NEW.type = OLD.type
            AND json_valid(NEW.payload) AND coalesce(json_extract(NEW.payload, '$.deidentified') = 1, 0))
BEGIN SELECT RAISE(ABORT, 'events are append-only (only retention may de-identify a payload)'); END;
