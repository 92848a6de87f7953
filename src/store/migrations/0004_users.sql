-- Account care (registervård): when each user last logged in, so that accounts nobody uses can be found
-- and removed.
ALTER TABLE users ADD COLUMN last_login_at TEXT;
