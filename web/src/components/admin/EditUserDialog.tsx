// Change a user's roles, units, active state, protected-address permission, name and work phone, sent with the version
// the list showed (If-Match). A change made meanwhile is a 409 with the account as it is now: theirs is
// shown beside yours, and theirs can be taken to go on from there. The last active administrator cannot
// lose that role or be deactivated: that 409 (without `current`) is said plainly, in the server's words.
import { Alert, Checkbox, Heading } from "@navikt/ds-react";
import { useState } from "react";
import { isProblem, useChangeUser, type Account } from "../../api/queries";
import { useT } from "../../i18n";
import { Conflict } from "../Conflict";
import { FormDialog, useFormDialog } from "../FormDialog";
import { NameAndPhone, nameAndPhoneIds } from "./NameAndPhone";
import { RolesAndUnits, rolesAndUnitsIds, type RoleName } from "./RolesAndUnits";

const ids = { ...rolesAndUnitsIds("edit-user"), ...nameAndPhoneIds("edit-user") };

export function EditUserDialog({ account, onClose }: { account: Account; onClose: (saved: Account | null) => void }) {
  const t = useT();
  const a = t.admin;
  const dialog = useFormDialog<Account | null>(onClose, null);
  const change = useChangeUser();
  const [base, setBase] = useState(account);
  const [roles, setRoles] = useState<RoleName[]>((account.roles ?? []) as RoleName[]);
  const [units, setUnits] = useState<string[]>(account.units ?? []);
  const [active, setActive] = useState(account.active ?? true);
  const [readsProtected, setReadsProtected] = useState(account.reads_protected_address ?? false);
  const [fullName, setFullName] = useState(account.full_name ?? "");
  const [phone, setPhone] = useState(account.phone ?? "");
  const [theirs, setTheirs] = useState<Account | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const name = account.username ?? "";

  const submit = () => {
    dialog.setProblem(null);
    setRefusal(null);
    const failed = dialog.failed((current) => setTheirs(current as Account));
    change.mutate(
      {
        account: base,
        change: { roles, units, active, reads_protected_address: readsProtected, full_name: fullName.trim(), phone: phone.trim() },
      },
      {
        onSuccess: dialog.done,
        // A 409 without the account: the last active administrator, said in the server's words.
        onError: (error) => (isProblem(error, 409) && !error.current ? setRefusal(error.detail) : failed(error)),
      },
    );
  };

  const takeTheirs = () => {
    if (!theirs) return;
    setBase(theirs);
    setRoles((theirs.roles ?? []) as RoleName[]);
    setUnits(theirs.units ?? []);
    setActive(theirs.active ?? true);
    setReadsProtected(theirs.reads_protected_address ?? false);
    setFullName(theirs.full_name ?? "");
    setPhone(theirs.phone ?? "");
    setTheirs(null);
  };

  const roleText = (list: string[] | undefined) => (list ?? []).map((r) => t.roles[r] ?? r).join(", ");
  const unitText = (list: string[] | undefined) => (list && list.length > 0 ? list.join(", ") : a.noUnits);
  const yesNo = (value: boolean | undefined) => (value ? a.yes : a.no);
  return (
    <FormDialog
      dialog={dialog}
      id="edit-user"
      heading={a.editUserHeading(name)}
      submitLabel={t.save}
      pending={change.isPending}
      intro={
        <>
          {theirs && (
            <Conflict
              text={a.userConflictText}
              rows={[
                { label: a.roles, theirs: roleText(theirs.roles), yours: roleText(roles) },
                { label: a.units, theirs: unitText(theirs.units), yours: unitText(units) },
                { label: a.colActive, theirs: yesNo(theirs.active), yours: yesNo(active) },
                { label: a.colProtected, theirs: yesNo(theirs.reads_protected_address), yours: yesNo(readsProtected) },
                { label: a.fullName, theirs: theirs.full_name ?? "", yours: fullName },
                { label: a.workPhone, theirs: theirs.phone ?? "", yours: phone },
              ]}
              onTakeTheirs={takeTheirs}
            />
          )}
          {refusal && (
            <Alert variant="error" role="alert">
              <Heading level="3" size="xsmall" spacing>
                {a.lastAdminHeading}
              </Heading>
              {refusal}
            </Alert>
          )}
        </>
      }
      fieldIds={ids}
      onSubmit={submit}
    >
      <RolesAndUnits idPrefix="edit-user" roles={roles} units={units} onRoles={setRoles} onUnits={setUnits} problem={dialog.problem} />
      <Checkbox checked={active} onChange={(e) => setActive(e.target.checked)} description={a.accountActiveHint}>
        {a.accountActive}
      </Checkbox>
      <Checkbox checked={readsProtected} onChange={(e) => setReadsProtected(e.target.checked)}>
        {a.readsProtected}
      </Checkbox>
      <NameAndPhone idPrefix="edit-user" fullName={fullName} phone={phone} onFullName={setFullName} onPhone={setPhone} problem={dialog.problem} />
    </FormDialog>
  );
}
