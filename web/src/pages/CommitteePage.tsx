// Nämndrapport: the committee report of a month (GET /api/v1/reports/committee, docs/reports.md) in the
// municipal layout — measure, desired direction, outcome the same month last year, the year's target,
// outcome this month — with the PDF and XLSX downloads, and the forms in which a unit manager or an
// administrator sets the year's targets (PUT /api/v1/targets/…) and writes the month's analyses
// (PUT /api/v1/analyses/…). The month is in the URL (?manad=2026-10).
import { Alert, BodyShort, Button, Heading, HStack, Link, Loader, Select, Table, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiProblem } from "../api/client";
import {
  committeeFileUrl,
  useCommitteeReport,
  useSetAnalysis,
  useSetTarget,
  useTargets,
  type CommitteeMeasure,
  type CommitteeReport,
  type MeasureTarget,
} from "../api/queries";
import { PageHeading } from "../components/PageHeading";
import { FormProblems, ProblemAlert, fieldError } from "../components/Problems";
import { swedishDay } from "../format";
import { useT } from "../i18n";

/** The current month ("2026-11") and the twelve before it, newest first. */
export function recentMonths(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const found: string[] = [];
  for (let i = 0; i < 13; ++i) {
    found.push(`${year}-${String(month).padStart(2, "0")}`);
    if (month === 1) [year, month] = [year - 1, 12];
    else month -= 1;
  }
  return found;
}

const percent = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

/** A value as the report prints it: "82,5 %", "6,5" (days), "214". */
export function measureText(unit: string, value: number): string {
  if (unit === "share") return `${percent.format(value * 100)} %`;
  if (unit === "days") return percent.format(value);
  return whole.format(value);
}

/** A target as the form shows it: a share in percent ("90"), days and counts as they are, comma decimals. */
function targetInput(unit: string, value: number | null | undefined): string {
  if (value == null) return "";
  const shown = unit === "share" ? Math.round(value * 1000) / 10 : value;
  return String(shown).replace(".", ",");
}

const fieldId = (code: string) => `target-${code}`;
const analysisId = (code: string) => `analysis-${code}`;

export function CommitteePage() {
  const t = useT().committee;
  const [params, setParams] = useSearchParams();
  const months = recentMonths(swedishDay());
  const month = params.get("manad") ?? months[1];
  const report = useCommitteeReport(month);
  const choices = months.includes(month) ? months : [month, ...months];
  const data = report.data;
  const year = Number(month.slice(0, 4));

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <VStack gap="6">
        <BodyShort>{t.intro}</BodyShort>
        <Select label={t.month} value={month} onChange={(e) => setParams({ manad: e.target.value })} className="narrow-form">
          {choices.map((m) => (
            <option key={m} value={m}>
              {t.monthLabel(m)}
            </option>
          ))}
        </Select>
        {report.isPending && <Loader title={t.title} />}
        {report.isError && <ProblemAlert error={report.error} badRequest={t.badRequest} />}
        {data && <Measures report={data} />}
        {data && (
          <HStack gap="6">
            <Link href={committeeFileUrl(month, "pdf")} download>
              {t.pdf}
            </Link>
            <Link href={committeeFileUrl(month, "xlsx")} download>
              {t.xlsx}
            </Link>
          </HStack>
        )}
        {Number.isFinite(year) && year >= 2000 && <Targets year={year} />}
        {data && <Analyses key={`${data.month}`} report={data} />}
      </VStack>
    </>
  );
}

function Measures({ report }: { report: CommitteeReport }) {
  const t = useT().committee;
  const lastYear = `${Number(report.month.slice(0, 4)) - 1}${report.month.slice(4)}`;
  return (
    <VStack gap="2">
      <BodyShort aria-live="polite">{t.asOf(report.as_of, report.first_contact_days)}</BodyShort>
      <div className="kpi-table" role="region" aria-label={t.table(t.monthLabel(report.month))} tabIndex={0}>
        <Table size="small">
          <caption>{t.table(t.monthLabel(report.month))}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colMeasure}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="center">{t.colDirection}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colLastYear(t.shortMonth(lastYear))}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colTarget(report.month.slice(0, 4))}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">{t.colThisMonth(t.shortMonth(report.month))}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {report.measures.map((m) => (
              <Table.Row key={m.code}>
                <Table.HeaderCell scope="row">{m.label}</Table.HeaderCell>
                <Table.DataCell align="center">
                  <span aria-hidden="true">{m.direction === "up" ? "↗" : m.direction === "down" ? "↘" : "–"}</span>
                  <span className="navds-sr-only">{t.direction[m.direction]}</span>
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Value measure={m} value={m.same_month_last_year} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Value measure={m} value={m.target} missing={t.noTargetSr} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Value measure={m} value={m.this_month} />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}

