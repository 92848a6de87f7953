import { BodyShort, Link } from "@navikt/ds-react";
import { Link as RouterLink } from "react-router-dom";
import { PageHeading } from "../components/PageHeading";
import { useT } from "../i18n";

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t.notFoundTitle}</PageHeading>
      <BodyShort spacing>{t.notFoundText}</BodyShort>
      <Link as={RouterLink} to="/">
        {t.goHome}
      </Link>
    </>
  );
}
