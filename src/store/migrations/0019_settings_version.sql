-- The settings carry one version, raised by every change, so that a change made over the API can say
-- which settings it was made to (If-Match) and a change made meanwhile is not overwritten.
CREATE TABLE settings_version (
  version INTEGER NOT NULL
);
INSERT INTO settings_version (version) VALUES (1);
