// The person's contact attempts, newest first; each can be corrected (CorrectContact) or voided
// (VoidRecord) by a caseworker or unit manager. The dialogs keep the record they opened with once it
// has left the list (voided), and the success message takes the focus when the button is gone.
import { BodyShort, Loader } from "@navikt/ds-react";
import { memo, useCallback, useRef, useState } from "react";
import { useContactAttempts, useSession, type ContactAttempt } from "../../api/queries";
import { useT } from "../../i18n";
import { canReadCases } from "../../roles";
import { bodyClass, dataCell, headClass, headerCell, rowClass, RowButton, tableClass } from "../bareTable";
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
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  const open = useCallback(
    (kind: "correct" | "void", attempt: ContactAttempt, button: HTMLButtonElement) => {
      trigger.current = button;
      setMessage(null);
      setDialog({ kind, attempt });
    },
    [setMessage],
  );
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
            <table className={tableClass} aria-labelledby="contacts">
              <thead className={headClass}>
                <tr className={rowClass}>
                  <th className={headerCell} scope="col">{t.colDate}</th>
                  <th className={headerCell} scope="col">{t.colTime}</th>
                  <th className={headerCell} scope="col">{t.colChannel}</th>
                  <th className={headerCell} scope="col">{t.colReached}</th>
                  <th className={headerCell} scope="col">{t.colOccupation}</th>
                  <th className={headerCell} scope="col">{t.colNote}</th>
                  {mayChange && <th className={headerCell} scope="col">{t.colChange}</th>}
                </tr>
              </thead>
              <tbody className={bodyClass}>
                {[...attempts.data].reverse().map((a) => (
                  <ContactRow key={a.id} attempt={a} onChange={mayChange ? open : undefined} />
                ))}
              </tbody>
            </table>
          </>
        ))}
    </Card>
  );
}

const when = (a: ContactAttempt) => [a.data.date, a.data.time].filter(Boolean).join(" ");

type ChangeContact = (kind: "correct" | "void", attempt: ContactAttempt, button: HTMLButtonElement) => void;

/** One contact attempt, memoised: a dialog opening or a message shown does not render every row again. */
const ContactRow = memo(function ContactRow({ attempt: a, onChange }: { attempt: ContactAttempt; onChange?: ChangeContact }) {
  const t = useT();
  return (
    <tr className={rowClass}>
      <td className={dataCell}>{a.data.date}</td>
      <td className={dataCell}>{a.data.time ?? ""}</td>
      <td className={dataCell}>{a.labels.channel ?? a.data.channel}</td>
      <td className={dataCell}>
        {a.data.reached ? t.yes : t.no}
        {a.data.declined ? ` (${t.declined})` : ""}
      </td>
      <td className={dataCell}>
        {a.data.occupation ? (a.labels.occupation ?? a.data.occupation) : ""}
        {a.data.occupation_detail ? ` (${a.labels.occupation_detail ?? a.data.occupation_detail})` : ""}
      </td>
      <td className={dataCell}>{a.data.note ?? ""}</td>
      {onChange && (
        <td className={dataCell}>
          <span className="row-actions">
            <RowButton variant="tertiary" size="xsmall" label={t.correctContact(when(a))} onClick={(e) => onChange("correct", a, e.currentTarget)}>
              {t.correct}
            </RowButton>
            <RowButton variant="tertiary" size="xsmall" label={t.voidContactLabel(when(a))} onClick={(e) => onChange("void", a, e.currentTarget)}>
              {t.voidContact}
            </RowButton>
          </span>
        </td>
      )}
    </tr>
  );
});
