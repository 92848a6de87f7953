// The registrations' history on the person's page: each registration, end, reopening (with its reason),
// confirmation by the registers and change of responsibility, in plain words, oldest first.
import { Box, Heading, Loader } from "@navikt/ds-react";
import { useHistory } from "../../api/queries";
import { useT } from "../../i18n";
import { ProblemAlert } from "../Problems";
import { HistoryTable } from "./HistoryTable";

export function RegistrationHistory({ personId }: { personId: number }) {
  const t = useT();
  const history = useHistory(personId);
  return (
    <Box as="section" aria-labelledby="registration-history" padding="4" borderWidth="1" borderRadius="medium" borderColor="border-subtle">
      <Heading level="2" size="small" id="registration-history" spacing>
        {t.registrationHistoryHeading}
      </Heading>
      {history.isPending && <Loader title={t.loading} />}
      {history.isError && <ProblemAlert error={history.error} />}
      {history.data && (
        <HistoryTable events={history.data.filter((e) => e.type.startsWith("registration."))} labelledBy="registration-history" />
      )}
    </Box>
  );
}
