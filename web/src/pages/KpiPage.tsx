// Nyckeltal: the KPIs of a half-year over the user's caseload, or for a statistician the municipality's
// with small counts hidden (GET /api/v1/reports/kpi, docs/reports.md), in all and by a breakdown, as a few
// tables of related figures (KpiTable), with the same figures as a CSV download. The half-year and the
// breakdown are in the URL (?halvar=2026H2&per=enhet), so the view can be bookmarked.
import { BodyShort, HStack, Link, Loader, ReadMore, Select, Table, VStack } from "@navikt/ds-react";
import { useSearchParams } from "react-router-dom";
import type { ReactNode } from "react";
import { kpiCsvUrl, useKpiReport, type KpiBy, type KpiGroup, type KpiOutcome, type KpiReport } from "../api/queries";
import { swedishDay } from "../format";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { SuppressedCount } from "../components/statistics/CountTable";
import { useT } from "../i18n";
import { HalfYearSelect, recentHalfYears } from "../components/HalfYearSelect";

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
  const data = report.data;

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <VStack gap="4">
        <BodyShort>{data?.scope === "municipality" ? t.scopeMunicipality : t.scope}</BodyShort>
        <HStack gap="4" align="end">
          <HalfYearSelect label={t.period} value={period} halfYears={halfYears} onChange={(p) => choose({ halvar: p })} />
          <Select label={t.by} value={by} onChange={(e) => choose({ per: e.target.value as KpiBy })}>
            {breakdowns.map(([key]) => (
              <option key={key} value={key}>
                {t.byOptions[key]}
              </option>
            ))}
          </Select>
        </HStack>
        {report.isPending && <Loader title={t.title} />}
        {report.isError && <ProblemAlert error={report.error} badRequest={t.badRequest} />}
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

/** One column of a KPI table: its heading, and the cell of a group. */
type Column = { heading: ReactNode; cell: (g: KpiGroup) => ReactNode };

/** The figures, grouped into tables of a few columns each, a row per group (the whole first). */
function Figures({ report }: { report: KpiReport }) {
  const texts = useT();
  const t = texts.kpi;
  const asOf = report.as_of ?? "";
  const days = report.first_contact_days ?? 0;
  const rows = [report.all, ...(report.groups ?? [])].filter((g): g is KpiGroup => !!g);
  const suppressed = report.scope === "municipality";
  const perShare = (s: number) => `${percent.format(s * 100)} %`;
  const perDays = (d: number) => oneDecimal.format(d);
  const tables: { caption: string; columns: Column[] }[] = [
    {
      caption: t.activity,
      columns: [
        { heading: t.colTargetGroup, cell: (g) => <Count g={g} name="target_group" value={g.target_group} /> },
        {
          heading: (
            <>
              {t.colOpenAtEnd} <span className="date">{asOf}</span>
            </>
          ),
          cell: (g) => <Count g={g} name="open_at_end" value={g.open_at_end} />,
        },
        { heading: t.colKnown, cell: (g) => <CountAndShare g={g} name="known_occupation" count={g.known_occupation} share={g.known_occupation_share} /> },
        { heading: t.colPlan, cell: (g) => <CountAndShare g={g} name="with_plan" count={g.with_plan} share={g.with_plan_share} /> },
        { heading: t.colMeasure, cell: (g) => <CountAndShare g={g} name="in_measure" count={g.in_measure} share={g.in_measure_share} /> },
      ],
    },
    {
      caption: t.firstContact,
      columns: [
        { heading: t.colStarted, cell: (g) => <Count g={g} name="first_attempt.started" value={g.first_attempt?.started} /> },
        {
          heading: t.colWithin(days),
          cell: (g) => (
            <>
              <Measured g={g} name="first_attempt.within_deadline_share" value={g.first_attempt?.within_deadline_share} format={perShare} />
              <br />
              {t.ofDue(countText(g, "first_attempt.within_deadline", g.first_attempt?.within_deadline), countText(g, "first_attempt.due", g.first_attempt?.due))}
            </>
          ),
        },
        { heading: t.colAttemptMedian, cell: (g) => <Measured g={g} name="first_attempt.median_days" value={g.first_attempt?.median_days} format={perDays} /> },
        { heading: t.colAttemptP90, cell: (g) => <Measured g={g} name="first_attempt.p90_days" value={g.first_attempt?.p90_days} format={perDays} /> },
        { heading: t.colReachedMedian, cell: (g) => <Measured g={g} name="first_reached.median_days" value={g.first_reached?.median_days} format={perDays} /> },
        { heading: t.colReachedP90, cell: (g) => <Measured g={g} name="first_reached.p90_days" value={g.first_reached?.p90_days} format={perDays} /> },
      ],
    },
    {
      caption: t.measuresAndGoals,
      columns: [
        { heading: t.colOffered, cell: (g) => <Count g={g} name="offered_measure" value={g.offered_measure} /> },
        { heading: t.colDeclinedFirst, cell: (g) => <CountAndShare g={g} name="declined_first" count={g.declined_first} share={g.declined_first_share} /> },
        { heading: t.colAssessed, cell: (g) => <Count g={g} name="goals.assessed" value={g.goals?.assessed} /> },
        { heading: t.colAchieved, cell: (g) => <CountAndShare g={g} name="goals.achieved" count={g.goals?.achieved} share={g.goals?.achieved_share} /> },
        { heading: t.colPartly, cell: (g) => <CountAndShare g={g} name="goals.partly" count={g.goals?.partly} share={g.goals?.partly_share} /> },
        { heading: t.colNotAchieved, cell: (g) => <CountAndShare g={g} name="goals.not_achieved" count={g.goals?.not_achieved} share={g.goals?.not_achieved_share} /> },
      ],
    },
    {
      caption: t.afterMeasure,
      columns: [
        { heading: t.colEnded, cell: (g) => <Count g={g} name="after_measure.ended" value={g.after_measure?.ended} /> },
        { heading: t.colEducation, cell: (g) => <CountAndShare g={g} name="after_measure.education" count={g.after_measure?.education} share={g.after_measure?.education_share} /> },
        { heading: t.colWork, cell: (g) => <CountAndShare g={g} name="after_measure.work" count={g.after_measure?.work} share={g.after_measure?.work_share} /> },
        { heading: t.colOther, cell: (g) => <CountAndShare g={g} name="after_measure.other" count={g.after_measure?.other} share={g.after_measure?.other_share} /> },
        { heading: t.colUnknown, cell: (g) => <CountAndShare g={g} name="after_measure.unknown" count={g.after_measure?.unknown} share={g.after_measure?.unknown_share} /> },
      ],
    },
    {
      caption: t.outcomes,
      columns: [
        { heading: t.colWithinMonths(6), cell: (g) => <Outcome g={g} name="outcome_6_months" outcome={g.outcome_6_months} /> },
        { heading: t.colWithinMonths(12), cell: (g) => <Outcome g={g} name="outcome_12_months" outcome={g.outcome_12_months} /> },
        { heading: t.colReRegistered, cell: (g) => <CountAndShare g={g} name="re_registered" count={g.re_registered} share={g.re_registered_share} /> },
        { heading: t.colCohort, cell: (g) => <Count g={g} name="cohort.persons" value={g.cohort?.persons} /> },
        { heading: t.colCohortContacted, cell: (g) => <CountAndShare g={g} name="cohort.contacted" count={g.cohort?.contacted} share={g.cohort?.contacted_share} /> },
      ],
    },
  ];
  return (
    <VStack gap="4">
      {/* Read out when another half-year or breakdown is shown (the tables themselves would be too much). */}
      <BodyShort aria-live="polite">
        {t.shown(report.from ?? "", report.to ?? "", asOf, asOf !== report.to)} {t.deadline(days)}
      </BodyShort>
      {tables.map(({ caption, columns }) => (
        <KpiTable key={caption} caption={caption} columns={columns} rows={rows} />
      ))}
      <BodyShort size="small">{t.noneNote}</BodyShort>
      {suppressed && (
        <BodyShort size="small" className="suppressed-note">
          {texts.statistics.suppressedNote(report.suppressed_below ?? 5)}
        </BodyShort>
      )}
    </VStack>
  );
}

