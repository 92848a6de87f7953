-- The figures bench/report.sh compares, by the definitions of docs/reports.md, as one row. Placeholders
-- (filled in by report.sh for each dialect): :F and :T the period's first and last day, :A the report's day
-- (the period's last, or today while it runs), :D first_contact_days; DAYS(a, b) the days from b to a,
-- PLUS_DAYS(d, n) the day n days after d, ONE_DECIMAL(x) x printed with one decimal.
WITH r AS (SELECT * FROM registrations WHERE programme = 'kaa'),
-- KPIs: the registrations open on some day of the period up to the report's day.
k AS (SELECT * FROM r WHERE start_date <= ':T' AND start_date <= ':A' AND (end_date IS NULL OR end_date > ':F')),
o AS (SELECT * FROM k WHERE end_date IS NULL OR end_date > ':A'),
latest_occupation AS (
  SELECT person_id, kind, ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY effective_date DESC, id DESC) AS n
  FROM occupations WHERE planned = 0 AND effective_date <= ':A'),
first_contact AS (
  SELECT k.id, k.start_date,
         (SELECT min(c.contact_date) FROM contacts c
          WHERE c.registration_id = k.id AND c.contact_date >= k.start_date AND c.contact_date <= ':A') AS first_date
  FROM k WHERE k.start_date >= ':F'),
d AS (SELECT id, DAYS(first_date, start_date) AS days, PLUS_DAYS(start_date, :D) < ':A' AS past FROM first_contact),
delays AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS n, COUNT(*) OVER () AS total FROM d WHERE days IS NOT NULL),
-- The half-year file: the registrations open on some day of the period or ending in it.
h AS (SELECT * FROM r WHERE start_date <= ':T' AND (end_date IS NULL OR end_date >= ':F')),
hm AS (SELECT m.* FROM measures m JOIN h ON m.registration_id = h.id
       WHERE NOT (m.start_date IS NOT NULL AND m.end_date IS NOT NULL AND m.end_date < m.start_date)
         AND NOT (m.end_date IS NOT NULL AND m.start_date IS NULL))
SELECT
  (SELECT count(*) FROM k) AS target_group,
  (SELECT count(*) FROM o) AS open_at_end,
  (SELECT count(*) FROM o JOIN latest_occupation l ON l.person_id = o.person_id AND l.n = 1
   WHERE l.kind <> 'unknown') AS known_occupation,
  (SELECT count(*) FROM o WHERE EXISTS (SELECT 1 FROM plans p WHERE p.registration_id = o.id
                                          AND (p.drawn_up_on IS NULL OR p.drawn_up_on <= ':A'))) AS with_plan,
  (SELECT count(*) FROM o WHERE EXISTS (SELECT 1 FROM measures m WHERE m.registration_id = o.id
                                          AND m.start_date <= ':A' AND (m.end_date IS NULL OR m.end_date >= ':A')
                                          AND (m.declined_on IS NULL OR m.declined_on > ':A'))) AS in_measure,
  (SELECT count(*) FROM d) AS first_attempt_started,
  (SELECT count(*) FROM d WHERE days IS NOT NULL OR past) AS first_attempt_due,
  (SELECT count(*) FROM d WHERE days IS NOT NULL) AS first_attempt_contacted,
  (SELECT count(*) FROM d WHERE days <= :D) AS first_attempt_within_deadline,
  (SELECT ONE_DECIMAL(avg(days)) FROM delays WHERE n IN ((total + 1) / 2, (total + 2) / 2)) AS first_attempt_median_days,
  (SELECT count(*) FROM h) AS file_registration,
  (SELECT count(*) FROM contacts c JOIN h ON c.registration_id = h.id
   WHERE c.reached = 1 AND c.contact_date >= h.start_date AND (h.end_date IS NULL OR c.contact_date < h.end_date)
     AND c.contact_date BETWEEN ':F' AND ':T') AS file_contact,
  (SELECT count(*) FROM hm WHERE start_date BETWEEN ':F' AND ':T') AS file_measure_started,
  (SELECT count(*) FROM hm WHERE end_date BETWEEN ':F' AND ':T') AS file_measure_ended,
  (SELECT count(*) FROM h WHERE end_date BETWEEN ':F' AND ':T') AS file_responsibility_ended;
