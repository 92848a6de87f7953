-- Access control: units, the units each user belongs to, and break-the-glass grants. users.role now holds
-- one or more roles separated by commas ("admin,caseworker").

CREATE TABLE units (
  name       TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

-- Units named by registrations before units existed become units.
INSERT INTO units (name, created_at)
  SELECT DISTINCT unit, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM registrations WHERE unit <> '';

-- The read_protected_address permission, off for everyone until an administrator grants it to one user.
ALTER TABLE users ADD COLUMN reads_protected_address INTEGER NOT NULL DEFAULT 0;

CREATE TABLE user_units (
  user_id INTEGER NOT NULL REFERENCES users(id),
  unit    TEXT NOT NULL REFERENCES units(name),
  PRIMARY KEY (user_id, unit)
) WITHOUT ROWID;

CREATE INDEX registrations_by_unit ON registrations(unit, caseworker_id);

-- Break the glass: a user opens one person's case outside their caseload, for a stated reason, until
-- expires_at. Kept for the log review; never updated.
CREATE TABLE access_grants (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  reason     TEXT NOT NULL,
  granted_at INTEGER NOT NULL,  -- unix seconds
  expires_at INTEGER NOT NULL
);
CREATE INDEX access_grants_by_user ON access_grants(user_id, person_id, expires_at);

INSERT INTO settings (key, value) VALUES
  ('break_glass_hours', '8'),   -- how long a break-the-glass grant lasts
  ('retention_months', '24');   -- personal data is removed this long after a person's last registration ended