/** One table of figures: a column per figure, a row per group. Focusable, so that a table wider than the
 * screen can be scrolled by keyboard. */
function KpiTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: KpiGroup[] }) {
  const t = useT().kpi;
  return (
    <div className="kpi-table" role="region" aria-label={caption} tabIndex={0}>
      <Table size="small">
        <caption>{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colGroup}</Table.HeaderCell>
            {columns.map((c, i) => (
              <Table.HeaderCell key={i} scope="col" align="right">
                {c.heading}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((g) => (
            <Table.Row key={g.key ?? ""}>
              <Table.HeaderCell scope="row">{g.label}</Table.HeaderCell>
              {columns.map((c, i) => (
                <Table.DataCell key={i} align="right">
                  {c.cell(g)}
                </Table.DataCell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Whether the server hid the figure `name` of the group (a statistician's small counts). */
const hidden = (g: KpiGroup, name: string) => (g.suppressed ?? []).includes(name);

/** A count as text: "–" when hidden (the table's note explains it). */
function countText(g: KpiGroup, name: string, value?: number | null): string {
  return hidden(g, name) || value == null ? "–" : count.format(value);
}

/** A count, or "–" read out as "dolt" when the server hid it: never 0. */
function Count({ g, name, value }: { g: KpiGroup; name: string; value?: number | null }) {
  if (hidden(g, name) || value == null) return <SuppressedCount />;
  return <>{count.format(value)}</>;
}

/** "319 (92,7 %)"; a null share (nobody to count) as "– (inga att mäta)"; a hidden one as "–" (dolt). */
function CountAndShare({ g, name, count: n, share }: { g: KpiGroup; name: string; count?: number | null; share?: number | null }) {
  return (
    <>
      <Count g={g} name={name} value={n} /> (<Measured g={g} name={`${name}_share`} value={share} format={(s) => `${percent.format(s * 100)} %`} />)
    </>
  );
}

/** "12 av 40 (30,0 %)": of the registrations measured, those in education or work within the months. */
function Outcome({ g, name, outcome }: { g: KpiGroup; name: string; outcome?: KpiOutcome }) {
  const t = useT().kpi;
  return (
    <>
      <Measured g={g} name={`${name}.education_or_work_share`} value={outcome?.education_or_work_share} format={(s) => `${percent.format(s * 100)} %`} />
      <br />
      {t.ofDue(countText(g, `${name}.education_or_work`, outcome?.education_or_work), countText(g, `${name}.measured`, outcome?.measured))}
    </>
  );
}

/** A figure, or "–" read out as "inga att mäta" when it is null (nobody to measure): never 0; "–" read out
 * as "dolt" when the server hid it. */
function Measured({ g, name, value, format }: { g: KpiGroup; name: string; value?: number | null; format: (value: number) => string }) {
  const t = useT().kpi;
  if (hidden(g, name)) return <SuppressedCount />;
  if (value == null)
    return (
      <>
        <span aria-hidden="true">{t.none}</span>
        <span className="navds-sr-only">{t.noneSr}</span>
      </>
    );
  return <>{format(value)}</>;
}
