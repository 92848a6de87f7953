// The case as it stood at the end of a chosen day (GET /api/v1/persons/{id}?as_of=…), at
// /personer/:id?per=YYYY-MM-DD (bookmarkable; Back works). A banner says it is a past view: read only,
// no button that changes anything, and a way back to today. A day ahead of today is refused beside the
// date field before it is asked for; in a URL, it is the server's 400, shown there without the banner.
import { Alert, BodyShort, Button, HStack, Heading, Link, Loader, Table, Tag, TextField, VStack } from "@navikt/ds-react";
import { EyeSlashIcon } from "@navikt/aksel-icons";
import { useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate } from "react-router-dom";
import { ApiProblem } from "../../api/client";
import { usePersonAsOf, type AssessmentRecord, type MeasureRecord, type OccupationRecord, type PersonAsOf } from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { Card } from "../Card";
import { PersonBackLink, useBackState } from "../PersonBackLink";
import { PageHeading } from "../PageHeading";
import { ProblemAlert, fieldError } from "../Problems";
import { useLabels } from "../labels";
import { PlanView } from "../plan/PlanView";
import { timeline } from "./OccupationTimeline";

const dayId = "as-of-day";

/** The date field that opens the past view, and the link to the full history. */
export function CaseOverTime({ personId, day = "", problem = null }: { personId: number; day?: string; problem?: unknown }) {
  const t = useT();
  const navigate = useNavigate();
  const backState = useBackState();
  const [value, setValue] = useState(day);
  const [own, setOwn] = useState<unknown>(null);
  const shown = own ?? problem;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
      setOwn(new ApiProblem(0, { errors: [{ field: "as_of", detail: t.dateRequired }] }));
      return;
    }
    if (value.trim() > swedishDay()) {
      setOwn(new ApiProblem(0, { errors: [{ field: "as_of", detail: t.asOfFuture }] }));
      return;
    }
    setOwn(null);
    navigate(`/personer/${personId}?per=${value.trim()}`, { state: backState });
  };
  return (
    <HStack gap="4" align="start" justify="space-between">
      <form onSubmit={submit} noValidate>
        <VStack gap="2" align="start">
          <TextField
            id={dayId}
            label={t.asOfLabel}
            description={t.asOfHint}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            htmlSize={12}
            error={fieldError(shown, "as_of") ?? (shown instanceof ApiProblem && shown.status === 400 ? shown.detail : undefined)}
          />
          <Button type="submit" variant="secondary" size="small">
            {t.asOfShow}
          </Button>
        </VStack>
      </form>
      <Link as={RouterLink} to={`/personer/${personId}/historik`} state={backState}>
        {t.historyLink}
      </Link>
    </HStack>
  );
}

export function PersonAsOfView({ id, day }: { id: number; day: string }) {
  const t = useT();
  const backState = useBackState();
  const asOf = usePersonAsOf(id, day);
  const refused = asOf.error instanceof ApiProblem && asOf.error.status === 400 ? asOf.error : null;
  const p = asOf.data?.person;
  return (
    <VStack gap="6">
      <div>
        <PersonBackLink />
      </div>
      <div>
        <PageHeading>{p ? `${p.first_name} ${p.last_name}` : t.personTitle}</PageHeading>
        {p?.protected && (
          <Tag variant="warning" icon={<EyeSlashIcon aria-hidden />}>
            {t.protectedIdentity}
          </Tag>
        )}
      </div>
      {/* A day the server refused (ahead of today, in a URL typed or bookmarked) is no past view. */}
      {!refused && (
        <Alert variant="warning" className="as-of-banner">
          <Heading level="2" size="small" spacing>
            {t.asOfBannerHeading(day)}
          </Heading>
          <BodyShort spacing>{t.asOfBanner}</BodyShort>
          <Link as={RouterLink} to={`/personer/${id}`} state={backState}>
            {t.backToNow}
          </Link>
        </Alert>
      )}
      <CaseOverTime key={day} personId={id} day={day} problem={refused} />
      {asOf.isPending && <Loader title={t.loading} />}
      {asOf.error && !refused && <ProblemAlert error={asOf.error} />}
      {asOf.data && <PastCase c={asOf.data} />}
    </VStack>
  );
}

