// Voiding a record made by mistake (a contact attempt, an occupation, a measure, a plan, a goal
// assessment): the reason, sent with the version the list showed in If-Match. The record leaves the
// lists but stays in the history (with the reason); a 409 says someone else changed it and the lists
// are read anew. One dialog for every kind of record: give it the kind, the person, the record, its
// version and a label that names it for the user ("2025-03-03 10:15 Telefon"), and for a record whose
// void changes more (a plan) what else it means.
import { Alert, BodyShort, Button, Modal, Textarea, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiProblem } from "../api/client";
import { isProblem, useVoidRecord, type RecordKind } from "../api/queries";
import { useT } from "../i18n";
import { FormProblems, fieldError } from "./Problems";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef(false);
  const voidRecord = useVoidRecord(personId, kind);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStale(false);
    if (!reason.trim()) {
      setProblem(new ApiProblem(0, { errors: [{ field: "reason", detail: texts.required }] }));
      return;
    }
    setProblem(null);
    voidRecord.mutate(
      { record: recordId, version, reason: reason.trim() },
      {
        onSuccess: () => {
          done.current = true;
          dialog.current?.close();
        },
        onError: (error) => (isProblem(error, 409) && error.current ? setStale(true) : setProblem(error)),
      },
    );
  };

  return (
    <Modal
      ref={dialog}
      open
      onClose={() => onClose(done.current)}
      header={{ heading: texts.heading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        <form id="void-record" onSubmit={submit} noValidate>
          <VStack gap="5">
            <BodyShort weight="semibold">{label}</BodyShort>
            <BodyShort>{texts.text}</BodyShort>
            {details}
            {stale && (
              <Alert variant="warning" role="alert">
                {texts.stale}
              </Alert>
            )}
            <FormProblems problem={problem} fieldIds={{ reason: reasonId }} />
            <Textarea
              id={reasonId}
              label={t.voidReason}
              description={t.voidReasonHint}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              minRows={2}
              error={fieldError(problem, "reason")}
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="void-record" variant="danger" loading={voidRecord.isPending}>
          {t.voidSubmit}
        </Button>
        <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
          {t.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
