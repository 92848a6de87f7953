// /personer/:id/historik: every event of the person's case, oldest first, with who and when; records
// later voided or corrected are marked (HistoryTable). Bookmarkable; Back leads to the person.
import { BodyShort, Link, Loader, VStack } from "@navikt/ds-react";
import { Link as RouterLink, useParams } from "react-router-dom";
import { isOutsideCaseload, useHistory, usePerson } from "../../api/queries";
import { useT } from "../../i18n";
import { NotFoundPage } from "../../pages/NotFoundPage";
import { OutsideCaseload } from "../BreakGlass";
import { PageHeading } from "../PageHeading";
import { useBackState } from "../PersonBackLink";
import { ProblemAlert } from "../Problems";
import { HistoryTable } from "./HistoryTable";

export function HistoryPage() {
  const { id } = useParams();
  if (!id || !/^[1-9][0-9]{0,15}$/.test(id)) return <NotFoundPage />;
  return <History id={Number(id)} />;
}

function History({ id }: { id: number }) {
  const t = useT();
  const person = usePerson(id);
  const history = useHistory(id);
  const backState = useBackState();
  const name = person.data ? `${person.data.first_name} ${person.data.last_name}` : "";
  const error = person.error ?? history.error;
  return (
    <VStack gap="4">
      <div>
        <Link as={RouterLink} to={`/personer/${id}`} state={backState}>
          {t.backToPerson}
        </Link>
      </div>
      <PageHeading>{name ? t.historyTitle(name) : t.historyLink}</PageHeading>
      {error && (isOutsideCaseload(error) ? <OutsideCaseload personId={id} /> : <ProblemAlert error={error} />)}
      {history.isPending && !error && <Loader title={t.loading} />}
      {history.data && (
        <section aria-labelledby="history-intro">
          <BodyShort id="history-intro" spacing>
            {t.historyIntro} {t.historyCount(history.data.length)}.
          </BodyShort>
          <div className="table-scroll">
            <HistoryTable events={history.data} labelledBy="history-intro" />
          </div>
        </section>
      )}
    </VStack>
  );
}
