// What a dry run (or an applied run) would change: the counts, then the persons grouped by change —
// registered, deregistered, closures by hand that stand, registrations by hand confirmed or awaiting,
// registrations whose reason the registers now contradict —
// each with the reason in Swedish (the code list's label) and the date it holds from.
import { EyeSlashIcon } from "@navikt/aksel-icons";
import { BodyShort, Heading, HStack, Table, Tag, VStack } from "@navikt/ds-react";
import type { IdentificationChange, IdentificationSummary } from "../../api/queries";
import { useT } from "../../i18n";

const kinds = ["registered", "deregistered", "closure_respected", "confirmed", "awaiting", "reason_contradicted"] as const;

/** The changes of a summary; with municipality "all" they are in each municipality's summary. */
function changesOf(summary: IdentificationSummary): IdentificationChange[] {
  const each = (summary.municipalities ?? []) as IdentificationSummary[];
  return [...(summary.changes ?? []), ...each.flatMap((m) => m.changes ?? [])];
}

export function RunCounts({ summary }: { summary: IdentificationSummary }) {
  const t = useT().identification;
  const elsewhere = Object.entries(summary.ended_elsewhere ?? {});
  const rows: [string, string | number | undefined][] = [
    [t.targetGroup, summary.target_group],
    [t.openBefore, summary.open_before],
    [t.registered, summary.registered?.total],
    [t.deregistered, summary.deregistered?.total],
    [t.unchanged, summary.unchanged],
    [t.closuresRespected, summary.closures_respected],
    [t.reasonsContradicted, summary.reasons_contradicted],
    [t.byHand, `${summary.by_hand?.confirmed ?? 0} / ${summary.by_hand?.ended ?? 0} / ${summary.by_hand?.awaiting ?? 0}`],
  ];
  if (elsewhere.length > 0) rows.push([t.endedElsewhere, elsewhere.map(([code, n]) => `${code}: ${n}`).join(", ")]);
  return (
    <dl className="run-counts" aria-label={t.counts}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ?? 0}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ChangesList({ summary }: { summary: IdentificationSummary }) {
  const t = useT();
  const changes = changesOf(summary);
  if (changes.length === 0) return <BodyShort>{t.identification.noChanges}</BodyShort>;
  return (
    <VStack gap="6">
      {kinds.map((kind) => {
        const those = changes.filter((c) => c.change === kind);
        if (those.length === 0) return null;
        const heading = t.identification.changeHeadings[kind];
        return (
          <section key={kind} aria-labelledby={`changes-${kind}`}>
            <Heading level="3" size="small" id={`changes-${kind}`}>
              {t.identification.changeCaption(heading, those.length)}
            </Heading>
            <BodyShort spacing>{t.identification.changeTexts[kind]}</BodyShort>
            <ChangeTable changes={those} labelledBy={`changes-${kind}`} />
          </section>
        );
      })}
    </VStack>
  );
}

function ChangeTable({ changes, labelledBy }: { changes: IdentificationChange[]; labelledBy: string }) {
  const t = useT();
  const ti = t.identification;
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">{ti.colName}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{ti.colPersonalId}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{ti.colReason}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{ti.colDate}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {changes.map((c) => (
          <Table.Row key={`${c.personal_id}-${c.change}-${c.municipality ?? ""}`}>
            <Table.HeaderCell scope="row">
              <HStack gap="2" align="center">
                {`${c.first_name} ${c.last_name}`}
                {c.protected && (
                  <Tag variant="warning" size="xsmall" icon={<EyeSlashIcon aria-hidden />}>
                    {t.protectedIdentity}
                  </Tag>
                )}
              </HStack>
            </Table.HeaderCell>
            <Table.DataCell className="nowrap">{c.personal_id}</Table.DataCell>
            <Table.DataCell>
              {c.reason_label || c.reason}
              {c.municipality && ` (${ti.inMunicipality(c.municipality)})`}
              {c.by_hand && ` (${ti.madeByHand})`}
            </Table.DataCell>
            <Table.DataCell className="nowrap">{c.date}</Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
