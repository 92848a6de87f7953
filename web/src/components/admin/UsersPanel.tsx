// The accounts: username, roles in Swedish, units, active, may read protected addresses, last login;
// add one, change one, set a new password. The filter "inactive accounts to remove" (?inaktiva=DAYS in
// the URL) lists only the active accounts nobody has logged in to for that many days, or ever.
import { Alert, BodyShort, Button, HStack, Heading, Loader, Table, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiProblem } from "../../api/client";
import { useUsers, type Account } from "../../api/queries";
import { localDateTime } from "../../format";
import { useT } from "../../i18n";
import { FormProblems, ProblemAlert, fieldError } from "../Problems";
import { AddUserDialog } from "./AddUserDialog";
import { EditUserDialog } from "./EditUserDialog";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

export function UsersPanel() {
  const t = useT();
  const a = t.admin;
  const [params, setParams] = useSearchParams();
  const inactiveDays = Number(params.get("inaktiva")) > 0 ? Number(params.get("inaktiva")) : null;
  const users = useUsers(inactiveDays);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const filter = (days: number | null) => {
    const next = new URLSearchParams(params);
    if (days) next.set("inaktiva", String(days));
    else next.delete("inaktiva");
    setParams(next);
  };

  return (
    <VStack gap="5">
      <HStack justify="space-between" align="center">
        <Heading level="2" size="medium">
          {a.usersHeading}
        </Heading>
        <Button type="button" onClick={() => setAdding(true)}>
          {a.addUser}
        </Button>
      </HStack>
      <InactiveFilter days={inactiveDays} onFilter={filter} />
      <div aria-live="polite">{message && <Alert variant="success" size="small">{message}</Alert>}</div>
      {users.isPending && <Loader title={t.loading} />}
      {users.isError && <ProblemAlert error={users.error} />}
      {users.data && inactiveDays && <BodyShort>{a.inactiveShown(inactiveDays, users.data.length)}</BodyShort>}
      {users.data && users.data.length > 0 && (
        <Table size="small" aria-label={a.usersHeading}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{a.colUsername}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colRoles}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colUnits}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colActive}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colProtected}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colLastLogin}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{a.colActions}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {users.data.map((u) => (
              <Table.Row key={u.id}>
                <Table.HeaderCell scope="row">{u.username}</Table.HeaderCell>
                <Table.DataCell>{(u.roles ?? []).map((r) => t.roles[r] ?? r).join(", ")}</Table.DataCell>
                <Table.DataCell>{u.units && u.units.length > 0 ? u.units.join(", ") : a.noUnits}</Table.DataCell>
                <Table.DataCell>{u.active ? a.active : a.inactive}</Table.DataCell>
                <Table.DataCell>{u.reads_protected_address ? a.yes : a.no}</Table.DataCell>
                <Table.DataCell>{u.last_login_at ? localDateTime(u.last_login_at) : a.neverLoggedIn}</Table.DataCell>
                <Table.DataCell>
                  <HStack gap="2" wrap={false}>
                    <Button type="button" size="xsmall" variant="secondary" aria-label={a.editUser(u.username ?? "")} onClick={() => setEditing(u)}>
                      {a.change}
                    </Button>
                    <Button type="button" size="xsmall" variant="tertiary" aria-label={a.resetPassword(u.username ?? "")} onClick={() => setResetting(u)}>
                      {a.newPassword}
                    </Button>
                  </HStack>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {adding && (
        <AddUserDialog
          onClose={(added) => {
            setAdding(false);
            if (added) setMessage(a.added(added.username ?? ""));
          }}
        />
      )}
      {editing && (
        <EditUserDialog
          account={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setMessage(a.saved(saved.username ?? ""));
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          account={resetting}
          onClose={(done) => {
            setResetting(null);
            if (done) setMessage(a.passwordSet(resetting.username ?? ""));
          }}
        />
      )}
    </VStack>
  );
}

const daysId = "inactive-days";

/** The number of days an account has gone unused to be listed for removal; empty shows every account. */
function InactiveFilter({ days, onFilter }: { days: number | null; onFilter: (days: number | null) => void }) {
  const a = useT().admin;
  const [text, setText] = useState(days ? String(days) : "90");
  const [problem, setProblem] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
      setProblem(new ApiProblem(0, { errors: [{ field: "inactive_days", detail: a.inactiveDaysInvalid }] }));
      return;
    }
    setProblem(null);
    onFilter(Number(text));
  };
  return (
    <form onSubmit={submit} noValidate aria-label={a.inactiveFilter}>
      <VStack gap="2">
        <div>
          <Heading level="3" size="xsmall">
            {a.inactiveFilter}
          </Heading>
          <BodyShort className="subtle">{a.inactiveFilterHint}</BodyShort>
        </div>
        <FormProblems problem={problem} fieldIds={{ inactive_days: daysId }} />
        <HStack gap="2" align="end">
          <TextField
            id={daysId}
            label={a.inactiveDays}
            inputMode="numeric"
            htmlSize={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={fieldError(problem, "inactive_days")}
          />
          <Button type="submit" variant="secondary">
            {a.show}
          </Button>
          {days && (
            <Button type="button" variant="tertiary" onClick={() => onFilter(null)}>
              {a.showAll}
            </Button>
          )}
        </HStack>
      </VStack>
    </form>
  );
}
