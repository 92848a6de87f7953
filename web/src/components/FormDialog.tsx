// The shell every form dialog shares, so that each dialog keeps only its fields, its request and its
// texts: an Aksel Modal (a native modal <dialog>: the focus kept inside, Esc closes it) with its heading,
// the form with the error summary (Problems.tsx) and the footer that submits (busy while pending) or
// cancels. The caller gets the dialog's outcome once it has closed, and puts the focus back (on its
// button, or on its success message when that button has gone).
import { Button, Modal, Textarea, VStack } from "@navikt/ds-react";
import { useRef, useState, type ReactNode } from "react";
import { ApiProblem, type FieldError } from "../api/client";
import { isProblem } from "../api/queries";
import { useT } from "../i18n";
import { FormProblems, ProblemAlert, fieldError } from "./Problems";

/**
 * A form dialog's state: the problem shown (the form's own checks or the server's), and the outcome
 * `onClose` gets once the dialog has closed — `none` when cancelled, else what `done` was given.
 */
export function useFormDialog<R>(onClose: (outcome: R) => void, none: R) {
  const ref = useRef<HTMLDialogElement>(null);
  const outcome = useRef<R>(none);
  const [problem, setProblem] = useState<unknown>(null);
  const close = () => ref.current?.close();
  return {
    ref,
    problem,
    setProblem,
    close,
    closed: () => onClose(outcome.current),
    /** The form's own checks: shows their errors and says false, or clears the problem and says true. */
    check: (errors: FieldError[]) => {
      setProblem(errors.length > 0 ? new ApiProblem(0, { errors }) : null);
      return errors.length === 0;
    },
    /** Closes the dialog with this outcome (after a successful request). */
    done: (result: R) => {
      outcome.current = result;
      close();
    },
    /**
     * A request's onError: a 409 that carries what is saved now goes to `on409` (where the dialog has a
     * notice for it); any other problem is shown, its field errors beside their fields.
     */
    failed: (on409?: (current: object) => void) => (error: unknown) =>
      on409 && isProblem(error, 409) && error.current && typeof error.current === "object"
        ? on409(error.current)
        : setProblem(error),
  };
}

type FormDialogState<R> = ReturnType<typeof useFormDialog<R>>;

/**
 * The dialog around a form of the id `id`. With `onSubmit`, the children are the form's fields, after
 * `intro` (the dialog's text, a 409's notice) and the error summary (`fieldIds` maps the API's field
 * names to the inputs' ids); without it, the children are the form itself (ContactForm). `loadError`:
 * a code list that could not be read.
 */
export function FormDialog<R>({
  dialog,
  id,
  heading,
  submitLabel,
  pending,
  danger = false,
  width = "medium",
  loadError,
  intro,
  fieldIds = {},
  onSubmit,
  children,
}: {
  dialog: FormDialogState<R>;
  id: string;
  heading: string;
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  width?: "medium" | "small";
  loadError?: unknown;
  intro?: ReactNode;
  fieldIds?: Record<string, string>;
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal ref={dialog.ref} open onClose={dialog.closed} header={{ heading, size: "small" }} width={width} placement="top">
      <Modal.Body>
        {loadError ? <ProblemAlert error={loadError} /> : null}
        {onSubmit ? (
          <form
            id={id}
            onSubmit={(event) => {
              event.preventDefault();
              onSubmit();
            }}
            noValidate
          >
            <VStack gap="5">
              {intro}
              <FormProblems problem={dialog.problem} fieldIds={fieldIds} />
              {children}
            </VStack>
          </form>
        ) : (
          children
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={id} variant={danger ? "danger" : "primary"} loading={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={dialog.close}>
          {t.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

/** The reason for a change (the API's field `reason`): at most 500 characters, the hint under its label. */
export function ReasonField({
  id,
  label,
  hint,
  value,
  onChange,
  problem,
  minRows = 3,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  problem: unknown;
  minRows?: number;
}) {
  return (
    <Textarea
      id={id}
      label={label}
      description={hint}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={500}
      minRows={minRows}
      error={fieldError(problem, "reason")}
    />
  );
}
