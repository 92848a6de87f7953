// Voiding a contact attempt logged by mistake, from the person's contact list: the reason, sent with the
// version the list showed in If-Match. The record leaves the lists but stays in the history (with the
// reason); a 409 says someone else changed it and the list is read anew.
import { Alert, BodyShort, Button, Modal, Textarea, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../api/client";
import { isProblem, useVoidContact, type ContactAttempt } from "../api/queries";
import { useT } from "../i18n";
import { FormProblems, fieldError } from "./Problems";

const reasonId = "void-contact-reason";

export function VoidContactDialog({
  personId,
  attempt,
  onClose,
}: {
  personId: number;
  attempt: ContactAttempt;
  onClose: (voided: boolean) => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef(false);
  const voidContact = useVoidContact(personId);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStale(false);
    if (!reason.trim()) {
      setProblem(new ApiProblem(0, { errors: [{ field: "reason", detail: t.voidReasonRequired }] }));
      return;
    }
    setProblem(null);
    voidContact.mutate(
      { record: attempt.id, version: attempt.version, reason: reason.trim() },
      {
        onSuccess: () => {
          done.current = true;
          dialog.current?.close();
        },
        onError: (error) => (isProblem(error, 409) && error.current ? setStale(true) : setProblem(error)),
      },
    );
  };

  const what = [attempt.data.date, attempt.data.time, attempt.labels.channel ?? attempt.data.channel].filter(Boolean).join(" ");
  return (
    <Modal
      ref={dialog}
      open
      onClose={() => onClose(done.current)}
      header={{ heading: t.voidContactHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        <form id="void-contact" onSubmit={submit} noValidate>
          <VStack gap="5">
            <BodyShort weight="semibold">{what}</BodyShort>
            <BodyShort>{t.voidContactText}</BodyShort>
            {stale && (
              <Alert variant="warning" role="alert">
                {t.staleContact}
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
        <Button type="submit" form="void-contact" variant="danger" loading={voidContact.isPending}>
          {t.voidSubmit}
        </Button>
        <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
          {t.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
