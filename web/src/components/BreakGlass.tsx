// Break the glass: the person's page when the case lies outside the user's caseload (a 403 that points
// to access-grants). An explanation and a button that opens a dialog asking for the reason, which goes
// into every access-log entry made under the grant. The server wants at least ten letters or digits
// (a 422 in the chosen language, shown beside the field); its 201 says until when the grant lasts
// (break_glass_hours, by default 8), which the person's page then shows.
import { Alert, BodyShort, Button, Heading, VStack } from "@navikt/ds-react";
import { useRef, useState } from "react";
import { useGrantAccess, useSession, type AccessGrant } from "../api/queries";
import { localDateTime } from "../format";
import { useT } from "../i18n";
import { canReadCases } from "../roles";
import { FormDialog, ReasonField, useFormDialog } from "./FormDialog";

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
  const dialog = useFormDialog<AccessGrant | null>(onClose, null);
  const grant = useGrantAccess(personId);
  const [reason, setReason] = useState("");

  const submit = () => {
    // The server checks the rule (at least ten letters or digits) and says what is wrong in its 422.
    if (!dialog.check(reason.trim() ? [] : [{ field: "reason", detail: t.breakGlassReasonRequired }])) return;
    grant.mutate(reason.trim(), { onSuccess: dialog.done, onError: dialog.failed() });
  };

  return (
    <FormDialog
      dialog={dialog}
      id="break-glass"
      heading={t.breakGlassHeading}
      submitLabel={t.breakGlassSubmit}
      pending={grant.isPending}
      intro={<BodyShort>{t.outsideText}</BodyShort>}
      fieldIds={{ reason: reasonId }}
      onSubmit={submit}
    >
      <ReasonField
        id={reasonId}
        label={t.breakGlassReason}
        hint={t.breakGlassReasonHint}
        value={reason}
        onChange={setReason}
        problem={dialog.problem}
      />
    </FormDialog>
  );
}
