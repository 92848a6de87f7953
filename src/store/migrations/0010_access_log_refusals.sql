-- Refused attempts (403 on a person's case) are logged too: the entry names the person sought, with
-- count 0 and refused = 1. The hash of a refused entry covers the mark (store/access_chain.cc).
ALTER TABLE access_log ADD COLUMN refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));
