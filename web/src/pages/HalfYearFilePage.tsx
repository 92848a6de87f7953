// SCB-fil: the half-year file for SCB (GET /api/v1/reports/half-year, docs/reports.md) — each block's count,
// every problem the checks found with a link to the person to correct, the corrections made since the
// period ended, and the file as a download (only without errors, or explicitly anyway). The half-year and
// the choice of corrections are in the URL (?halvar=2026H1&rattelser=ja).
import { Alert, BodyShort, Checkbox, HStack, Link, Loader, Table, VStack } from "@navikt/ds-react";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { halfYearFileUrl, useHalfYearReport, type HalfYearReport } from "../api/queries";
import { localDateTime, swedishDay } from "../format";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { useT } from "../i18n";
import { HalfYearSelect, recentHalfYears } from "../components/HalfYearSelect";

const count = new Intl.NumberFormat("sv-SE");

export function HalfYearFilePage() {
  const t = useT();
  const h = t.halfYearFile;
  const [params, setParams] = useSearchParams();
  const halfYears = recentHalfYears(swedishDay());
  const period = params.get("halvar") ?? halfYears[1]; // the half-year just ended: the file to send

  const withCorrections = params.get("rattelser") === "ja";
  const report = useHalfYearReport(period, withCorrections);
  const choose = (next: { halvar?: string; rattelser?: boolean }) => {
    const corrections = next.rattelser ?? withCorrections;
    setParams({ halvar: next.halvar ?? period, ...(corrections ? { rattelser: "ja" } : {}) });
  };
  const data = report.data;

  return (
    <>
      <PageHeading>{h.title}</PageHeading>
      <VStack gap="4">
        <BodyShort>{h.intro}</BodyShort>
        <HStack gap="6" align="end">
          <HalfYearSelect label={h.period} value={period} halfYears={halfYears} onChange={(p) => choose({ halvar: p })} />
          {data?.period_ended && (
            <Checkbox checked={withCorrections} onChange={(e) => choose({ rattelser: e.target.checked })}>
              {h.withCorrections}
            </Checkbox>
          )}
        </HStack>
        {report.isPending && <Loader title={h.title} />}
        {report.isError && <ProblemAlert error={report.error} badRequest={h.badRequest} />}
        {data && <Overview report={data} period={period} withCorrections={withCorrections} />}
      </VStack>
    </>
  );
}

function Overview({ report, period, withCorrections }: { report: HalfYearReport; period: string; withCorrections: boolean }) {
  const h = useT().halfYearFile;
  const problems = report.problems ?? [];
  return (
    <VStack gap="4">
      <BodyShort aria-live="polite">
        {report.period_ended
          ? report.as_of
            ? h.asOf(localDateTime(report.as_of))
            : ""
          : h.running}{" "}
        {report.period_ended &&
          (report.changes_since_end.removed + report.changes_since_end.added > 0
            ? h.corrections(report.changes_since_end.removed, report.changes_since_end.added)
            : h.noCorrections)}
      </BodyShort>
      <Table size="small">
        <caption>{h.blocksCaption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{h.colBlock}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{h.colRecordType}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {h.colCount}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {report.blocks.map((b) => (
            <Table.Row key={b.block}>
              <Table.HeaderCell scope="row">{h.blocks[b.block] ?? b.block}</Table.HeaderCell>
              <Table.DataCell>{b.record_type}</Table.DataCell>
              <Table.DataCell align="right">{count.format(b.count)}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {report.errors > 0 ? (
        <Alert variant="error">{h.errors(report.errors)}</Alert>
      ) : (
        <Alert variant="success">{h.clean}</Alert>
      )}
      <BodyShort>
        <Link href={halfYearFileUrl(period, "csv", withCorrections, report.errors > 0)} download>
          {report.errors === 0 ? h.download : h.downloadAnyway}
        </Link>
      </BodyShort>
      <BodyShort>
        <Link href={halfYearFileUrl(period, "xlsx", withCorrections, report.errors > 0)} download>
          {h.downloadXlsx}
        </Link>
      </BodyShort>
      {problems.length > 0 && (
        <div className="kpi-table" role="region" aria-label={h.problemsCaption} tabIndex={0}>
          <Table size="small">
            <caption>{h.problemsCaption}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{h.colPerson}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{h.colKind}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{h.colProblem}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {problems.map((p, i) => (
                <Table.Row key={`${p.registration_id}-${p.check}-${i}`}>
                  <Table.HeaderCell scope="row">
                    <Link as={RouterLink} to={`/personer/${p.person_id}`}>
                      {h.person(p.person_id)}
                    </Link>
                  </Table.HeaderCell>
                  <Table.DataCell>{p.blocking ? h.error : h.warning}</Table.DataCell>
                  <Table.DataCell>{p.message}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </VStack>
  );
}
