// A 409 on a correction: what is saved now beside what the user sent, for the fields that differ, and a
// button to take the saved version into the form (with its version) and go on from there.
import { Alert, BodyShort, Button, Heading, Table } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useT } from "../../i18n";

export type ConflictRow = { label: string; theirs: string; yours: string };

export function RecordConflict({ rows, onTakeTheirs }: { rows: ConflictRow[]; onTakeTheirs: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const differing = rows.filter((r) => r.theirs !== r.yours);
  const shown = (value: string) => value || <span className="subtle">{t.notKnown}</span>;
  return (
    <Alert variant="warning" className="conflict">
      <Heading level="3" size="xsmall" spacing tabIndex={-1} ref={heading} id="record-conflict" className="page-heading">
        {t.recordConflictHeading}
      </Heading>
      <BodyShort spacing>{t.recordConflictText}</BodyShort>
      <Table size="small" className="conflict-table" aria-labelledby="record-conflict">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colField}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colTheirs}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colYours}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(differing.length > 0 ? differing : rows).map((r) => (
            <Table.Row key={r.label}>
              <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
              <Table.DataCell>{shown(r.theirs)}</Table.DataCell>
              <Table.DataCell>{shown(r.yours)}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Button type="button" size="small" variant="secondary" onClick={onTakeTheirs}>
        {t.takeTheirs}
      </Button>
    </Alert>
  );
}
