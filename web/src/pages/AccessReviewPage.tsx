// The auditor's review of the access log (GET /api/v1/access-log/review): each finding with its count
// and the entries behind it, for a period that is part of the URL (?fran=…&till=…). Each user links to
// their entries in the log (a break-the-glass grant to the entries made under it), each person to
// their page, where the auditor breaks the glass to read the case.
import { Button, HStack, Link } from "@navikt/ds-react";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { client, unwrap } from "../api/client";
import type { AccessEntry } from "../api/queries";
import { EntryTable, logUrl, PersonLink, UserLink } from "../components/audit/AccessEntries";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { localDateTime, swedishDay } from "../format";
import { useT } from "../i18n";
import type { Messages } from "../messages";

type Finding<T> = { count: number; truncated: boolean; items: T[] };
type Grant = { id: number; username: string; person_id: number; reason: string; granted_at: string; expires_at: string };
type ReaderCount = { username: string; persons: number; entries: number };
type SearchDay = { username: string; day: string; searches: number; persons: number };
type AccessReview = {
  from: string;
  to: string;
  entries: number;
  break_glass: Finding<Grant>;
  outside_caseload: Finding<AccessEntry>;
  bulk: Finding<AccessEntry> & { threshold: number };
  off_hours: Finding<AccessEntry> & { office_hours: string };
  many_persons: Finding<ReaderCount> & { threshold: number };
  many_searches: Finding<SearchDay> & { threshold: number };
  refused: Finding<AccessEntry>;
  auditor_reads: Finding<AccessEntry>;
};

function useAccessReview(from: string, to: string) {
  return useQuery({
    queryKey: ["access-review", from, to],
    queryFn: async () =>
      unwrap(await client.GET("/api/v1/access-log/review", { params: { query: { from, to } } })) as unknown as AccessReview,
  });
}

function Section<T>({
  id,
  title,
  explanation,
  finding,
  children,
}: {
  id: string;
  title: string;
  explanation: string;
  finding: Finding<T>;
  children: ReactNode;
}) {
  const t = useT().review;
  return (
    <section aria-labelledby={id} className="finding">
      <h3 id={id}>
        {title}: <span className="count">{finding.count}</span>
      </h3>
      <p>{explanation}</p>
      {finding.count > 0 && (
        <details>
          <summary>{t.showEntries(finding.truncated ? finding.items.length : null)}</summary>
          {children}
        </details>
      )}
    </section>
  );
}

/** A finding's rows that are users' counts (not log entries): a heading per column, a cell per heading. */
function UserTable({ headings, rows }: { headings: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <table>
      <thead>
        <tr>
          {headings.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={headings[i]}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The days a grant lasted, Swedish time: the entries made under it lie in them. */
function grantPeriod(g: Grant) {
  return { from: localDateTime(g.granted_at).slice(0, 10), to: localDateTime(g.expires_at).slice(0, 10) };
}

function entryFindings(t: Messages["review"], review: AccessReview) {
  return [
    { id: "outside-caseload", title: t.outside, explanation: t.outsideText, finding: review.outside_caseload },
    { id: "bulk", title: t.bulk, explanation: t.bulkText(review.bulk.threshold), finding: review.bulk },
    { id: "off-hours", title: t.offHours, explanation: t.offHoursText, finding: review.off_hours },
    { id: "refused", title: t.refused, explanation: t.refusedText, finding: review.refused },
    { id: "auditor-reads", title: t.auditorReads, explanation: t.auditorReadsText, finding: review.auditor_reads },
  ];
}

export function AccessReviewPage() {
  const t = useT().review;
  const [params, setParams] = useSearchParams();
  const from = params.get("fran") ?? swedishDay(29);
  const to = params.get("till") ?? swedishDay(0);
  const [fromInput, setFromInput] = useState(from);
  const [toInput, setToInput] = useState(to);
  const review = useAccessReview(from, to);
  const period = { from, to };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ fran: fromInput, till: toInput });
  };

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <form onSubmit={submit}>
        <HStack gap="4" align="end">
          <label className="date-field">
            {t.from}
            <input type="date" value={fromInput} onChange={(e) => setFromInput(e.target.value)} required />
          </label>
          <label className="date-field">
            {t.to}
            <input type="date" value={toInput} onChange={(e) => setToInput(e.target.value)} required />
          </label>
          <Button type="submit" loading={review.isFetching}>
            {t.submit}
          </Button>
        </HStack>
      </form>
      {review.isError && <ProblemAlert error={review.error} />}
      {review.data && (
        <div aria-live="polite">
          <h2>{t.summary(review.data.from, review.data.to, review.data.entries)}</h2>
          <Section id="break-glass" title={t.breakGlass} explanation={t.breakGlassText} finding={review.data.break_glass}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.colGranted}</th>
                  <th scope="col">{t.colUser}</th>
                  <th scope="col">{t.colPerson}</th>
                  <th scope="col">{t.colReason}</th>
                  <th scope="col">{t.colExpires}</th>
                  <th scope="col">{t.colEntriesLink}</th>
                </tr>
              </thead>
              <tbody>
                {review.data.break_glass.items.map((g) => (
                  <tr key={g.id}>
                    <td>{localDateTime(g.granted_at)}</td>
                    <td>
                      <UserLink username={g.username} period={period} />
                    </td>
                    <td>
                      <PersonLink id={g.person_id} />
                    </td>
                    <td>{g.reason}</td>
                    <td>{localDateTime(g.expires_at)}</td>
                    <td>
                      <Link as={RouterLink} to={logUrl(grantPeriod(g), g.username, g.person_id)}>
                        {t.grantEntries(g.username, g.person_id)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          {entryFindings(t, review.data).map(({ id, title, explanation, finding }) => (
            <Section key={id} id={id} title={title} explanation={explanation} finding={finding}>
              <EntryTable entries={finding.items} period={period} />
            </Section>
          ))}
          <Section
            id="many-persons"
            title={t.manyPersons}
            explanation={t.manyPersonsText(review.data.many_persons.threshold)}
            finding={review.data.many_persons}
          >
            <UserTable
              headings={[t.colUser, t.colDistinct, t.colEntries]}
              rows={review.data.many_persons.items.map((u) => ({
                key: u.username,
                cells: [<UserLink username={u.username} period={period} />, u.persons, u.entries],
              }))}
            />
          </Section>
          <Section
            id="many-searches"
            title={t.manySearches}
            explanation={t.manySearchesText(review.data.many_searches.threshold)}
            finding={review.data.many_searches}
          >
            <UserTable
              headings={[t.colDay, t.colUser, t.colSearches, t.colFound]}
              rows={review.data.many_searches.items.map((u) => ({
                key: `${u.day} ${u.username}`,
                cells: [u.day, <UserLink username={u.username} period={{ from: u.day, to: u.day }} />, u.searches, u.persons],
              }))}
            />
          </Section>
        </div>
      )}
    </>
  );
}
