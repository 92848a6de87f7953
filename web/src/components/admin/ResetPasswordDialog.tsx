// Set a new password for a user who lost theirs; the server's rule (at least 12 characters) comes back
// as its 422 beside the field. Every session of the user ends.
import { Modal, TextField, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/client";
import { useResetPassword, type Account } from "../../api/queries";
import { useT } from "../../i18n";
import { DialogFooter } from "../DialogFooter";
import { FormProblems, fieldError } from "../Problems";

const passwordId = "reset-password";

export function ResetPasswordDialog({ account, onClose }: { account: Account; onClose: (done: boolean) => void }) {
  const t = useT();
  const a = t.admin;
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef(false);
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setProblem(new ApiProblem(0, { errors: [{ field: "password", detail: a.passwordRequired }] }));
      return;
    }
    setProblem(null);
    reset.mutate(
      { id: account.id!, password },
      {
        onSuccess: () => {
          done.current = true;
          dialog.current?.close();
        },
        onError: setProblem,
      },
    );
  };

  return (
    <Modal
      ref={dialog}
      open
      onClose={() => onClose(done.current)}
      header={{ heading: a.resetPassword(account.username ?? ""), size: "small" }}
      width="small"
      placement="top"
    >
      <Modal.Body>
        <form id="reset-password-form" onSubmit={submit} noValidate>
          <VStack gap="5">
            <FormProblems problem={problem} fieldIds={{ password: passwordId }} />
            <TextField
              id={passwordId}
              label={a.newPassword}
              description={a.resetPasswordHint}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError(problem, "password")}
            />
          </VStack>
        </form>
      </Modal.Body>
      <DialogFooter
        formId="reset-password-form"
        submitLabel={a.setPassword}
        pending={reset.isPending}
        onCancel={() => dialog.current?.close()}
      />
    </Modal>
  );
}