/** A figure, or "–" read out as `missing` (default "inga att mäta") when there is none. */
function Value({ measure, value, missing }: { measure: CommitteeMeasure; value: number | null; missing?: string }) {
  const t = useT().committee;
  if (value == null)
    return (
      <>
        <span aria-hidden="true">{t.none}</span>
        <span className="navds-sr-only">{missing ?? t.noneSr}</span>
      </>
    );
  return <>{measureText(measure.unit, value)}</>;
}

function Targets({ year }: { year: number }) {
  const t = useT().committee;
  const targets = useTargets(year);
  if (targets.isPending) return <Loader title={t.targetsHeading(String(year))} />;
  if (targets.isError) return <ProblemAlert error={targets.error} />;
  return <TargetsForm key={year} year={year} targets={targets.data.targets} />;
}

function TargetsForm({ year, targets }: { year: number; targets: MeasureTarget[] }) {
  const t = useT().committee;
  const save = useSetTarget();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(targets.map((m) => [m.measure, targetInput(m.unit, m.value)])),
  );
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const label = (m: MeasureTarget) => `${m.label} (${t.unit[m.unit]})`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const wrong = targets.filter((m) => values[m.measure].trim() !== "" && !/^\d+([,.]\d+)?$/.test(values[m.measure].trim()));
    if (wrong.length > 0) {
      setProblem(new ApiProblem(0, { errors: wrong.map((m) => ({ field: m.measure, detail: t.notANumber(label(m)) })) }));
      return;
    }
    const changed = targets.filter((m) => values[m.measure].trim() !== "" && values[m.measure].trim() !== targetInput(m.unit, m.value));
    if (changed.length === 0) {
      setProblem(new ApiProblem(0, { detail: t.noChanges }));
      return;
    }
    setProblem(null);
    for (const m of changed) {
      const typed = Number(values[m.measure].trim().replace(",", "."));
      try {
        await save.mutateAsync({ year, measure: m.measure, value: m.unit === "share" ? typed / 100 : typed, version: m.version });
      } catch (error) {
        // The server names the field "value": it is this measure's.
        setProblem(
          error instanceof ApiProblem && error.errors.length > 0
            ? new ApiProblem(error.status, { errors: error.errors.map((e) => ({ field: m.measure, detail: `${m.label}: ${e.detail}` })) })
            : error,
        );
        return;
      }
    }
    setSaved(true);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="targets-heading">
      <VStack gap="4" className="narrow-form">
        <div>
          <Heading level="2" size="medium" spacing id="targets-heading">
            {t.targetsHeading(String(year))}
          </Heading>
          <BodyShort>{t.targetsIntro}</BodyShort>
        </div>
        <div aria-live="polite">{saved && <Alert variant="success" size="small">{t.targetsSaved}</Alert>}</div>
        <FormProblems problem={problem} fieldIds={Object.fromEntries(targets.map((m) => [m.measure, fieldId(m.measure)]))} />
        {targets.map((m) => (
          <TextField
            key={m.measure}
            id={fieldId(m.measure)}
            label={label(m)}
            inputMode="decimal"
            htmlSize={8}
            value={values[m.measure]}
            onChange={(e) => setValues({ ...values, [m.measure]: e.target.value })}
            error={fieldError(problem, m.measure)}
          />
        ))}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.saveTargets}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function Analyses({ report }: { report: CommitteeReport }) {
  const t = useT().committee;
  const save = useSetAnalysis();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.measures.map((m) => [m.code, m.analysis])));
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const changed = report.measures.filter((m) => texts[m.code] !== m.analysis);
    if (changed.length === 0) {
      setProblem(new ApiProblem(0, { detail: t.noChanges }));
      return;
    }
    setProblem(null);
    for (const m of changed) {
      try {
        await save.mutateAsync({ month: report.month, measure: m.code, text: texts[m.code], version: m.analysis_version });
      } catch (error) {
        setProblem(
          error instanceof ApiProblem && error.errors.length > 0
            ? new ApiProblem(error.status, { errors: error.errors.map((e) => ({ field: m.code, detail: `${m.label}: ${e.detail}` })) })
            : error,
        );
        return;
      }
    }
    setSaved(true);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="analysis-heading">
      <VStack gap="4" className="narrow-form">
        <div>
          <Heading level="2" size="medium" spacing id="analysis-heading">
            {t.analysisHeading(t.monthLabel(report.month))}
          </Heading>
          <BodyShort>{t.analysisIntro}</BodyShort>
        </div>
        <div aria-live="polite">{saved && <Alert variant="success" size="small">{t.analysesSaved}</Alert>}</div>
        <FormProblems problem={problem} fieldIds={Object.fromEntries(report.measures.map((m) => [m.code, analysisId(m.code)]))} />
        {report.measures.map((m) => (
          <Textarea
            key={m.code}
            id={analysisId(m.code)}
            label={m.label}
            maxLength={4000}
            value={texts[m.code]}
            onChange={(e) => setTexts({ ...texts, [m.code]: e.target.value })}
            error={fieldError(problem, m.code)}
          />
        ))}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.saveAnalyses}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
