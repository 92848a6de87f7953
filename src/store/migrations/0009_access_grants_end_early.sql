-- A break-the-glass grant may now be ended early (DELETE /api/v1/persons/{id}/access-grants): its
-- expires_at moves back to the moment it ended. Nothing else about a grant ever changes, it is never
-- extended and never deleted, so that the log review shows each one as it was given and used.
CREATE TRIGGER access_grants_only_end_early BEFORE UPDATE ON access_grants
  WHEN NOT (NEW.id = OLD.id AND NEW.user_id = OLD.user_id AND NEW.person_id = OLD.person_id
            AND NEW.reason = OLD.reason AND NEW.granted_at = OLD.granted_at AND NEW.expires_at <= OLD.expires_at)
BEGIN SELECT RAISE(ABORT, 'a grant can only be ended early'); END;
CREATE TRIGGER access_grants_no_delete BEFORE DELETE ON access_grants
BEGIN SELECT RAISE(ABORT, 'grants are kept for the log review'); END;
