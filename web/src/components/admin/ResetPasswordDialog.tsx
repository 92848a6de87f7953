// Set a new password for a user who lost theirs; the server's rule (at least 12 characters) comes back
// as its 422 beside the field. Every session of the user ends.
import { TextField } from "@navikt/ds-react";
import { useState } from "react";
import { useResetPassword, type Account } from "../../api/queries";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { fieldError } from "../Problems";

const passwordId = "reset-password";

export function ResetPasswordDialog({ account, onClose }: { account: Account; onClose: (done: boolean) => void }) {
  const t = useT();
  const a = t.admin;
  const dialog = useFormDialog<boolean>(onClose, false);
  const reset = useResetPassword();
  const [password, setPassword] = useState("");

  const submit = () => {
    if (!dialog.check(password ? [] : [{ field: "password", detail: a.passwordRequired }])) return;
    reset.mutate({ id: account.id!, password }, { onSuccess: () => dialog.done(true), onError: dialog.failed() });
  };

  return (
    <FormDialog
      dialog={dialog}
      id="reset-password-form"
      heading={a.resetPassword(account.username ?? "")}
      submitLabel={a.setPassword}
      pending={reset.isPending}
      width="small"
      fieldIds={{ password: passwordId }}
      onSubmit={submit}
    >
      <TextField
        id={passwordId}
        label={a.newPassword}
        description={a.resetPasswordHint}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(dialog.problem, "password")}
      />
    </FormDialog>
  );
}
