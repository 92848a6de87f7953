// Add a user: username, password, roles and units. Empty fields are caught here; the server's rules
// (username characters, password length, unknown units) come back as its 422 beside each field, a
// username that is taken as its 409.
import { Modal, TextField, VStack } from "@navikt/ds-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem, type FieldError } from "../../api/client";
import { useCreateUser, type Account } from "../../api/queries";
import { useT } from "../../i18n";
import { DialogFooter } from "../DialogFooter";
import { FormProblems, fieldError } from "../Problems";
import { RolesAndUnits, rolesAndUnitsIds, type RoleName } from "./RolesAndUnits";

const ids = { username: "new-user-username", password: "new-user-password", ...rolesAndUnitsIds("new-user") };

export function AddUserDialog({ onClose }: { onClose: (added: Account | null) => void }) {
  const t = useT();
  const a = t.admin;
  const dialog = useRef<HTMLDialogElement>(null);
  const added = useRef<Account | null>(null);
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [problem, setProblem] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!username.trim()) missing.push({ field: "username", detail: a.usernameRequired });
    if (!password) missing.push({ field: "password", detail: a.passwordRequired });
    if (roles.length === 0) missing.push({ field: "roles", detail: a.rolesRequired });
    if (missing.length > 0) {
      setProblem(new ApiProblem(0, { errors: missing }));
      return;
    }
    setProblem(null);
    create.mutate(
      { username: username.trim(), password, roles, units },
      {
        onSuccess: (account) => {
          added.current = account;
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
      onClose={() => onClose(added.current)}
      header={{ heading: a.addUserHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        <form id="add-user" onSubmit={submit} noValidate>
          <VStack gap="5">
            <FormProblems problem={problem} fieldIds={ids} />
            <TextField
              id={ids.username}
              label={t.username}
              description={a.usernameHint}
              autoComplete="off"
              value={username}
              maxLength={64}
              onChange={(e) => setUsername(e.target.value)}
              error={fieldError(problem, "username")}
            />
            <TextField
              id={ids.password}
              label={a.password}
              description={a.passwordHint}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError(problem, "password")}
            />
            <RolesAndUnits idPrefix="new-user" roles={roles} units={units} onRoles={setRoles} onUnits={setUnits} problem={problem} />
          </VStack>
        </form>
      </Modal.Body>
      <DialogFooter formId="add-user" submitLabel={a.add} pending={create.isPending} onCancel={() => dialog.current?.close()} />
    </Modal>
  );
}
