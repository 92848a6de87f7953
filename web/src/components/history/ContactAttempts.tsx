// The person's contact attempts, newest first; each can be corrected (CorrectContact) or voided
// (VoidRecord) by a caseworker or unit manager. The dialogs keep the record they opened with once it
// has left the list (voided), and the success message takes the focus when the button is gone.
import { BodyShort, Button, HStack, Loader, Table } from "@navikt/ds-react";
import { useRef, useState } from "react";
import { useContactAttempts, useSession, type ContactAttempt } from "../../api/queries";
import { useT } from "../../i18n";
import { canReadCases } from "../../roles";
import { Card } from "../Card";
import { ProblemAlert } from "../Problems";
import { CorrectContactDialog } from "./CorrectContact";
import { useMessage } from "../useMessage";
import { VoidRecordDialog } from "../VoidRecord";

export function ContactAttempts({ id }: { id: number }) {
  const t = useT();
  const attempts = useContactAttempts(id);
  const session = useSession();
  const mayChange = session.data ? canReadCases(session.data) : false;
  const [dialog, setDialog] = useState<{ kind: "correct" | "void"; attempt: ContactAttempt } | null>(null);
  const { setMessage, ui: message } = useMessage();
  const trigger = useRef<HTMLButtonElement | null>(null);
  // The record as the list shows it now (read anew after a 409); once voided it has left the list, and
  // the dialog keeps the one it opened with until it has closed.
  const record = dialog ? (attempts.data?.find((a) => a.id === dialog.attempt.id) ?? dialog.attempt) : null;
  const when = (a: ContactAttempt) => [a.data.date, a.data.time].filter(Boolean).join(" ");
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  const open = (kind: "correct" | "void", attempt: ContactAttempt) => (e: React.MouseEvent<HTMLButtonElement>) => {
    trigger.current = e.currentTarget;
    setMessage(null);
    setDialog({ kind, attempt });
  };
  return (
    <Card id="contacts" title={t.contactsHeading}>
      {message}
      {dialog?.kind === "void" && record && (
        <VoidRecordDialog
          kind="contact_attempt"
          personId={id}
          recordId={record.id}
          version={record.version}
          label={[when(record), record.labels.channel ?? record.data.channel].join(" ")}
          onClose={(voided) => closed(voided ? t.records.contact_attempt.voided(record.data.date) : null)}
        />
      )}
      {dialog?.kind === "correct" && record && (
        <CorrectContactDialog
          personId={id}
          attempt={record}
          onClose={(corrected) => closed(corrected ? t.contactCorrected(record.data.date) : null)}
        />
      )}
      {attempts.isPending && <Loader title={t.loading} />}
      {attempts.isError && <ProblemAlert error={attempts.error} />}
      {attempts.data &&
        (attempts.data.length === 0 ? (
          <BodyShort>{t.noContacts}</BodyShort>
        ) : (
          <>
            <BodyShort size="small" spacing>
              {t.contactsNewestFirst}
            </BodyShort>
            <Table size="small" aria-labelledby="contacts">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t.colDate}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colTime}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colChannel}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colReached}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colOccupation}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colNote}</Table.HeaderCell>
                  {mayChange && <Table.HeaderCell scope="col">{t.colChange}</Table.HeaderCell>}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...attempts.data].reverse().map((a) => (
                  <Table.Row key={a.id}>
                    <Table.DataCell>{a.data.date}</Table.DataCell>
                    <Table.DataCell>{a.data.time ?? ""}</Table.DataCell>
                    <Table.DataCell>{a.labels.channel ?? a.data.channel}</Table.DataCell>
                    <Table.DataCell>
                      {a.data.reached ? t.yes : t.no}
                      {a.data.declined ? ` (${t.declined})` : ""}
                    </Table.DataCell>
                    <Table.DataCell>
                      {a.data.occupation ? (a.labels.occupation ?? a.data.occupation) : ""}
                      {a.data.occupation_detail ? ` (${a.labels.occupation_detail ?? a.data.occupation_detail})` : ""}
                    </Table.DataCell>
                    <Table.DataCell>{a.data.note ?? ""}</Table.DataCell>
                    {mayChange && (
                      <Table.DataCell>
                        <HStack gap="1" wrap={false}>
                          <Button type="button" size="xsmall" variant="tertiary" aria-label={t.correctContact(when(a))} onClick={open("correct", a)}>
                            {t.correct}
                          </Button>
                          <Button type="button" size="xsmall" variant="tertiary" aria-label={t.voidContactLabel(when(a))} onClick={open("void", a)}>
                            {t.voidContact}
                          </Button>
                        </HStack>
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
