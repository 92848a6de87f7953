CREATE INDEX registrations_by_start ON registrations (programme, start_date);
CREATE INDEX contacts_by_registration ON contacts (registration_id, contact_date);
CREATE INDEX occupations_by_person ON occupations (person_id, effective_date, id);
CREATE INDEX measures_by_registration ON measures (registration_id);
CREATE INDEX plans_by_registration ON plans (registration_id);