function PastCase({ c }: { c: PersonAsOf }) {
  const t = useT();
  const reason = useLabels("registration_reason");
  const endReason = useLabels("deregistration_reason");
  const kind = useLabels("occupation");
  const source = useLabels("occupation_source");
  const detail = useLabels("occupation_detail");
  const channel = useLabels("contact_channel");
  const measure = useLabels("measure_type");
  const none = <BodyShort>{t.asOfNone}</BodyShort>;
  // A protected person's details come as null to a user who may not read them: hidden, as today's page says.
  const unknown = (value: string | null | undefined) => (
    <span className="subtle">{c.person.protected && value === null ? t.protectedHidden : t.notKnown}</span>
  );
  const occupations = timeline(c.occupations as unknown as OccupationRecord[]).reverse();
  return (
    <VStack gap="6">
      <Card id="past-identity" title={t.identityHeading}>
        <dl className="fields">
          <div className="field">
            <dt>{t.personalId}</dt>
            <dd>{c.person.personal_id}</dd>
          </div>
          <div className="field">
            <dt>{t.phone}</dt>
            <dd>{c.person.contact?.phone || unknown(c.person.contact?.phone)}</dd>
          </div>
          <div className="field">
            <dt>{t.email}</dt>
            <dd>{c.person.contact?.email || unknown(c.person.contact?.email)}</dd>
          </div>
        </dl>
      </Card>
      <Card id="past-registrations" title={t.registrationsHeading}>
        {c.registrations.length === 0
          ? none
          : c.registrations.map((r) => (
              <BodyShort key={r.id}>
                {t.registrationStarted(r.start_date ?? "", reason(r.reason))}{" "}
                {r.end_date ? t.registrationEnded(r.end_date, endReason(r.end_reason), r.closed_by_hand === true) : t.openThen}
              </BodyShort>
            ))}
      </Card>
      <Card id="past-occupations" title={t.occupationsHeading}>
        {occupations.length === 0 ? (
          none
        ) : (
          <Table size="small" aria-labelledby="past-occupations">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.colFrom}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colTo}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colOccupation}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colDetail}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colSource}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {occupations.map(({ record: o, until }) => (
                <Table.Row key={o.id}>
                  <Table.DataCell className="nowrap">{o.data.effective_date}</Table.DataCell>
                  <Table.DataCell className="nowrap">{o.data.planned ? t.planned : (until ?? t.untilFurther)}</Table.DataCell>
                  <Table.DataCell>{kind(o.data.kind)}</Table.DataCell>
                  <Table.DataCell>{detail(o.data.detail)}</Table.DataCell>
                  <Table.DataCell>{source(o.data.source)}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Card>
      <Card id="past-contacts" title={t.contactsHeading}>
        {c.contact_attempts.length === 0 ? (
          none
        ) : (
          <Table size="small" aria-labelledby="past-contacts">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.colDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colTime}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colChannel}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colReached}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colOccupation}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colNote}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {[...c.contact_attempts].reverse().map((a) => (
                <Table.Row key={a.id}>
                  <Table.DataCell>{a.data.date}</Table.DataCell>
                  <Table.DataCell>{a.data.time ?? ""}</Table.DataCell>
                  <Table.DataCell>{channel(a.data.channel)}</Table.DataCell>
                  <Table.DataCell>{a.data.reached ? t.yes : t.no}</Table.DataCell>
                  <Table.DataCell>{kind(a.data.occupation)}</Table.DataCell>
                  <Table.DataCell>{a.data.note ?? ""}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Card>
      <Card id="past-measures" title={t.asOfMeasures}>
        {c.measures.length === 0
          ? none
          : c.measures.map((m) => (
              <BodyShort key={m.id}>
                {measure(m.data.type)}: {m.data.content} ({[m.data.start ?? m.data.planned_start, m.data.end].filter(Boolean).join(" – ")})
              </BodyShort>
            ))}
        <Heading level="3" size="xsmall" spacing className="past-plans">
          {t.asOfPlans}
        </Heading>
        {c.plans.length === 0 ? none : <PastPlans c={c} />}
      </Card>
    </VStack>
  );
}

/** Each plan as it stood, whole: its goals and sub-goals, the measures that served them and each goal's
 * latest assessment by that day (the same view as today's page, without its buttons). */
function PastPlans({ c }: { c: PersonAsOf }) {
  const t = useT();
  const type = useLabels("measure_type");
  const responsible = useLabels("measure_responsible");
  const endReason = useLabels("measure_end_reason");
  const result = useLabels("goal_result");
  const measures = c.measures.map((m) => ({
    ...m,
    labels: { type: type(m.data.type), responsible: responsible(m.data.responsible), end_reason: endReason(m.data.end_reason) },
  })) as MeasureRecord[];
  const assessments = [...c.goal_assessments]
    .sort((a, b) => b.data.assessed_on.localeCompare(a.data.assessed_on) || b.id - a.id)
    .map((a) => ({ ...a, labels: { result: result(a.data.result) } })) as AssessmentRecord[];
  return c.plans.map((p) => (
    <div key={p.id} className="past-plan">
      <BodyShort spacing>{t.asOfPlanLine(p.data.drawn_up_on ?? "", p.data.agreed_on ?? null, p.data.goals?.length ?? 0)}</BodyShort>
      <PlanView
        data={p.data}
        measures={measures.filter((m) => m.registration_id === p.registration_id)}
        latest={(goalId) => assessments.find((a) => a.registration_id === p.registration_id && a.data.goal_id === goalId)}
      />
    </div>
  ));
}
