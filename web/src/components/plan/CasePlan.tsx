// The person's individual plan and measures, as two sections of the person's page (mounted there as
// <CasePlan person={…} />):
// - Handlingsplan: the plan of the open registration (else of the latest one) with its goals and
//   sub-goals, linked measures, latest assessments (each goal assessed from here), planned and held
//   follow-ups, the assessments (corrected or voided from here), the plan's earlier versions (from the
//   person's history, read only when asked for) and the plans of earlier registrations. The plan itself
//   is drawn up and revised at /personer/:id/plan (PlanEditorPage); a plan drawn up by mistake is voided
//   here (the one void dialog, with what else it means), after which a new one can be drawn up.
// - Åtgärder: every measure, added, corrected or voided here.
// Changing is for caseworkers and unit managers (not under an auditor's break-the-glass grant).
import { BodyShort, Button, HStack, Heading, List, Loader, Table, Tag, VStack } from "@navikt/ds-react";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { Link as RouterLink, useLocation, useNavigate } from "react-router-dom";
import {
  useGoalAssessments,
  useHistory,
  useMeasures,
  usePlans,
  useSession,
  type AssessmentRecord,
  type MeasureRecord,
  type Person,
  type PlanData,
  type PlanRecord,
} from "../../api/queries";
import { localDateTime, swedishDay } from "../../format";
import { useT } from "../../i18n";
import { canReadCases } from "../../roles";
import { useBackState } from "../PersonBackLink";
import { ProblemAlert } from "../Problems";
import { VoidRecordDialog } from "../VoidRecord";
import { AssessmentDialog, type GoalChoice } from "./AssessmentDialog";
import { useMessage } from "../useMessage";
import { measureName, useFirstFew } from "./common";
import { Card } from "../Card";
import { MeasureDialog } from "./MeasureDialog";
import { plannedReviews } from "./planned";
import { AssessmentResult, PlanView, goalChoices } from "./PlanView";

/** The registration whose plan is current: the open one, else the latest. */
export function currentRegistration(person: Person) {
  return person.registrations.find((r) => !r.end_date) ?? person.registrations[person.registrations.length - 1];
}

export function CasePlan({ person }: { person: Person }) {
  const session = useSession();
  const mayChange = session.data ? canReadCases(session.data) : false;
  return (
    <>
      <PlanSection person={person} mayChange={mayChange} />
      <MeasuresSection personId={person.id} mayChange={mayChange} open={person.registrations.some((r) => !r.end_date)} />
    </>
  );
}

type Dialog =
  | { kind: "assess"; goal: GoalChoice }
  | { kind: "correct"; record: AssessmentRecord }
  | { kind: "void"; record: AssessmentRecord }
  | { kind: "voidPlan"; plan: PlanRecord };

