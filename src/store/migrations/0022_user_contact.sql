-- What a letter or a young person needs to reach the caseworker: the name they are known by and a phone
-- number at work (first-contact letters, docs/reports.md). Staff data, not the young person's; both may be
-- empty (a letter then says the username and the template's number). Changes are journalled
-- (user.contact_changed).
ALTER TABLE users ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
