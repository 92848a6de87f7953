-- The young person's own phone number and e-mail address (Förordning 2006:39, point 1), kept by
-- caseworkers: identification never writes them, retention removes them.
ALTER TABLE persons ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN email TEXT NOT NULL DEFAULT '';
