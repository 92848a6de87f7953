// Add a user: username, password, roles, units, and the name and work phone letters are signed with. Empty fields are caught here; the server's rules
// (username characters, password length, unknown units) come back as its 422 beside each field, a
// username that is taken as its 409.
import { TextField } from "@navikt/ds-react";
import { useState } from "react";
import type { FieldError } from "../../api/client";
import { useCreateUser, type Account } from "../../api/queries";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { fieldError } from "../Problems";
import { NameAndPhone, nameAndPhoneIds } from "./NameAndPhone";
import { RolesAndUnits, rolesAndUnitsIds, type RoleName } from "./RolesAndUnits";

const ids = {
  username: "new-user-username",
  password: "new-user-password",
  ...rolesAndUnitsIds("new-user"),
  ...nameAndPhoneIds("new-user"),
};

export function AddUserDialog({ onClose }: { onClose: (added: Account | null) => void }) {
  const t = useT();
  const a = t.admin;
  const dialog = useFormDialog<Account | null>(onClose, null);
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [fullName, setFullName] = useState("");
  const [phone, setPhone] = useState("");

  const submit = () => {
    const missing: FieldError[] = [];
    if (!username.trim()) missing.push({ field: "username", detail: a.usernameRequired });
    if (!password) missing.push({ field: "password", detail: a.passwordRequired });
    if (roles.length === 0) missing.push({ field: "roles", detail: a.rolesRequired });
    if (!dialog.check(missing)) return;
    create.mutate(
      { username: username.trim(), password, roles, units, full_name: fullName.trim(), phone: phone.trim() },
      { onSuccess: dialog.done, onError: dialog.failed() },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      id="add-user"
      heading={a.addUserHeading}
      submitLabel={a.add}
      pending={create.isPending}
      fieldIds={ids}
      onSubmit={submit}
    >
      <TextField
        id={ids.username}
        label={t.username}
        description={a.usernameHint}
        autoComplete="off"
        value={username}
        maxLength={64}
        onChange={(e) => setUsername(e.target.value)}
        error={fieldError(dialog.problem, "username")}
      />
      <TextField
        id={ids.password}
        label={a.password}
        description={a.passwordHint}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(dialog.problem, "password")}
      />
      <RolesAndUnits idPrefix="new-user" roles={roles} units={units} onRoles={setRoles} onUnits={setUnits} problem={dialog.problem} />
      <NameAndPhone
        idPrefix="new-user"
        fullName={fullName}
        phone={phone}
        onFullName={setFullName}
        onPhone={setPhone}
        problem={dialog.problem}
      />
    </FormDialog>
  );
}
