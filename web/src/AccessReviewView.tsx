// The auditor's review of the access log (GET /api/v1/access-log/review): each finding with its count
// and the entries behind it, for a chosen period.
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { accessReview, type AccessEntry, type AccessReview, type Finding } from "./api";

const swedishTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});
const swedishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

/** A UTC timestamp from the API in Swedish time, "2026-11-22 14:05". */
function localTime(utc: string): string {
  return swedishTime.format(new Date(utc));
}

function daysAgo(days: number): string {
  return swedishDay.format(new Date(Date.now() - days * 86_400_000));
}

function persons(entry: AccessEntry): string {
  if (entry.person_ids.length > 0 && entry.person_ids.length <= 10) return entry.person_ids.join(", ");
  return `${entry.count} personer`;
}

function EntryTable({ entries }: { entries: AccessEntry[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Tid</th>
          <th scope="col">Användare</th>
          <th scope="col">Roll</th>
          <th scope="col">Anrop</th>
          <th scope="col">Personer (id)</th>
          <th scope="col">Syfte</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{localTime(e.time)}</td>
            <td>{e.username}</td>
            <td>{e.role}</td>
            <td>
              <code>{e.route}</code>
            </td>
            <td>{persons(e)}</td>
            <td>{e.purpose}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
  return (
    <section aria-labelledby={id} className="finding">
      <h3 id={id}>
        {title}: <span className="count">{finding.count}</span>
      </h3>
      <p>{explanation}</p>
      {finding.count > 0 && (
        <details>
          <summary>Visa posterna{finding.truncated ? ` (de första ${finding.items.length})` : ""}</summary>
          {children}
        </details>
      )}
    </section>
  );
}

// The findings that are lists of access-log entries.
function entryFindings(review: AccessReview) {
  return [
    {
      id: "outside-caseload",
      title: "Läsningar utanför ärendelistan",
      explanation: "Läsningar som gjordes med nödåtkomst, alltså av ärenden som inte låg i användarens ärendelista.",
      finding: review.outside_caseload,
    },
    {
      id: "bulk",
      title: "Massuttag",
      explanation: `Anrop som gav uppgifter om fler än ${review.bulk.threshold} personer, utom listor ur den egna ärendelistan (arbetslistor, sökningar).`,
      finding: review.bulk,
    },
    {
      id: "off-hours",
      title: "Läsningar utanför kontorstid",
      explanation: "Före 07.00, från 18.00 eller under helger, svensk tid. Helgdagar räknas inte.",
      finding: review.off_hours,
    },
    {
      id: "refused",
      title: "Nekade försök",
      explanation: "Försök att öppna ett ärende utanför användarens behörighet, som nekades.",
      finding: review.refused,
    },
    {
      id: "auditor-reads",
      title: "Granskningar av loggen",
      explanation: "Revisorernas egna läsningar av åtkomstloggen, redovisade för sig.",
      finding: review.auditor_reads,
    },
  ];
}

export function AccessReviewView() {
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const [review, setReview] = useState<AccessReview | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setError("");
    try {
      setReview(await accessReview(from, to));
    } catch (e) {
      setReview(null);
      setError(e instanceof Error ? e.message : "Granskningen kunde inte hämtas.");
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load();
    // Only on the first view: later the form asks for a new period.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };

  return (
    <>
      <h1>Granskning av åtkomstloggen</h1>
      <form onSubmit={submit} className="row">
        <label>
          Från
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          Till
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" disabled={busy}>
          Granska
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {review && (
        <div aria-live="polite">
          <h2>
            {review.from} – {review.to}: {review.entries} poster i loggen
          </h2>
          <Section
            id="break-glass"
            title="Nödåtkomst (bryta glaset)"
            explanation="Tillfällig åtkomst till ett ärende utanför användarens ärendelista, med angivet skäl."
            finding={review.break_glass}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Beviljad</th>
                  <th scope="col">Användare</th>
                  <th scope="col">Person (id)</th>
                  <th scope="col">Skäl</th>
                  <th scope="col">Giltig till</th>
                </tr>
              </thead>
              <tbody>
                {review.break_glass.items.map((g) => (
                  <tr key={g.id}>
                    <td>{localTime(g.granted_at)}</td>
                    <td>{g.username}</td>
                    <td>{g.person_id}</td>
                    <td>{g.reason}</td>
                    <td>{localTime(g.expires_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          {entryFindings(review).map(({ id, title, explanation, finding }) => (
            <Section key={id} id={id} title={title} explanation={explanation} finding={finding}>
              <EntryTable entries={finding.items} />
            </Section>
          ))}
          <Section
            id="many-persons"
            title="Användare som läst många personer"
            explanation={`Användare som öppnat ärenden för fler än ${review.many_persons.threshold} olika personer (listor ur den egna ärendelistan räknas inte).`}
            finding={review.many_persons}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Användare</th>
                  <th scope="col">Olika personer</th>
                  <th scope="col">Poster</th>
                </tr>
              </thead>
              <tbody>
                {review.many_persons.items.map((u) => (
                  <tr key={u.username}>
                    <td>{u.username}</td>
                    <td>{u.persons}</td>
                    <td>{u.entries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </div>
      )}
    </>
  );
}
