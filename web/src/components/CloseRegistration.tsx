import { DialogFooter } from "./DialogFooter";
// Closing a registration by hand, and reopening one closed by mistake (docs/casework.md), from the
// person's page. The closure reasons offered are those a caseworker may choose: what only the young
// person can report, or what agrees with what Lotsen knows — moving out of the municipality and leaving
// the population register come from the population register (so they are not offered), and turning 20
// only from the 20th birthday. Each is explained in plain Swedish. Both send the registration's ETag; a
// 409 says someone else changed it and reads the person anew (the dialog then carries the new version).
import { Alert, BodyShort, Modal, Radio, RadioGroup, TextField, Textarea, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem, type FieldError } from "../api/client";
import {
  isProblem,
  useCloseRegistration,
  useCodeList,
  useReopenRegistration,
  validOn,
  type ClosedRegistration,
  type Registration,
} from "../api/queries";
import { swedishDay } from "../format";
import { useT } from "../i18n";
import { FormProblems, ProblemAlert, fieldError } from "./Problems";

const ids = { end_date: "close-end-date", end_reason: "close-end-reason", reason: "reopen-reason" };

/** Reasons that come only from the population register, never by hand. */
const fromRegister = new Set(["moved_out", "left_population_register"]);

/** The day the person turns 20 (YYYY-MM-DD). */
function twentieth(birthDate: string): string {
  return `${Number(birthDate.slice(0, 4)) + 20}${birthDate.slice(4)}`;
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
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef<ClosedRegistration | null>(null);
  const reasons = useCodeList("deregistration_reason");
  const close = useCloseRegistration(personId);
  const [endDate, setEndDate] = useState(() => swedishDay());
  const [endReason, setEndReason] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(endDate);
  const day = validDate ? endDate : swedishDay();
  const offered = validOn(reasons.data ?? [], day).filter(
    (c) => !fromRegister.has(c.code) && (c.code !== "turned_20" || day >= twentieth(birthDate)),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldError[] = [
      ...(validDate ? [] : [{ field: "end_date", detail: t.endDateRequired }]),
      ...(offered.some((c) => c.code === endReason) ? [] : [{ field: "end_reason", detail: t.endReasonRequired }]),
    ];
    setStale(false);
    if (errors.length > 0) {
      setProblem(new ApiProblem(0, { errors }));
      return;
    }
    setProblem(null);
    close.mutate(
      { registration, body: { end_date: endDate, end_reason: endReason } },
      {
        onSuccess: (closed) => {
          done.current = closed;
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
      header={{ heading: t.closeRegistrationHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        {reasons.isError && <ProblemAlert error={reasons.error} />}
        <form id="close-registration" onSubmit={submit} noValidate>
          <VStack gap="5">
            <BodyShort>{t.closeRegistrationText}</BodyShort>
            {stale && (
              <Alert variant="warning" role="alert">
                {t.staleRegistration}
              </Alert>
            )}
            <FormProblems problem={problem} fieldIds={ids} />
            <TextField
              id={ids.end_date}
              label={t.endDate}
              description={t.endDateHint}
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              htmlSize={12}
              error={fieldError(problem, "end_date")}
            />
            <RadioGroup
              id={ids.end_reason}
              legend={t.endReason}
              description={t.endReasonNotHere}
              value={endReason}
              onChange={(value: string) => setEndReason(value)}
              error={fieldError(problem, "end_reason")}
            >
              {offered.map((c) => (
                <Radio key={c.code} value={c.code} description={t.endReasonHelp[c.code]}>
                  {c.label}
                </Radio>
              ))}
            </RadioGroup>
          </VStack>
        </form>
      </Modal.Body>
      <DialogFooter
        formId="close-registration"
        submitLabel={t.closeSubmit}
        pending={close.isPending}
        onCancel={() => dialog.current?.close()}
      />
    </Modal>
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
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef<ClosedRegistration | null>(null);
  const reopen = useReopenRegistration(personId);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStale(false);
    if (!reason.trim()) {
      setProblem(new ApiProblem(0, { errors: [{ field: "reason", detail: t.reopenReasonRequired }] }));
      return;
    }
    setProblem(null);
    reopen.mutate(
      { registration, reason: reason.trim() },
      {
        onSuccess: (open) => {
          done.current = open;
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
      header={{ heading: t.reopenHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        <form id="reopen-registration" onSubmit={submit} noValidate>
          <VStack gap="5">
            <BodyShort>{t.reopenText}</BodyShort>
            {stale && (
              <Alert variant="warning" role="alert">
                {t.staleRegistration}
              </Alert>
            )}
            <FormProblems problem={problem} fieldIds={{ reason: ids.reason }} />
            <Textarea
              id={ids.reason}
              label={t.reopenReason}
              description={t.reopenReasonHint}
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
        formId="reopen-registration"
        submitLabel={t.reopenSubmit}
        pending={reopen.isPending}
        onCancel={() => dialog.current?.close()}
      />
    </Modal>
  );
}
