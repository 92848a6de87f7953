import { DialogFooter } from "./DialogFooter";
// Break the glass: the person's page when the case lies outside the user's caseload (a 403 that points
// to access-grants). An explanation and a button that opens a dialog asking for the reason, which goes
// into every access-log entry made under the grant. The server wants at least ten letters or digits
// (a 422 in the chosen language, shown beside the field); its 201 says until when the grant lasts
// (break_glass_hours, by default 8), which the person's page then shows.
import { Alert, BodyShort, Button, Heading, Modal, Textarea, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../api/client";
import { useGrantAccess, useSession, type AccessGrant } from "../api/queries";
import { localDateTime } from "../format";
import { useT } from "../i18n";
import { canReadCases } from "../roles";
import { FormProblems, fieldError } from "./Problems";

const reasonId = "break-glass-reason";

/** How long a grant lasts, in whole hours, and until when (Swedish time). */
export function grantText(grant: AccessGrant, t: ReturnType<typeof useT>): string {
  const hours = Math.round((Date.parse(grant.expires_at) - Date.parse(grant.granted_at)) / 3_600_000);
  return t.grantLasts(hours, localDateTime(grant.expires_at));
}

export function OutsideCaseload({ personId }: { personId: number }) {
  const t = useT();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const readOnly = session.data ? !canReadCases(session.data) : false;
  return (
    <>
    <Alert variant="warning">
      <Heading level="2" size="small" spacing>
        {t.outsideHeading}
      </Heading>
      <VStack gap="3" align="start">
        <BodyShort>{t.outsideText}</BodyShort>
        {readOnly && <BodyShort>{t.outsideReadOnly}</BodyShort>}
        <Button type="button" variant="secondary" ref={button} onClick={() => setOpen(true)}>
          {t.breakGlass}
        </Button>
      </VStack>
    </Alert>
      {open && (
        <BreakGlassDialog
          personId={personId}
          onClose={(grant) => {
            // After a grant the person's page replaces this one (and puts the focus on how long it lasts).
            setOpen(false);
            if (!grant) button.current?.focus();
          }}
        />
      )}
    </>
  );
}

export function BreakGlassDialog({ personId, onClose }: { personId: number; onClose: (grant: AccessGrant | null) => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const granted = useRef<AccessGrant | null>(null);
  const grant = useGrantAccess(personId);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The server checks the rule (at least ten letters or digits) and says what is wrong in its 422.
    if (!reason.trim()) {
      setProblem(new ApiProblem(0, { errors: [{ field: "reason", detail: t.breakGlassReasonRequired }] }));
      return;
    }
    setProblem(null);
    grant.mutate(reason.trim(), {
      onSuccess: (answer) => {
        granted.current = answer;
        dialog.current?.close();
      },
      onError: (error) => setProblem(error),
    });
  };

  return (
    <Modal
      ref={dialog}
      open
      onClose={() => onClose(granted.current)}
      header={{ heading: t.breakGlassHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        <form id="break-glass" onSubmit={submit} noValidate>
          <VStack gap="5">
            <BodyShort>{t.outsideText}</BodyShort>
            <FormProblems problem={problem} fieldIds={{ reason: reasonId }} />
            <Textarea
              id={reasonId}
              label={t.breakGlassReason}
              description={t.breakGlassReasonHint}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              minRows={3}
              error={fieldError(problem, "reason")}
            />
          </VStack>
        </form>
      </Modal.Body>
      <DialogFooter
        formId="break-glass"
        submitLabel={t.breakGlassSubmit}
        pending={grant.isPending}
        onCancel={() => dialog.current?.close()}
      />
    </Modal>
  );
}
