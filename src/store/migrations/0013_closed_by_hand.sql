-- A registration closed by hand (by a user, not by identification) stands until the registers show
-- something new about the person after it: identification must tell such closures from its own.
ALTER TABLE registrations ADD COLUMN closed_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (closed_by_hand IN (0, 1));
UPDATE registrations SET closed_by_hand = 1 WHERE end_date IS NOT NULL AND id IN (
  SELECT json_extract(payload, '$.after.id') FROM events WHERE type = 'registration.ended' AND user_id IS NOT NULL);
