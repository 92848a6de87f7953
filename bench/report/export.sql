-- The report benchmark's plain tables, exported from a Lotsen database (the current state: live records
-- only) for the SQL baselines: one row per registration, contact attempt, occupation, measure and plan,
-- with the fields the figures read as columns. Run with sqlite3 on the Lotsen database; writes CSV files
-- (header, comma, empty = NULL) into the current directory (see bench/report.sh).
.headers on
.mode csv
.output registrations.csv
SELECT id, person_id, programme, start_date, end_date, end_reason, reason FROM registrations ORDER BY id;
.output contacts.csv
SELECT id, person_id, registration_id, json_extract(data, '$.date') AS contact_date,
       json_extract(data, '$.reached') AS reached, json_extract(data, '$.occupation') AS occupation
FROM live_case_records WHERE kind = 'contact_attempt' ORDER BY id;
.output occupations.csv
SELECT id, person_id, json_extract(data, '$.effective_date') AS effective_date, json_extract(data, '$.kind') AS kind,
       json_extract(data, '$.planned') AS planned
FROM live_case_records WHERE kind = 'occupation' ORDER BY id;
.output measures.csv
SELECT id, person_id, registration_id, json_extract(data, '$.planned_start') AS planned_start,
       json_extract(data, '$.start') AS start_date, json_extract(data, '$.end') AS end_date,
       json_extract(data, '$.end_reason') AS end_reason, json_extract(data, '$.declined') AS declined_on
FROM live_case_records WHERE kind = 'measure' ORDER BY id;
.output plans.csv
SELECT id, person_id, registration_id, json_extract(data, '$.drawn_up_on') AS drawn_up_on
FROM live_case_records WHERE kind = 'plan' ORDER BY id;
.output stdout
