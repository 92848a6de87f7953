-- The SQL baselines' tables (the same in PostgreSQL and SQLite), loaded from export.sql's CSV files.
CREATE TABLE registrations (id integer PRIMARY KEY, person_id integer NOT NULL, programme text NOT NULL,
  start_date date NOT NULL, end_date date, end_reason text, reason text NOT NULL);
CREATE TABLE contacts (id integer PRIMARY KEY, person_id integer NOT NULL, registration_id integer,
  contact_date date NOT NULL, reached integer NOT NULL, occupation text);
CREATE TABLE occupations (id integer PRIMARY KEY, person_id integer NOT NULL, effective_date date NOT NULL,
  kind text NOT NULL, planned integer NOT NULL);
CREATE TABLE measures (id integer PRIMARY KEY, person_id integer NOT NULL, registration_id integer,
  planned_start date, start_date date, end_date date, end_reason text, declined_on date);
CREATE TABLE plans (id integer PRIMARY KEY, person_id integer NOT NULL, registration_id integer, drawn_up_on date);
