// Search for a young person by name or personnummer (/sok?q=…&sida=…): the query lives in the URL, so
// Back and bookmarks work. The page says plainly that every search is logged. Results link to the
// person; a protected identity is marked. When nobody is found the young person can be registered by
// hand (RegisterByHand.tsx).
import { Alert, BodyShort, Button, HStack, Link, Loader, Table, Tag, TextField, VStack } from "@navikt/ds-react";
import { EyeSlashIcon, MagnifyingGlassIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useLocation, useSearchParams } from "react-router-dom";
import { useSearchPersons } from "../api/queries";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { RegisterByHandDialog } from "../components/RegisterByHand";
import { useT } from "../i18n";

/** A whole personnummer or samordningsnummer (10 or 12 digits, with an optional - or +). */
export function isWholePersonalId(text: string): boolean {
  return /^(\d{2})?\d{6}[-+]?\d{4}$/.test(text.trim());
}

/** Whether the last digit of a whole personnummer or samordningsnummer is its check digit (the Luhn
 * algorithm over the ten digits without the century): a search on a mistyped number finds nobody. */
export function checkDigitFits(text: string): boolean {
  const digits = text.replace(/[-+]/g, "").trim().slice(-10);
  const sum = [...digits].reduce((total, d, i) => {
    const n = Number(d) * (i % 2 === 0 ? 2 : 1);
    return total + (n > 9 ? n - 9 : n);
  }, 0);
  return sum % 10 === 0;
}

export function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const q = (params.get("q") ?? "").trim();
  const page = Math.max(1, Number(params.get("sida")) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const search = useSearchPersons(q ? q : null, page);
  const [registering, setRegistering] = useState(false);
  const registerButton = useRef<HTMLButtonElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  };
  const data = search.data;
  const from = data && data.total > 0 ? (data.page - 1) * data.page_size + 1 : 0;
  const to = data ? from + data.items.length - (data.items.length > 0 ? 1 : 0) : 0;
  const pageLink = (n: number) => `/sok?${new URLSearchParams({ q, sida: String(n) })}`;

  return (
    <VStack gap="6">
      <div>
        <PageHeading>{t.searchTitle}</PageHeading>
        <Alert variant="info" size="small">
          {t.searchLogged}
        </Alert>
      </div>
      <form role="search" onSubmit={submit} className="search-form">
        <TextField
          id="search-query"
          label={t.searchLabel}
          description={t.searchHint}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
          autoComplete="off"
        />
        <Button type="submit" icon={<MagnifyingGlassIcon aria-hidden />}>
          {t.searchButton}
        </Button>
      </form>
      {q && search.isPending && <Loader title={t.loading} />}
      {search.isError && <ProblemAlert error={search.error} />}
      {data && (
        <VStack gap="4">
          <BodyShort aria-live="polite">{t.searchCount(data.total, from, to)}</BodyShort>
          {data.items.length > 0 && (
            <Table size="small">
              <caption className="navds-sr-only">{t.searchResultsCaption(q)}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t.colName}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colPersonalId}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.items.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.HeaderCell scope="row">
                      <HStack gap="2" align="center">
                        <Link as={RouterLink} to={`/personer/${p.id}`} state={{ back: location.pathname + location.search }}>
                          {`${p.first_name} ${p.last_name}`}
                        </Link>
                        {p.protected && (
                          <Tag variant="warning" size="xsmall" icon={<EyeSlashIcon aria-hidden />}>
                            {t.protectedIdentity}
                          </Tag>
                        )}
                      </HStack>
                    </Table.HeaderCell>
                    <Table.DataCell className="nowrap">{p.personal_id}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {data.total > data.page_size && (
            <nav aria-label={t.searchPaging}>
              <HStack gap="4">
                {data.page > 1 && (
                  <Link as={RouterLink} to={pageLink(data.page - 1)}>
                    {t.previousPage}
                  </Link>
                )}
                {data.page * data.page_size < data.total && (
                  <Link as={RouterLink} to={pageLink(data.page + 1)}>
                    {t.nextPage}
                  </Link>
                )}
              </HStack>
            </nav>
          )}
          {data.total === 0 &&
            (isWholePersonalId(q) && !checkDigitFits(q) ? (
              <Alert variant="warning" size="small">
                {t.searchBadCheckDigit}
              </Alert>
            ) : (
              <VStack gap="2" align="start">
                <BodyShort>{isWholePersonalId(q) ? t.searchNobody : t.searchNobodyByName}</BodyShort>
                <Button type="button" variant="secondary" ref={registerButton} onClick={() => setRegistering(true)}>
                  {t.registerByHand}
                </Button>
              </VStack>
            ))}
        </VStack>
      )}
      {registering && (
        <RegisterByHandDialog
          personalId={/^[\d+-]+$/.test(q) ? q : ""}
          unknown={isWholePersonalId(q)}
          onClose={() => {
            setRegistering(false);
            registerButton.current?.focus();
          }}
        />
      )}
    </VStack>
  );
}
