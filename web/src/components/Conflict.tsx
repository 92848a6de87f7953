// A 409 over a stale version: what is saved now beside what the user typed (theirs vs yours), for the
// rows that differ (all of them when none does; no table when there are no rows), and the ways on: a button that takes theirs to go on
// from there (`onTakeTheirs`), or the caller's own buttons (`children`). The heading takes the focus
// when the notice appears.
import { Alert, BodyShort, Button, Heading, Table } from "@navikt/ds-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "../i18n";

export type ConflictRow = { label: string; theirs: ReactNode; yours: ReactNode };

export function Conflict({
  heading,
  text,
  rows,
  empty,
  sameText,
  onTakeTheirs,
  takeLabel,
  children,
}: {
  /** Default: "Någon annan har ändrat uppgifterna". */
  heading?: string;
  text: string;
  rows: ConflictRow[];
  /** Shown for an empty value (default: "Okänd"). */
  empty?: string;
  /** Said when no row differs. */
  sameText?: string;
  onTakeTheirs?: () => void;
  /** The label of the take-theirs button (default: "Hämta de sparade uppgifterna igen"). */
  takeLabel?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => ref.current?.focus(), []);
  const differing = rows.filter((r) => r.theirs !== r.yours);
  const shown = (value: ReactNode) => (value === "" || value == null ? <span className="subtle">{empty ?? t.notKnown}</span> : value);
  return (
    <Alert variant="warning" className="conflict">
      <Heading level="3" size="xsmall" spacing tabIndex={-1} ref={ref} id={headingId} className="page-heading">
        {heading ?? t.conflictHeading}
      </Heading>
      <BodyShort spacing>{text}</BodyShort>
      {differing.length === 0 && sameText && <BodyShort spacing>{sameText}</BodyShort>}
      {rows.length > 0 && (
        <Table size="small" className="conflict-table" aria-labelledby={headingId}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colField}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colTheirs}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colYours}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(differing.length > 0 ? differing : rows).map((r, i) => (
              <Table.Row key={`${i}:${r.label}`}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                <Table.DataCell>{shown(r.theirs)}</Table.DataCell>
                <Table.DataCell>{shown(r.yours)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {onTakeTheirs && (
        <Button type="button" size="small" variant="secondary" onClick={onTakeTheirs}>
          {takeLabel ?? t.useTheirs}
        </Button>
      )}
      {children && <div className="conflict-actions">{children}</div>}
    </Alert>
  );
}

/** A correction's 409: the record as saved now beside what was sent; `onTakeTheirs` takes it into the form. */
export function RecordConflict({ rows, onTakeTheirs }: { rows: ConflictRow[]; onTakeTheirs: () => void }) {
  const t = useT();
  return (
    <Conflict
      heading={t.recordConflictHeading}
      text={t.recordConflictText}
      takeLabel={t.takeTheirs}
      rows={rows}
      onTakeTheirs={onTakeTheirs}
    />
  );
}
