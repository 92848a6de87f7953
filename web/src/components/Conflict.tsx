// A 409 over a stale version: what is saved now beside what the user typed (theirs vs yours), with a
// button that takes theirs to go on from there. The heading takes the focus when the notice appears.
import { Alert, BodyShort, Button, Heading, Table } from "@navikt/ds-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "../i18n";

export type ConflictRow = { label: string; theirs: ReactNode; yours: ReactNode };

export function Conflict({ text, rows, onTakeTheirs }: { text: string; rows: ConflictRow[]; onTakeTheirs: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert variant="warning" className="conflict">
      <Heading level="3" size="xsmall" spacing tabIndex={-1} ref={heading} id={headingId} className="page-heading">
        {t.conflictHeading}
      </Heading>
      <BodyShort spacing>{text}</BodyShort>
      <Table size="small" className="conflict-table" aria-labelledby={headingId}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colField}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colTheirs}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colYours}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.label}>
              <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
              <Table.DataCell>{row.theirs}</Table.DataCell>
              <Table.DataCell>{row.yours}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Button type="button" size="small" variant="secondary" onClick={onTakeTheirs}>
        {t.useTheirs}
      </Button>
    </Alert>
  );
}
