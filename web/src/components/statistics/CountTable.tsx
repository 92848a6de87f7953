// One breakdown of the statistics as a table. A suppressed count (null: 1–4, or hidden so that a small
// one cannot be worked out from the rest) is shown as "–" with "dolt" for screen readers, never as 0;
// the page explains the mark under the tables.
import { Table } from "@navikt/ds-react";
import { useT } from "../../i18n";

export type CountRow = { key: string; label: string; count: number | null };

export function CountTable({ caption, keyHeading, rows }: { caption: string; keyHeading: string; rows: CountRow[] }) {
  const t = useT().statistics;
  return (
    <Table size="small" className="count-table">
      <caption>{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">{keyHeading}</Table.HeaderCell>
          <Table.HeaderCell scope="col" align="right">
            {t.colCount}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
            <Table.DataCell align="right" className="count">
              {r.count === null ? <SuppressedCount /> : r.count}
            </Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function SuppressedCount() {
  const t = useT().statistics;
  return (
    <>
      <span aria-hidden="true">{t.suppressed}</span>
      <span className="navds-sr-only">{t.suppressedSr}</span>
    </>
  );
}
