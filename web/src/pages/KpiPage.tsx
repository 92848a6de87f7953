// Nyckeltal: the KPIs of a half-year over the user's caseload (GET /api/v1/reports/kpi, docs/reports.md),
// in all and by a breakdown, as two tables, with the same figures as a CSV download. The half-year and the
// breakdown are in the URL (?halvar=2026H2&per=enhet), so the view can be bookmarked.
import { Alert, BodyShort, HStack, Link, Loader, ReadMore, Select, Table, VStack } from "@navikt/ds-react";
import { useSearchParams } from "react-router-dom";
import { ApiProblem } from "../api/client";
import { kpiCsvUrl, useKpiReport, type KpiBy, type KpiGroup, type KpiReport } from "../api/queries";
import { swedishDay } from "../format";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { useT } from "../i18n";

// The breakdowns by their names in the URL (?per=…); none is the whole municipality. An unknown name goes
// to the server as it is, whose 400 the page explains.
const breakdowns: [KpiBy, string | null][] = [
  ["all", null],
  ["unit", "enhet"],
  ["caseworker", "handlaggare"],
  ["reason", "skal"],
  ["gender", "kon"],
  ["age", "alder"],
];

/** The current half-year ("2026H2") and the four before it, newest first. */
export function recentHalfYears(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const found: string[] = [];
  for (let i = 0; i < 5; ++i) {
    found.push(`${year}H${half}`);
    if (half === 2) half = 1;
    else [year, half] = [year - 1, 2];
  }
  return found;
}

const count = new Intl.NumberFormat("sv-SE");
const oneDecimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function KpiPage() {
  const t = useT().kpi;
  const [params, setParams] = useSearchParams();
  const halfYears = recentHalfYears(swedishDay());
  const period = params.get("halvar") ?? halfYears[0];
  const per = params.get("per");
  const by = breakdowns.find(([, name]) => name === per)?.[0] ?? (per ? (per as KpiBy) : "all");
  const report = useKpiReport(period, by);
  const choose = (next: { halvar?: string; per?: KpiBy }) => {
    const byName = breakdowns.find(([key]) => key === (next.per ?? by))?.[1];
    setParams({ halvar: next.halvar ?? period, ...(byName ? { per: byName } : {}) });
  };
  const periods = halfYears.includes(period) ? halfYears : [period, ...halfYears];
  const data = report.data;

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <VStack gap="4">
        <BodyShort>{t.scope}</BodyShort>
        <HStack gap="4" align="end">
          <Select label={t.period} value={period} onChange={(e) => choose({ halvar: e.target.value })}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {halfYearLabel(p, t.half)}
              </option>
            ))}
          </Select>
          <Select label={t.by} value={by} onChange={(e) => choose({ per: e.target.value as KpiBy })}>
            {breakdowns.map(([key]) => (
              <option key={key} value={key}>
                {t.byOptions[key]}
              </option>
            ))}
          </Select>
        </HStack>
        {report.isPending && <Loader title={t.title} />}
        {report.isError &&
          (report.error instanceof ApiProblem && report.error.status === 400 ? (
            <Alert variant="error" role="alert">
              {t.badRequest}
            </Alert>
          ) : (
            <ProblemAlert error={report.error} />
          ))}
        {data && <Figures report={data} />}
        {data && (
          <BodyShort>
            <Link href={kpiCsvUrl(period, by)} download>
              {t.csv}
            </Link>
          </BodyShort>
        )}
        <ReadMore header={t.help}>
          <dl className="kpi-help">
            {t.helpItems.map(([term, meaning]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </ReadMore>
      </VStack>
    </>
  );
}

/** "2026 andra halvåret (jul–dec)" for "2026H2"; anything else as it is. */
export function halfYearLabel(period: string, half: (year: number, half: 1 | 2) => string): string {
  const m = period.match(/^(\d{4})H([12])$/);
  return m ? half(Number(m[1]), Number(m[2]) as 1 | 2) : period;
}

function Figures({ report }: { report: KpiReport }) {
  const t = useT().kpi;
  const asOf = report.as_of ?? "";
  const days = report.first_contact_days ?? 0;
  const rows = [report.all, ...(report.groups ?? [])].filter((g): g is KpiGroup => !!g);
  return (
    <VStack gap="4">
      {/* Read out when another half-year or breakdown is shown (the tables themselves would be too much). */}
      <BodyShort aria-live="polite">
        {t.shown(report.from ?? "", report.to ?? "", asOf, asOf !== report.to)} {t.deadline(days)}
      </BodyShort>
      {/* Focusable, so that a table wider than the screen can be scrolled by keyboard. */}
      <div className="kpi-table" role="region" aria-label={t.activity} tabIndex={0}>
        <Table size="small">
          <caption>{t.activity}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colGroup}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colTargetGroup}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                {t.colOpenAtEnd} <span className="date">{asOf}</span>
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colKnown}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colPlan}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colMeasure}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((g) => (
              <Table.Row key={g.key ?? ""}>
                <Table.HeaderCell scope="row">{g.label}</Table.HeaderCell>
                <Table.DataCell align="right">{count.format(g.target_group ?? 0)}</Table.DataCell>
                <Table.DataCell align="right">{count.format(g.open_at_end ?? 0)}</Table.DataCell>
                <Table.DataCell align="right">
                  <CountAndShare count={g.known_occupation} share={g.known_occupation_share} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <CountAndShare count={g.with_plan} share={g.with_plan_share} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <CountAndShare count={g.in_measure} share={g.in_measure_share} />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="kpi-table" role="region" aria-label={t.firstContact} tabIndex={0}>
        <Table size="small">
          <caption>{t.firstContact}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colGroup}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colStarted}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colWithin(days)}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colAttemptMedian}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colAttemptP90}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colReachedMedian}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colReachedP90}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((g) => (
              <Table.Row key={g.key ?? ""}>
                <Table.HeaderCell scope="row">{g.label}</Table.HeaderCell>
                <Table.DataCell align="right">{count.format(g.first_attempt?.started ?? 0)}</Table.DataCell>
                <Table.DataCell align="right">
                  <Measured value={g.first_attempt?.within_deadline_share} format={(s) => `${percent.format(s * 100)} %`} />
                  <br />
                  {t.ofDue(count.format(g.first_attempt?.within_deadline ?? 0), count.format(g.first_attempt?.due ?? 0))}
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Measured value={g.first_attempt?.median_days} format={(d) => oneDecimal.format(d)} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Measured value={g.first_attempt?.p90_days} format={(d) => oneDecimal.format(d)} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Measured value={g.first_reached?.median_days} format={(d) => oneDecimal.format(d)} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Measured value={g.first_reached?.p90_days} format={(d) => oneDecimal.format(d)} />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <BodyShort size="small">{t.noneNote}</BodyShort>
    </VStack>
  );
}

/** "319 (92,7 %)"; a null share (nobody to count) as "– (inga att mäta)". */
function CountAndShare({ count: n, share }: { count?: number; share?: number | null }) {
  return (
    <>
      {count.format(n ?? 0)} (<Measured value={share} format={(s) => `${percent.format(s * 100)} %`} />)
    </>
  );
}

/** A figure, or "–" read out as "inga att mäta" when it is null (nobody to measure): never 0. */
function Measured({ value, format }: { value?: number | null; format: (value: number) => string }) {
  const t = useT().kpi;
  if (value == null)
    return (
      <>
        <span aria-hidden="true">{t.none}</span>
        <span className="navds-sr-only">{t.noneSr}</span>
      </>
    );
  return <>{format(value)}</>;
}
