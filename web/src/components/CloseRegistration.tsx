// Closing a registration by hand, reopening one closed by mistake (docs/casework.md), and correcting a
// registration reason the registers contradict (docs/reports.md), from the person's page. The closure reasons offered are those a caseworker may choose: what only the young
// person can report, or what agrees with what Lotsen knows — moving out of the municipality and leaving
// the population register come from the population register (so they are not offered), and turning 20
// only from the 20th birthday. Each is explained in plain Swedish. Both send the registration's ETag; a
// 409 says someone else changed it and reads the person anew (the dialog then carries the new version).
import { Alert, BodyShort, Radio, RadioGroup, TextField } from "@navikt/ds-react";
import { useState } from "react";
import type { FieldError } from "../api/client";
import {
  useCloseRegistration,
  useCodeList,
  useCorrectRegistrationReason,
  useReopenRegistration,
  validOn,
  type ClosedRegistration,
  type Registration,
} from "../api/queries";
import { swedishDay } from "../format";
import { useT } from "../i18n";
import { FormDialog, ReasonField, useFormDialog } from "./FormDialog";
import { fieldError } from "./Problems";

const ids = {
  end_date: "close-end-date",
  end_reason: "close-end-reason",
  reason: "reopen-reason",
  registration_reason: "correct-reason",
};

/** Reasons that come only from the population register, never by hand. */
const fromRegister = new Set(["moved_out", "left_population_register"]);

/** The day the person turns 20 (YYYY-MM-DD). */
function twentieth(birthDate: string): string {
  return `${Number(birthDate.slice(0, 4)) + 20}${birthDate.slice(4)}`;
}

/** The notice of a 409: someone else changed the registration (the person is read anew). */
function StaleAlert() {
  const t = useT();
  return (
    <Alert variant="warning" role="alert">
      {t.staleRegistration}
    </Alert>
  );
}

export function CloseRegistrationDialog({
  personId,
  birthDate,
  registration,
  onClose,
}: {
  personId: number;
  birthDate: string;
  registration: Registration;
  onClose: (closed: ClosedRegistration | null) => void;
}) {
  const t = useT();
  const dialog = useFormDialog<ClosedRegistration | null>(onClose, null);
  const reasons = useCodeList("deregistration_reason");
  const close = useCloseRegistration(personId);
  const [endDate, setEndDate] = useState(() => swedishDay());
  const [endReason, setEndReason] = useState("");
  const [stale, setStale] = useState(false);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(endDate);
  const day = validDate ? endDate : swedishDay();
  const offered = validOn(reasons.data ?? [], day).filter(
    (c) => !fromRegister.has(c.code) && (c.code !== "turned_20" || day >= twentieth(birthDate)),
  );

  const submit = () => {
    setStale(false);
    const errors: FieldError[] = [
      ...(validDate ? [] : [{ field: "end_date", detail: t.endDateRequired }]),
      ...(offered.some((c) => c.code === endReason) ? [] : [{ field: "end_reason", detail: t.endReasonRequired }]),
    ];
    if (!dialog.check(errors)) return;
    close.mutate(
      { registration, body: { end_date: endDate, end_reason: endReason } },
      { onSuccess: dialog.done, onError: dialog.failed(() => setStale(true)) },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      id="close-registration"
      heading={t.closeRegistrationHeading}
      submitLabel={t.closeSubmit}
      pending={close.isPending}
      loadError={reasons.error}
      intro={
        <>
          <BodyShort>{t.closeRegistrationText}</BodyShort>
          {stale && <StaleAlert />}
        </>
      }
      fieldIds={ids}
      onSubmit={submit}
    >
      <TextField
        id={ids.end_date}
        label={t.endDate}
        description={t.endDateHint}
        value={endDate}
        onChange={(e) => setEndDate(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        htmlSize={12}
        error={fieldError(dialog.problem, "end_date")}
      />
      <RadioGroup
        id={ids.end_reason}
        legend={t.endReason}
        description={t.endReasonNotHere}
        value={endReason}
        onChange={(value: string) => setEndReason(value)}
        error={fieldError(dialog.problem, "end_reason")}
      >
        {offered.map((c) => (
          <Radio key={c.code} value={c.code} description={t.endReasonHelp[c.code]}>
            {c.label}
          </Radio>
        ))}
      </RadioGroup>
    </FormDialog>
  );
}

export function ReopenRegistrationDialog({
  personId,
  registration,
  onClose,
}: {
  personId: number;
  registration: Registration;
  onClose: (reopened: ClosedRegistration | null) => void;
}) {
  const t = useT();
  const dialog = useFormDialog<ClosedRegistration | null>(onClose, null);
  const reopen = useReopenRegistration(personId);
  const [reason, setReason] = useState("");
  const [stale, setStale] = useState(false);

  const submit = () => {
    setStale(false);
    if (!dialog.check(reason.trim() ? [] : [{ field: "reason", detail: t.reopenReasonRequired }])) return;
    reopen.mutate(
      { registration, reason: reason.trim() },
      { onSuccess: dialog.done, onError: dialog.failed(() => setStale(true)) },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      id="reopen-registration"
      heading={t.reopenHeading}
      submitLabel={t.reopenSubmit}
      pending={reopen.isPending}
      intro={
        <>
          <BodyShort>{t.reopenText}</BodyShort>
          {stale && <StaleAlert />}
        </>
      }
      fieldIds={{ reason: ids.reason }}
      onSubmit={submit}
    >
      <ReasonField
        id={ids.reason}
        label={t.reopenReason}
        hint={t.reopenReasonHint}
        value={reason}
        onChange={setReason}
        problem={dialog.problem}
      />
    </FormDialog>
  );
}

export function CorrectReasonDialog({
  personId,
  registration,
  onClose,
}: {
  personId: number;
  registration: Registration;
  onClose: (corrected: Registration | null) => void;
}) {
  const t = useT();
  const dialog = useFormDialog<Registration | null>(onClose, null);
  const reasons = useCodeList("registration_reason");
  const correct = useCorrectRegistrationReason(personId);
  const [reason, setReason] = useState(registration.registers_reason ?? registration.reason ?? "");
  const [stale, setStale] = useState(false);
  const offered = validOn(reasons.data ?? [], registration.start_date!);

  const submit = () => {
    setStale(false);
    if (!dialog.check(offered.some((c) => c.code === reason) ? [] : [{ field: "reason", detail: t.correctReasonRequired }]))
      return;
    correct.mutate({ registration, reason }, { onSuccess: dialog.done, onError: dialog.failed(() => setStale(true)) });
  };

  return (
    <FormDialog
      dialog={dialog}
      id="correct-reason"
      heading={t.correctReasonHeading}
      submitLabel={t.correctReasonSubmit}
      pending={correct.isPending}
      loadError={reasons.error}
      intro={
        <>
          <BodyShort>
            {t.correctReasonText(
              registration.reason_label ?? registration.reason ?? "",
              registration.registers_reason_label ?? registration.registers_reason ?? "",
            )}
          </BodyShort>
          {stale && <StaleAlert />}
        </>
      }
      fieldIds={{ reason: ids.registration_reason }}
      onSubmit={submit}
    >
      <RadioGroup
        id={ids.registration_reason}
        legend={t.correctReasonLegend}
        value={reason}
        onChange={(value: string) => setReason(value)}
        error={fieldError(dialog.problem, "reason")}
      >
        {offered.map((c) => (
          <Radio key={c.code} value={c.code} description={c.code === registration.registers_reason ? t.registersGive : undefined}>
            {c.label}
          </Radio>
        ))}
      </RadioGroup>
    </FormDialog>
  );
}
