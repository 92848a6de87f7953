// What the plan's parts share: a section of the person's page, a success message that takes the focus,
// the Swedish label of a code, how a measure is named, and the 409's table of what is saved now beside
// what the user typed.
import { Alert, BodyShort, Box, Button, Heading, Table } from "@navikt/ds-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useCodeList, type MeasureRecord } from "../../api/queries";
import { useT } from "../../i18n";
import type { ConflictRow } from "./planForm";
import "./plan.css";

/** A section of the person's page, named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} padding="4" borderWidth="1" borderRadius="medium" borderColor="border-subtle">
      <Heading level="2" size="small" id={id} spacing>
        {title}
      </Heading>
      {children}
    </Box>
  );
}

/** A success message that takes the focus once shown (the button that led to it may be gone). */
export function useMessage(initial: string | null = null) {
  const [message, setMessage] = useState<string | null>(initial);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const ui = (
    <div aria-live="polite">
      {message && (
        <Alert variant="success" size="small" ref={ref} tabIndex={-1} className="logged-message">
          {message}
        </Alert>
      )}
    </div>
  );
  return { setMessage, ui };
}

/**
 * A long list shortened to its first `few` rows (newest first), with a button to show them all (and
 * fewer again): a case followed for two years holds dozens of follow-ups.
 */
export function useFirstFew<T>(items: T[], few = 5): { shown: T[]; toggle: ReactNode } {
  const t = useT();
  const [all, setAll] = useState(false);
  if (items.length <= few) return { shown: items, toggle: null };
  return {
    shown: all ? items : items.slice(0, few),
    toggle: (
      <Button type="button" size="xsmall" variant="tertiary" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t.plan.showFewer : t.plan.showAll(items.length)}
      </Button>
    ),
  };
}

/** The Swedish label of a code of `list` (the code itself while the list loads). */
export function useLabels(list: string): (code: string | null | undefined) => string {
  const codes = useCodeList(list).data ?? [];
  return (code) => (code ? (codes.find((c) => c.code === code)?.label ?? code) : "");
}

/** A measure as the user knows it: its content and kind ("Praktik fyra veckor (Praktik)"). */
export function measureName(m: MeasureRecord): string {
  return `${m.data.content} (${m.labels.type ?? m.data.type})`;
}

/**
 * A 409: what is saved now beside what the user typed, for the rows that differ (all of them when none
 * does), with the ways on (`children`: buttons). The heading takes the focus.
 */
export function Conflict({
  heading,
  text,
  rows,
  children,
}: {
  heading: string;
  text: string;
  rows: ConflictRow[];
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const differing = rows.filter((r) => r.theirs !== r.yours);
  const shown = (value: string) => value || <span className="subtle">{t.plan.absent}</span>;
  return (
    <Alert variant="warning" className="conflict">
      <Heading level="3" size="xsmall" spacing tabIndex={-1} ref={ref} id="record-conflict" className="page-heading">
        {heading}
      </Heading>
      <BodyShort spacing>{text}</BodyShort>
      {differing.length === 0 && <BodyShort spacing>{t.plan.noDifference}</BodyShort>}
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
      <div className="conflict-actions">{children}</div>
    </Alert>
  );
}
