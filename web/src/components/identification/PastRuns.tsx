// The latest identification runs, newest first: the date, who ran it and when, the municipality, the
// counts, and each input file's name, size and SHA-256 (as it came), so a run can be traced to its files.
import { BodyShort, Heading, Loader, Table } from "@navikt/ds-react";
import { useIdentificationRuns } from "../../api/queries";
import { localDateTime } from "../../format";
import { useT } from "../../i18n";
import { ProblemAlert } from "../Problems";

export function PastRuns() {
  const t = useT().identification;
  const runs = useIdentificationRuns();
  return (
    <section aria-labelledby="past-runs">
      <Heading level="2" size="medium" id="past-runs" spacing>
        {t.pastRuns}
      </Heading>
      {runs.isPending && <Loader title={t.pastRuns} />}
      {runs.isError && <ProblemAlert error={runs.error} />}
      {runs.data?.length === 0 && <BodyShort>{t.noPastRuns}</BodyShort>}
      {runs.data && runs.data.length > 0 && (
        <Table size="small" aria-labelledby="past-runs" className="past-runs">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colRunDate}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colRanAt}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colActor}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colMunicipality}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colRegistered}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colDeregistered}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colUnchanged}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colFiles}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {runs.data.map((run) => (
              <Table.Row key={run.id}>
                <Table.HeaderCell scope="row" className="nowrap">
                  {run.date}
                </Table.HeaderCell>
                <Table.DataCell className="nowrap">{run.ran_at && localDateTime(run.ran_at)}</Table.DataCell>
                <Table.DataCell>{run.actor}</Table.DataCell>
                <Table.DataCell>{run.municipality}</Table.DataCell>
                <Table.DataCell>{run.summary?.registered?.total ?? 0}</Table.DataCell>
                <Table.DataCell>{run.summary?.deregistered?.total ?? 0}</Table.DataCell>
                <Table.DataCell>{run.summary?.unchanged ?? 0}</Table.DataCell>
                <Table.DataCell>
                  <ul className="run-files">
                    {(run.files ?? []).map((f) => (
                      <li key={f.role}>
                        <span>{t.fileLine(t.fileRoles[f.role ?? ""] ?? f.role ?? "", f.name ?? "", f.bytes ?? 0)}</span>
                        <br />
                        {t.sha256} <code className="sha256">{f.sha256}</code>
                      </li>
                    ))}
                  </ul>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
