// Access-log entries as a table, for the review's findings and the log page: each user links to their
// entries of the period (/granskning/logg), each person to their page (/personer/:id), where an
// auditor reads the case by breaking the glass.
import { Link } from "@navikt/ds-react";
import { Link as RouterLink, useLocation } from "react-router-dom";
import type { AccessEntry } from "../../api/queries";
import { localDateTime } from "../../format";
import { useT } from "../../i18n";

export type Period = { from: string; to: string };

/** The log page's URL for the period, by a user and/or about a person. */
export function logUrl(period: Period, username?: string, personId?: number): string {
  const params = new URLSearchParams({ fran: period.from, till: period.to });
  if (username) params.set("anvandare", username);
  if (personId !== undefined) params.set("person", String(personId));
  return `/granskning/logg?${params}`;
}

export function PersonLink({ id }: { id: number }) {
  const t = useT().review;
  const location = useLocation();
  return (
    <Link as={RouterLink} to={`/personer/${id}`} state={{ back: location.pathname + location.search }} aria-label={t.openPerson(id)}>
      {id}
    </Link>
  );
}

export function UserLink({ username, period }: { username: string; period: Period }) {
  const t = useT().review;
  return (
    <Link as={RouterLink} to={logUrl(period, username)} aria-label={t.userEntries(username)}>
      {username}
    </Link>
  );
}

export function EntryTable({ entries, period }: { entries: AccessEntry[]; period: Period }) {
  const t = useT().review;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.colTime}</th>
          <th scope="col">{t.colUser}</th>
          <th scope="col">{t.colRole}</th>
          <th scope="col">{t.colRoute}</th>
          <th scope="col">{t.colPersons}</th>
          <th scope="col">{t.colPurpose}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const persons = e.person_ids ?? [];
          return (
            <tr key={e.id}>
              <td>{e.time && localDateTime(e.time)}</td>
              <td>{e.username && <UserLink username={e.username} period={period} />}</td>
              <td>{e.role}</td>
              <td>
                <code>{e.route}</code>
                {e.refused && ` (${t.refusedMark})`}
              </td>
              <td>
                {persons.length > 0 && persons.length <= 10
                  ? persons.map((id, i) => (
                      <span key={id}>
                        {i > 0 && ", "}
                        <PersonLink id={id} />
                      </span>
                    ))
                  : t.persons(e.count ?? 0)}
              </td>
              <td>{e.purpose}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
