// Identification from register extracts (an administrator, permission run_identification): the upload
// with its dry run and confirmation (IdentificationForm) and the past runs with their files' checksums.
import { BodyShort, VStack } from "@navikt/ds-react";
import { IdentificationForm } from "../components/identification/IdentificationForm";
import { PastRuns } from "../components/identification/PastRuns";
import { PageHeading } from "../components/PageHeading";
import { useT } from "../i18n";

export function IdentificationPage() {
  const t = useT().identification;
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <BodyShort spacing className="intro">
        {t.intro}
      </BodyShort>
      <VStack gap="10">
        <IdentificationForm />
        <PastRuns />
      </VStack>
    </>
  );
}
