// Voiding a record made by mistake (a contact attempt, an occupation, a measure, a plan, a goal
// assessment): the reason, sent with the version the list showed in If-Match. The record leaves the
// lists but stays in the history (with the reason); a 409 says someone else changed it and the lists
// are read anew. One dialog for every kind of record: give it the kind, the person, the record, its
// version and a label that names it for the user ("2025-03-03 10:15 Telefon"), and for a record whose
// void changes more (a plan) what else it means.
import { Alert, BodyShort } from "@navikt/ds-react";
import { useState, type ReactNode } from "react";
import { useVoidRecord, type RecordKind } from "../api/queries";
import { useT } from "../i18n";
import { FormDialog, ReasonField, useFormDialog } from "./FormDialog";

const reasonId = "void-record-reason";

export function VoidRecordDialog({
  kind,
  personId,
  recordId,
  version,
  label,
  details,
  onClose,
}: {
  kind: RecordKind;
  personId: number;
  recordId: number;
  version: number;
  label: string;
  /** What else voiding this record means, below the text that says what a void is. */
  details?: ReactNode;
  /** Called once the dialog has closed: voided or not. */
  onClose: (voided: boolean) => void;
}) {
  const t = useT();
  const texts = t.records[kind];
  const dialog = useFormDialog<boolean>(onClose, false);
  const voidRecord = useVoidRecord(personId, kind);
  const [reason, setReason] = useState("");
  const [stale, setStale] = useState(false);

  const submit = () => {
    setStale(false);
    if (!dialog.check(reason.trim() ? [] : [{ field: "reason", detail: texts.required }])) return;
    voidRecord.mutate(
      { record: recordId, version, reason: reason.trim() },
      { onSuccess: () => dialog.done(true), onError: dialog.failed(() => setStale(true)) },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      id="void-record"
      heading={texts.heading}
      submitLabel={t.voidSubmit}
      danger
      pending={voidRecord.isPending}
      intro={
        <>
          <BodyShort weight="semibold">{label}</BodyShort>
          <BodyShort>{texts.text}</BodyShort>
          {details}
          {stale && (
            <Alert variant="warning" role="alert">
              {texts.stale}
            </Alert>
          )}
        </>
      }
      fieldIds={{ reason: reasonId }}
      onSubmit={submit}
    >
      <ReasonField
        id={reasonId}
        label={t.voidReason}
        hint={t.voidReasonHint}
        value={reason}
        onChange={setReason}
        problem={dialog.problem}
        minRows={2}
      />
    </FormDialog>
  );
}
