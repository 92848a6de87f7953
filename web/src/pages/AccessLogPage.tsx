// The access log's entries (GET /api/v1/access-log), for a period, by one user and/or about one person:
// where the review's findings lead (?fran=…&till=…&anvandare=…&person=…, all in the URL).
import { Button, HStack, Link, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { useAccessLog } from "../api/queries";
import { EntryTable } from "../components/audit/AccessEntries";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { swedishDay } from "../format";
import { useT } from "../i18n";

export function AccessLogPage() {
  const t = useT().review;
  const [params, setParams] = useSearchParams();
  const period = { from: params.get("fran") ?? swedishDay(29), to: params.get("till") ?? swedishDay(0) };
  const username = params.get("anvandare") ?? "";
  const person = params.get("person") ?? "";
  const [input, setInput] = useState({ ...period, username, person });
  const log = useAccessLog({
    ...period,
    username: username || undefined,
    personId: /^\d+$/.test(person) ? Number(person) : undefined,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = { fran: input.from, till: input.to };
    if (input.username.trim()) next.anvandare = input.username.trim();
    if (input.person.trim()) next.person = input.person.trim();
    setParams(next);
  };
  const set = (key: keyof typeof input) => (e: { target: { value: string } }) => setInput((i) => ({ ...i, [key]: e.target.value }));

  return (
    <>
      <PageHeading>{t.logTitle}</PageHeading>
      <VStack gap="4">
        <p>{t.logIntro}</p>
        <Link as={RouterLink} to={`/granskning?${new URLSearchParams({ fran: period.from, till: period.to })}`}>
          {t.backToReview}
        </Link>
        <form onSubmit={submit}>
          <HStack gap="4" align="end">
            <label className="date-field">
              {t.from}
              <input type="date" value={input.from} onChange={set("from")} required />
            </label>
            <label className="date-field">
              {t.to}
              <input type="date" value={input.to} onChange={set("to")} required />
            </label>
            <TextField label={t.username} value={input.username} onChange={set("username")} htmlSize={14} />
            <TextField label={t.personId} value={input.person} onChange={set("person")} htmlSize={8} inputMode="numeric" />
            <Button type="submit" loading={log.isFetching}>
              {t.filter}
            </Button>
          </HStack>
        </form>
        {log.isError && <ProblemAlert error={log.error} />}
        {log.data && (
          <section className="finding">
            <p aria-live="polite">{t.logCount(log.data.items.length, log.data.truncated)}</p>
            {log.data.items.length > 0 && <EntryTable entries={log.data.items} period={period} />}
          </section>
        )}
      </VStack>
    </>
  );
}
