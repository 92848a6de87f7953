-- A counter that moves whenever a user or a user's units change, and whenever a session is updated or
-- deleted (a new session changes nothing a server has read). A server keeps the sessions it has read while
-- the counter stands still, and so reads one row instead of a join on every authenticated request. The
-- triggers move it on every such change, whichever program makes it (the server or the CLI).
CREATE TABLE auth_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
);
INSERT INTO auth_generation (id, n) VALUES (1, 0);
CREATE TRIGGER users_inserted AFTER INSERT ON users BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER users_updated AFTER UPDATE ON users BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER users_deleted AFTER DELETE ON users BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER user_units_inserted AFTER INSERT ON user_units BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER user_units_updated AFTER UPDATE ON user_units BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER user_units_deleted AFTER DELETE ON user_units BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER sessions_updated AFTER UPDATE ON sessions BEGIN UPDATE auth_generation SET n = n + 1; END;
CREATE TRIGGER sessions_deleted AFTER DELETE ON sessions BEGIN UPDATE auth_generation SET n = n + 1; END;
