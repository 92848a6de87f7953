// Statistics (a statistician for the municipality, a unit manager for their units and the intake):
// the open registrations in all, per current occupation and per unit (GET /api/v1/statistics). The API
// counts the registrations open now and takes no period. Suppressed counts are marked (CountTable).
import { Alert, BodyShort, Loader, VStack } from "@navikt/ds-react";
import { useStatistics } from "../api/queries";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { CountTable } from "../components/statistics/CountTable";
import { useT } from "../i18n";

export function StatisticsPage() {
  const t = useT().statistics;
  const stats = useStatistics();
  const data = stats.data;
  const below = data?.suppressed_below ?? 5;
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <BodyShort spacing>{t.intro}</BodyShort>
      {stats.isPending && <Loader title={t.title} />}
      {stats.isError && <ProblemAlert error={stats.error} />}
      {data && data.open_registrations == null && <Alert variant="info">{t.nothingShown(below)}</Alert>}
      {data && data.open_registrations != null && (
        <VStack gap="6" className="statistics">
          <BodyShort>{t.scope[data.scope ?? "municipality"]}</BodyShort>
          <dl className="statistics-total">
            <dt>{t.total}</dt>
            <dd className="count">{data.open_registrations}</dd>
          </dl>
          <CountTable
            caption={t.byOccupation}
            keyHeading={t.colOccupation}
            rows={(data.by_occupation ?? []).map((c) => ({ key: c.key ?? "", label: c.label ?? c.key ?? "", count: c.count ?? null }))}
          />
          <CountTable
            caption={t.byUnit}
            keyHeading={t.colUnit}
            rows={(data.by_unit ?? []).map((c) => ({ key: c.key ?? "", label: c.label ?? c.key ?? "", count: c.count ?? null }))}
          />
          <BodyShort size="small" className="suppressed-note">
            {t.suppressedNote(below)}
          </BodyShort>
        </VStack>
      )}
    </>
  );
}
