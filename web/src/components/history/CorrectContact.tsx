// Correcting a contact attempt: the contact's form with its data, sent with the version the list showed
// in If-Match. The occupation learnt at the contact follows (the server corrects or voids it). A 409
// shows what is saved now beside what was sent, and the saved version can be taken into the form.
import { BodyShort } from "@navikt/ds-react";
import { useState } from "react";
import { useCorrectContact, type ContactAttempt, type NewContactAttempt } from "../../api/queries";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { ContactForm } from "../LogContact";
import { useLabels } from "../labels";
import { RecordConflict, type ConflictRow } from "../Conflict";

export function CorrectContactDialog({
  personId,
  attempt,
  onClose,
}: {
  personId: number;
  attempt: ContactAttempt;
  onClose: (corrected: boolean) => void;
}) {
  const t = useT();
  const dialog = useFormDialog<boolean>(onClose, false);
  const correct = useCorrectContact(personId);
  const channel = useLabels("contact_channel");
  const occupation = useLabels("occupation");
  // The version edited, and its data (the saved one once the user takes it after a 409).
  const [base, setBase] = useState({ version: attempt.version, data: attempt.data });
  const [conflict, setConflict] = useState<{ theirs: ContactAttempt; yours: NewContactAttempt } | null>(null);

  const submit = (data: NewContactAttempt) => {
    if (conflict) return; // take the saved version first: the alert above says so
    correct.mutate(
      { record: attempt.id, version: base.version, data },
      {
        onSuccess: () => dialog.done(true),
        onError: dialog.failed((current) => setConflict({ theirs: current as ContactAttempt, yours: data })),
      },
    );
  };

  const rows = (theirs: NewContactAttempt, yours: NewContactAttempt): ConflictRow[] => {
    const yesNo = (v: boolean | undefined) => (v ? t.yes : t.no);
    const row = (label: string, show: (d: NewContactAttempt) => string) => ({ label, theirs: show(theirs), yours: show(yours) });
    return [
      row(t.contactDate, (d) => d.date),
      row(t.contactTime, (d) => d.time ?? ""),
      row(t.contactChannel, (d) => channel(d.channel)),
      row(t.contactReached, (d) => yesNo(d.reached)),
      row(t.contactOccupation, (d) => occupation(d.occupation)),
      row(t.contactOccupationDetail, (d) => d.occupation_detail ?? ""),
      row(t.contactDeclined, (d) => yesNo(d.declined)),
      row(t.contactNote, (d) => d.note ?? ""),
    ];
  };

  return (
    <FormDialog dialog={dialog} id="correct-contact" heading={t.correctContactHeading} submitLabel={t.save} pending={correct.isPending}>
      <ContactForm
        key={base.version}
        id="correct-contact"
        initial={base.data}
        problem={dialog.problem}
        setProblem={dialog.setProblem}
        onSubmit={submit}
      >
        <BodyShort>{t.correctContactText}</BodyShort>
        {conflict && (
          <RecordConflict
            rows={rows(conflict.theirs.data, conflict.yours)}
            onTakeTheirs={() => {
              setBase({ version: conflict.theirs.version, data: conflict.theirs.data });
              setConflict(null);
            }}
          />
        )}
      </ContactForm>
    </FormDialog>
  );
}