function PlanSection({ person, mayChange }: { person: Person; mayChange: boolean }) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const backState = useBackState();
  const plans = usePlans(person.id);
  const measures = useMeasures(person.id);
  const assessments = useGoalAssessments(person.id);
  // The editor comes back here with { planSaved: true }: said once (not again on a reload).
  const [savedNow] = useState(() => (location.state as { planSaved?: boolean } | null)?.planSaved === true);
  const { setMessage, ui: message } = useMessage(savedNow ? t.plan.saved : null);
  useEffect(() => {
    if (savedNow) navigate(location.pathname + location.search, { replace: true, state: backState });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, for the state the editor left
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);

  const registration = currentRegistration(person);
  const open = registration !== undefined && !registration.end_date;
  const plan = plans.data?.find((p) => p.registration_id === registration?.id);
  const earlier = (plans.data ?? []).filter((p) => p !== plan);
  // The assessments of the plan's registration, newest first; the latest of each goal.
  const ofPlan = (assessments.data ?? [])
    .filter((a) => a.registration_id === registration?.id)
    .sort((a, b) => b.data.assessed_on.localeCompare(a.data.assessed_on) || b.id - a.id);
  const latest = (goalId: string) => ofPlan.find((a) => a.data.goal_id === goalId);
  const choices = plan ? goalChoices(plan.data, t) : [];
  const goalName = (id: string) => choices.find((g) => g.id === id)?.label ?? t.assessment.unknownGoal(id);

  const openDialog = (next: Dialog, from: HTMLButtonElement) => {
    trigger.current = from;
    setMessage(null);
    setDialog(next);
  };
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  // The record as the list shows it now; once voided it has left the list, and the dialog keeps it.
  const record =
    dialog?.kind === "correct" || dialog?.kind === "void" ? (ofPlan.find((a) => a.id === dialog.record.id) ?? dialog.record) : null;
  const planToVoid = dialog?.kind === "voidPlan" ? (plan?.id === dialog.plan.id ? plan : dialog.plan) : null;
  const planLabel = planToVoid ? t.plan.voidLabel(planToVoid.data.drawn_up_on ?? null, planToVoid.version) : "";

  const loading = plans.isPending || measures.isPending || assessments.isPending;
  const failed = plans.error ?? measures.error ?? assessments.error;
  return (
    <Card id="plan" title={t.plan.heading}>
      <VStack gap="4">
        {message}
        {loading && <Loader title={t.loading} />}
        {failed && <ProblemAlert error={failed} />}
        {!loading && !failed && !plan && (
          <>
            <BodyShort>{open ? t.plan.none : t.plan.noneWithoutRegistration}</BodyShort>
            {open && mayChange && (
              <div>
                <Button as={RouterLink} role="link" to={`/personer/${person.id}/plan`} state={backState} variant="primary" size="small">
                  {t.plan.create}
                </Button>
              </div>
            )}
          </>
        )}
        {plan && measures.data && (
          <>
            <dl className="plan-facts plan-head">
              <div>
                <dt>{t.plan.drawnUp}</dt>
                <dd>{plan.data.drawn_up_on ?? <span className="subtle">{t.plan.notDrawnUp}</span>}</dd>
              </div>
              <div>
                <dt>{t.plan.agreed}</dt>
                <dd>{plan.data.agreed_on ?? <span className="subtle">{t.plan.notAgreed}</span>}</dd>
              </div>
              <div>
                <dt>{t.plan.version}</dt>
                <dd>{plan.version}</dd>
              </div>
            </dl>
            {mayChange && (
              <HStack gap="2">
                <Button as={RouterLink} role="link" to={`/personer/${person.id}/plan`} state={backState} variant="secondary" size="small">
                  {t.plan.revise}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  size="small"
                  onClick={(e: MouseEvent<HTMLButtonElement>) => openDialog({ kind: "voidPlan", plan }, e.currentTarget)}
                >
                  {t.plan.void}
                </Button>
              </HStack>
            )}
            <Heading level="3" size="xsmall">
              {t.plan.goalsHeading}
            </Heading>
            <PlanView
              data={plan.data}
              measures={measures.data}
              latest={latest}
              reviewLabels={plan.labels.reviews}
              onAssess={mayChange && open ? (goal, from) => openDialog({ kind: "assess", goal }, from) : undefined}
            />
            <Planned measures={measures.data.filter((m) => m.registration_id === plan.registration_id)} reviews={plan.data.reviews} />
            <Assessments
              assessments={ofPlan}
              goalName={goalName}
              mayChange={mayChange}
              onChange={(kind, record, from) => openDialog({ kind, record }, from)}
            />
            <Revisions personId={person.id} plan={plan} measures={measures.data} />
          </>
        )}
        {earlier.length > 0 && measures.data && (
          <details className="plan-details">
            <summary>{t.plan.earlierPlans}</summary>
            {earlier.map((p) => (
              <section key={p.id} aria-label={t.plan.earlierPlan(person.registrations.find((r) => r.id === p.registration_id)?.start_date ?? "")}>
                <Heading level="3" size="xsmall" spacing>
                  {t.plan.earlierPlan(person.registrations.find((r) => r.id === p.registration_id)?.start_date ?? "")}
                </Heading>
                <PlanView data={p.data} measures={measures.data} reviewLabels={p.labels.reviews} />
              </section>
            ))}
          </details>
        )}
      </VStack>
      {dialog?.kind === "assess" && (
        <AssessmentDialog
          personId={person.id}
          goals={choices}
          goalId={dialog.goal.id}
          onClose={(saved) => closed(saved ? t.assessment.saved(dialog.goal.label) : null)}
        />
      )}
      {dialog?.kind === "correct" && record && (
        <AssessmentDialog
          personId={person.id}
          goals={choices}
          record={record}
          onClose={(saved) => closed(saved ? t.assessment.saved(goalName(saved.data.goal_id)) : null)}
        />
      )}
      {dialog?.kind === "void" && record && (
        <VoidRecordDialog
          kind="goal_assessment"
          personId={person.id}
          recordId={record.id}
          version={record.version}
          label={`${record.data.assessed_on} ${goalName(record.data.goal_id)}: ${record.labels.result ?? record.data.result}`}
          onClose={(voided) => closed(voided ? t.records.goal_assessment.voided(record.data.assessed_on) : null)}
        />
      )}
      {planToVoid && (
        <VoidRecordDialog
          kind="plan"
          personId={person.id}
          recordId={planToVoid.id}
          version={planToVoid.version}
          label={planLabel}
          details={
            <List as="ul" size="small">
              {t.plan.voidConsequences.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          }
          onClose={(voided) => closed(voided ? t.records.plan.voided(planLabel) : null)}
        />
      )}
    </Card>
  );
}

/** The follow-ups and evaluations planned for the registration's measures under way, soonest first, each
 * marked when the plan records it as held. */
function Planned({ measures, reviews }: { measures: MeasureRecord[]; reviews: PlanData["reviews"] }) {
  const t = useT();
  const planned = plannedReviews(measures, reviews ?? []);
  const today = swedishDay();
  return (
    <div>
      <Heading level="3" size="xsmall" spacing>
        {t.plan.plannedHeading}
      </Heading>
      {planned.length === 0 ? (
        <BodyShort>{t.plan.noPlanned}</BodyShort>
      ) : (
        <>
          <ul className="plan-planned">
            {planned.map((p) => (
              <li key={`${p.measure.id}-${p.kind}`}>
                {(p.kind === "follow_up" ? t.plan.plannedFollowUp : t.plan.plannedEvaluation)(p.date, p.measure.data.content)}
                {p.heldOn && <span className="subtle"> {t.plan.plannedHeld(p.heldOn)}</span>}
                {!p.heldOn && p.date < today && (
                  <>
                    {" "}
                    <Tag variant="error" size="xsmall">
                      {t.plan.plannedOverdue}
                    </Tag>
                  </>
                )}
              </li>
            ))}
          </ul>
          <BodyShort size="small" className="subtle">
            {t.plan.plannedHint}
          </BodyShort>
        </>
      )}
    </div>
  );
}

function Assessments({
  assessments,
  goalName,
  mayChange,
  onChange,
}: {
  assessments: AssessmentRecord[];
  goalName: (id: string) => string;
  mayChange: boolean;
  onChange: (kind: "correct" | "void", record: AssessmentRecord, from: HTMLButtonElement) => void;
}) {
  const t = useT();
  const { shown, toggle } = useFirstFew(assessments);
  return (
    <div>
      <Heading level="3" size="xsmall" spacing id="plan-assessments">
        {t.plan.assessmentsHeading}
      </Heading>
      {assessments.length === 0 ? (
        <BodyShort>{t.plan.noAssessments}</BodyShort>
      ) : (
        <>
          <BodyShort size="small" spacing>
            {t.plan.assessmentsIntro}
          </BodyShort>
          <Table size="small" aria-labelledby="plan-assessments" className="plan-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.plan.colHeldOn}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.plan.colGoal}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.plan.colResult}</Table.HeaderCell>
                {mayChange && <Table.HeaderCell scope="col">{t.colChange}</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shown.map((a) => {
                const what = `${a.data.assessed_on} ${goalName(a.data.goal_id)}`;
                return (
                  <Table.Row key={a.id}>
                    <Table.DataCell className="nowrap">{a.data.assessed_on}</Table.DataCell>
                    <Table.DataCell>{goalName(a.data.goal_id)}</Table.DataCell>
                    <Table.DataCell>
                      <AssessmentResult assessment={a} dated={false} />
                    </Table.DataCell>
                    {mayChange && (
                      <Table.DataCell>
                        <HStack gap="1" wrap={false}>
                          <Button
                            type="button"
                            size="xsmall"
                            variant="tertiary"
                            aria-label={t.assessment.correctLabel(what)}
                            onClick={(e: MouseEvent<HTMLButtonElement>) => onChange("correct", a, e.currentTarget)}
                          >
                            {t.correct}
                          </Button>
                          <Button
                            type="button"
                            size="xsmall"
                            variant="tertiary"
                            aria-label={t.assessment.voidLabel(what)}
                            onClick={(e: MouseEvent<HTMLButtonElement>) => onChange("void", a, e.currentTarget)}
                          >
                            {t.voidSubmit}
                          </Button>
                        </HStack>
                      </Table.DataCell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
          {toggle}
        </>
      )}
    </div>
  );
}

/** The plan's earlier versions, from the person's history (read when the user opens them). */
function Revisions({ personId, plan, measures }: { personId: number; plan: PlanRecord; measures: MeasureRecord[] }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const history = useHistory(personId, opened);
  const versions = (history.data ?? [])
    .filter((e) => e.type.startsWith("plan."))
    .map((e) => ({ event: e, record: e.after as PlanRecord | null }))
    .filter((v): v is { event: typeof v.event; record: PlanRecord } => v.record?.id === plan.id && v.record.version < plan.version);
  const chosen = versions.find((v) => v.record.version === shown);
  return (
    <details className="plan-details" onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary>{t.plan.revisionsHeading}</summary>
      <VStack gap="3">
        <BodyShort size="small">{t.plan.revisionsIntro}</BodyShort>
        {history.isPending && opened && <Loader title={t.loading} />}
        {history.isError && <ProblemAlert error={history.error} />}
        {versions.length > 0 && (
          <Table size="small" className="plan-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.plan.version}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.plan.colSaved}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.plan.colBy}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="navds-sr-only">{t.plan.showRevisions}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {[...versions].reverse().map(({ event, record }) => (
                <Table.Row key={event.id}>
                  <Table.DataCell>{record.version}</Table.DataCell>
                  <Table.DataCell className="nowrap">{localDateTime(event.time)}</Table.DataCell>
                  <Table.DataCell>{event.actor}</Table.DataCell>
                  <Table.DataCell>
                    <Button
                      type="button"
                      size="xsmall"
                      variant="tertiary"
                      aria-pressed={shown === record.version}
                      onClick={() => setShown(shown === record.version ? null : record.version)}
                    >
                      {t.plan.showRevision(record.version)}
                    </Button>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {chosen && (
          <section aria-labelledby="plan-revision" className="plan-revision">
            <Heading level="3" size="xsmall" spacing id="plan-revision">
              {t.plan.revisionHeading(chosen.record.version, localDateTime(chosen.event.time), chosen.event.actor)}
            </Heading>
            <dl className="plan-facts plan-head">
              <div>
                <dt>{t.plan.drawnUp}</dt>
                <dd>{chosen.record.data.drawn_up_on ?? "–"}</dd>
              </div>
              <div>
                <dt>{t.plan.agreed}</dt>
                <dd>{chosen.record.data.agreed_on ?? t.plan.notAgreed}</dd>
              </div>
            </dl>
            <BodyShort size="small" spacing>
              {t.plan.measuresAsNow}
            </BodyShort>
            <PlanView data={chosen.record.data} measures={measures} />
          </section>
        )}
      </VStack>
    </details>
  );
}

function MeasuresSection({ personId, mayChange, open }: { personId: number; mayChange: boolean; open: boolean }) {
  const t = useT();
  const m = t.measures;
  const measures = useMeasures(personId);
  const [dialog, setDialog] = useState<{ kind: "add" } | { kind: "correct" | "void"; record: MeasureRecord } | null>(null);
  const { setMessage, ui: message } = useMessage();
  const trigger = useRef<HTMLButtonElement | null>(null);
  const openDialog = (next: NonNullable<typeof dialog>) => (e: MouseEvent<HTMLButtonElement>) => {
    trigger.current = e.currentTarget;
    setMessage(null);
    setDialog(next);
  };
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  const record =
    dialog && dialog.kind !== "add" ? (measures.data?.find((r) => r.id === dialog.record.id) ?? dialog.record) : null;
  return (
    <Card id="measures" title={m.heading}>
      <VStack gap="4">
        {message}
        {open && mayChange && (
          <div>
            <Button type="button" variant="secondary" size="small" onClick={openDialog({ kind: "add" })}>
              {m.add}
            </Button>
          </div>
        )}
        {measures.isPending && <Loader title={t.loading} />}
        {measures.isError && <ProblemAlert error={measures.error} />}
        {measures.data &&
          (measures.data.length === 0 ? (
            <BodyShort>{m.none}</BodyShort>
          ) : (
            <Table size="small" aria-labelledby="measures" className="plan-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{m.colMeasure}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{m.colResponsible}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{m.colStart}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{m.colEnd}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{m.colFollowUp}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{m.colEvaluation}</Table.HeaderCell>
                  {mayChange && <Table.HeaderCell scope="col">{t.colChange}</Table.HeaderCell>}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...measures.data].reverse().map((r) => {
                  const d = r.data;
                  return (
                    <Table.Row key={r.id}>
                      <Table.DataCell>
                        <strong>{d.content}</strong>
                        <br />
                        {r.labels.type ?? d.type}
                      </Table.DataCell>
                      <Table.DataCell>{[r.labels.responsible ?? d.responsible, d.partner].filter(Boolean).join(": ")}</Table.DataCell>
                      <Table.DataCell className="nowrap">
                        {d.start ?? (d.planned_start ? m.planned(d.planned_start) : "")}
                        {d.declined ? ` (${m.declined(d.declined)})` : ""}
                      </Table.DataCell>
                      <Table.DataCell>
                        {d.end ? `${d.end}${r.labels.end_reason ? ` (${r.labels.end_reason})` : ""}` : d.start ? m.ongoing : ""}
                      </Table.DataCell>
                      <Table.DataCell className="nowrap">{d.follow_up ?? ""}</Table.DataCell>
                      <Table.DataCell className="nowrap">{d.evaluation ?? ""}</Table.DataCell>
                      {mayChange && (
                        <Table.DataCell>
                          <HStack gap="1" wrap={false}>
                            <Button
                              type="button"
                              size="xsmall"
                              variant="tertiary"
                              aria-label={m.correctLabel(d.content)}
                              onClick={openDialog({ kind: "correct", record: r })}
                            >
                              {t.correct}
                            </Button>
                            <Button
                              type="button"
                              size="xsmall"
                              variant="tertiary"
                              aria-label={m.voidLabel(d.content)}
                              onClick={openDialog({ kind: "void", record: r })}
                            >
                              {t.voidSubmit}
                            </Button>
                          </HStack>
                        </Table.DataCell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          ))}
      </VStack>
      {dialog?.kind === "add" && <MeasureDialog personId={personId} onClose={(saved) => closed(saved ? m.saved(saved.data.content) : null)} />}
      {dialog?.kind === "correct" && record && (
        <MeasureDialog personId={personId} record={record} onClose={(saved) => closed(saved ? m.saved(saved.data.content) : null)} />
      )}
      {dialog?.kind === "void" && record && (
        <VoidRecordDialog
          kind="measure"
          personId={personId}
          recordId={record.id}
          version={record.version}
          label={measureName(record)}
          onClose={(voided) => closed(voided ? t.records.measure.voided(record.data.content) : null)}
        />
      )}
    </Card>
  );
}
