// The person's occupations over time, newest first: from when, until the next one began, the detail and
// where it came from — learnt at a contact (it follows the contact: corrected and voided there, the
// server answers 422 on contact_id otherwise), entered by hand, or from the registers. One entered by
// hand can be corrected (CorrectOccupation) or voided (VoidRecord). A planned occupation is marked.
import { BodyShort, Button, HStack, Loader, Table, Tag } from "@navikt/ds-react";
import { useRef, useState, type MouseEvent } from "react";
import { useContactAttempts, useOccupations, useSession, type OccupationRecord } from "../../api/queries";
import { useT } from "../../i18n";
import { canReadCases } from "../../roles";
import { Card } from "../Card";
import { ProblemAlert } from "../Problems";
import { CorrectOccupationDialog } from "./CorrectOccupation";
import { useMessage } from "../useMessage";
import { VoidRecordDialog } from "../VoidRecord";

type Entry = { record: OccupationRecord; until: string | null };

/** Oldest first, each (not planned) until the next one that is not planned began. */
export function timeline(records: OccupationRecord[]): Entry[] {
  const sorted = [...records].sort((a, b) => a.data.effective_date.localeCompare(b.data.effective_date) || a.id - b.id);
  return sorted.map((record, i) => {
    const next = record.data.planned
      ? undefined
      : sorted.slice(i + 1).find((r) => !r.data.planned && r.data.effective_date > record.data.effective_date);
    return { record, until: next?.data.effective_date ?? null };
  });
}

export function OccupationTimeline({ personId }: { personId: number }) {
  const t = useT();
  const occupations = useOccupations(personId);
  const contacts = useContactAttempts(personId);
  const session = useSession();
  const mayChange = session.data ? canReadCases(session.data) : false;
  const [dialog, setDialog] = useState<{ kind: "correct" | "void"; record: OccupationRecord } | null>(null);
  const { setMessage, ui: message } = useMessage();
  const trigger = useRef<HTMLButtonElement | null>(null);
  const record = dialog ? (occupations.data?.find((o) => o.id === dialog.record.id) ?? dialog.record) : null;
  const name = (o: OccupationRecord) => t.occupationLabel(o.labels.kind ?? o.data.kind, o.data.effective_date);
  const how = (o: OccupationRecord) => {
    if (o.data.contact_id) {
      const contact = contacts.data?.find((c) => c.id === o.data.contact_id);
      return contact ? t.learntAtContact(contact.data.date) : t.learntAtAContact;
    }
    return o.registration_id === null && o.data.source === "enrolment_register" ? t.fromRegisters : t.byHand;
  };
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  const open = (kind: "correct" | "void", o: OccupationRecord) => (e: MouseEvent<HTMLButtonElement>) => {
    trigger.current = e.currentTarget;
    setMessage(null);
    setDialog({ kind, record: o });
  };
  return (
    <Card id="occupations" title={t.occupationsHeading}>
      {message}
      {dialog?.kind === "correct" && record && (
        <CorrectOccupationDialog
          personId={personId}
          record={record}
          onClose={(done) => closed(done ? t.occupationCorrected(name(record)) : null)}
        />
      )}
      {dialog?.kind === "void" && record && (
        <VoidRecordDialog
          kind="occupation"
          personId={personId}
          recordId={record.id}
          version={record.version}
          label={name(record)}
          onClose={(voided) => closed(voided ? t.records.occupation.voided(name(record)) : null)}
        />
      )}
      {occupations.isPending && <Loader title={t.loading} />}
      {occupations.isError && <ProblemAlert error={occupations.error} />}
      {occupations.data &&
        (occupations.data.length === 0 ? (
          <BodyShort>{t.noOccupations}</BodyShort>
        ) : (
          <>
            <BodyShort size="small" spacing>
              {t.occupationsIntro}
            </BodyShort>
            <Table size="small" aria-labelledby="occupations">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t.colFrom}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colTo}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colOccupation}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colDetail}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colSource}</Table.HeaderCell>
                  {mayChange && <Table.HeaderCell scope="col">{t.colChange}</Table.HeaderCell>}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {timeline(occupations.data)
                  .reverse()
                  .map(({ record: o, until }) => (
                    <Table.Row key={o.id}>
                      <Table.DataCell className="nowrap">{o.data.effective_date}</Table.DataCell>
                      <Table.DataCell className="nowrap">{o.data.planned ? "" : (until ?? t.untilFurther)}</Table.DataCell>
                      <Table.DataCell>
                        {o.labels.kind ?? o.data.kind}
                        {o.data.planned && (
                          <>
                            {" "}
                            <Tag variant="info" size="xsmall">
                              {t.planned}
                            </Tag>
                          </>
                        )}
                      </Table.DataCell>
                      <Table.DataCell>{o.labels.detail ?? o.data.detail ?? ""}</Table.DataCell>
                      <Table.DataCell>
                        {o.labels.source ?? o.data.source}, {how(o)}
                      </Table.DataCell>
                      {mayChange && (
                        <Table.DataCell>
                          {o.data.contact_id ? (
                            <span className="subtle">{t.followsContact}</span>
                          ) : (
                            <HStack gap="1" wrap={false}>
                              <Button type="button" size="xsmall" variant="tertiary" aria-label={t.correctOccupation(name(o))} onClick={open("correct", o)}>
                                {t.correct}
                              </Button>
                              <Button type="button" size="xsmall" variant="tertiary" aria-label={t.voidOccupation(name(o))} onClick={open("void", o)}>
                                {t.voidContact}
                              </Button>
                            </HStack>
                          )}
                        </Table.DataCell>
                      )}
                    </Table.Row>
                  ))}
              </Table.Body>
            </Table>
          </>
        ))}
    </Card>
  );
}
