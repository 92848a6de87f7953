// The registrations' history on the person's page: each registration, end, reopening (with its reason),
// confirmation by the registers and change of responsibility, in plain words, oldest first.
import { Loader } from "@navikt/ds-react";
import { useHistory } from "../../api/queries";
import { useT } from "../../i18n";
import { Card } from "../Card";
import { ProblemAlert } from "../Problems";
import { HistoryTable } from "./HistoryTable";

export function RegistrationHistory({ personId }: { personId: number }) {
  const t = useT();
  const history = useHistory(personId);
  return (
    <Card id="registration-history" title={t.registrationHistoryHeading}>
      {history.isPending && <Loader title={t.loading} />}
      {history.isError && <ProblemAlert error={history.error} />}
      {history.data && (
        <HistoryTable events={history.data.filter((e) => e.type.startsWith("registration."))} labelledBy="registration-history" />
      )}
    </Card>
  );
}
