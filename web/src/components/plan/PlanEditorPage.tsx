// /personer/:id/plan: drawing up the plan of the open registration, or revising the current one — the
// days it was drawn up and agreed to, goals and their sub-goals (title, target date, the measures that
// serve each; a new measure can be added for a goal from here and is linked to it), and the follow-ups
// and evaluations held. A page of its own rather than a dialog: a plan is a document of many goals, the
// measure dialog opens over it without a dialog in a dialog, and the URL can be bookmarked and left with
// Back. Saving sends a new plan (POST) or a revision with the version it was read at (If-Match); the
// server's 422 is placed beside the goal's or sub-goal's field it names (goals[1].sub_goals[0].title) and
// in the summary; a 409 shows what you changed beside the saved plan, to take the saved one or put your
// changes on it (a three-way merge over the plan as loaded: what you did not change is theirs). While
// the form differs from the plan loaded, leaving the page asks first (useLeaveGuard), unless the user
// saved or chose Avbryt.
import { Alert, BodyShort, Button, Checkbox, CheckboxGroup, Fieldset, HStack, Link, Loader, Radio, RadioGroup, Select, Tag, TextField, Textarea, VStack } from "@navikt/ds-react";
import { EyeSlashIcon } from "@navikt/aksel-icons";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router-dom";
import { ApiProblem } from "../../api/client";
import {
  isProblem,
  useCodeList,
  useGoalAssessments,
  useMeasures,
  usePerson,
  usePlans,
  useSavePlan,
  type AssessmentRecord,
  type Editing,
  type MeasureRecord,
  type Person,
  type PlanRecord,
} from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { NotFoundPage } from "../../pages/NotFoundPage";
import { PageHeading } from "../PageHeading";
import { useBackState } from "../PersonBackLink";
import { FormProblems, ProblemAlert, fieldError } from "../Problems";
import { currentRegistration } from "./CasePlan";
import { Conflict } from "../Conflict";
import { useLeaveGuard } from "../LeaveGuard";
import { useLabels } from "../labels";
import { measureName } from "./common";
import { MeasureDialog } from "./MeasureDialog";
import {
  agreedId,
  changedRows,
  drawnUpId,
  fieldId,
  goalIdsOf,
  inputsOf,
  mergePlans,
  newGoalId,
  newKey,
  placeErrors,
  planData,
  planForm,
  type Describe,
  type GoalForm,
  type PlanForm,
  type ReviewForm,
} from "./planForm";
import { dueReview, plannedReviews } from "./planned";

export function PlanEditorPage() {
  const { id } = useParams();
  if (!id || !/^[1-9][0-9]{0,15}$/.test(id)) return <NotFoundPage />;
  return <PlanEditorLoader personId={Number(id)} />;
}

function PlanEditorLoader({ personId }: { personId: number }) {
  const t = useT();
  const person = usePerson(personId);
  const plans = usePlans(personId);
  const measures = useMeasures(personId);
  const assessments = useGoalAssessments(personId);
  const failed = person.error ?? plans.error ?? measures.error ?? assessments.error;
  if (failed || !person.data || !plans.data || !measures.data || !assessments.data)
    return (
      <>
        <PageHeading>{t.plan.heading}</PageHeading>
        {failed ? <ProblemAlert error={failed} /> : <Loader title={t.loading} />}
      </>
    );
  const p = person.data;
  const registration = currentRegistration(p);
  const plan = plans.data.find((r) => r.registration_id === registration?.id);
  if (!plan && (!registration || registration.end_date))
    return (
      <>
        <PageHeading>{t.plan.heading}</PageHeading>
        <BackLink personId={personId} />
        <Alert variant="info">{t.plan.noRegistration}</Alert>
      </>
    );
  // Keyed by the registration (not the plan): the plan a save creates must not start the form afresh.
  return (
    <PlanEditor
      key={registration!.id}
      person={p}
      plan={plan ?? null}
      registrationId={plan?.registration_id ?? registration?.id ?? null}
      measures={measures.data}
      assessments={assessments.data.filter((a) => a.registration_id === registration!.id)}
    />
  );
}

function BackLink({ personId }: { personId: number }) {
  const t = useT();
  const backState = useBackState();
  return (
    <div>
      <Link as={RouterLink} to={`/personer/${personId}`} state={backState}>
        {t.plan.back}
      </Link>
    </div>
  );
}

/** A goal with nothing in it yet. */
const emptyGoal = (id: string): GoalForm => ({ key: newKey(), id, title: "", target_date: "", measure_ids: [], sub_goals: [] });

function PlanEditor({
  person,
  plan,
  registrationId,
  measures,
  assessments,
}: {
  person: Person;
  plan: PlanRecord | null;
  registrationId: number | null;
  measures: MeasureRecord[];
  assessments: AssessmentRecord[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const backState = useBackState();
  const save = useSavePlan(person.id);
  const kinds = useCodeList("review_kind");
  const kindLabel = useLabels("review_kind");
  const assessed = useMemo(() => assessments.map((a) => a.data.goal_id), [assessments]);
  const [form, setForm] = useState<PlanForm>(() =>
    plan
      ? planForm(plan.data)
      : { drawn_up_on: swedishDay(), agreed_on: "", goals: [emptyGoal(newGoalId(new Set(assessed)))], reviews: [] },
  );
  // The plan as loaded (or as taken after a 409): the changes not saved are what the form differs in.
  const [loaded, setLoaded] = useState(form);
  const dirty = useMemo(() => JSON.stringify(planData(form)) !== JSON.stringify(planData(loaded)), [form, loaded]);
  const guard = useLeaveGuard(dirty, { heading: t.plan.leaveHeading, text: t.plan.leaveText });
  const [editing, setEditing] = useState<Editing>(plan ? { id: plan.id, version: plan.version } : null);
  const [problem, setProblem] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<PlanRecord | null>(null);
  const [measureFor, setMeasureFor] = useState<{ key: string; label: string } | null>(null);
  // The field to focus once it is rendered (a goal just added) or what is left (one just removed).
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);

  const name = `${person.first_name} ${person.last_name}`;
  // A new goal's id is none the form holds, none of the plan as loaded (a goal removed and another added
  // in its place must not look like the same goal to a merge after a 409), and none ever assessed.
  const taken = () => new Set([...goalIdsOf(form.goals), ...goalIdsOf(loaded.goals), ...assessed]);
  const byId = new Map(measures.map((m) => [m.id, m]));
  const ofRegistration = measures.filter((m) => m.registration_id === registrationId);

  const changeGoal = (key: string, change: (g: GoalForm) => GoalForm) =>
    setForm((f) => ({
      ...f,
      goals: f.goals.map((g) => (g.key === key ? change(g) : { ...g, sub_goals: g.sub_goals.map((s) => (s.key === key ? change(s) : s)) })),
    }));
  const addGoal = () => {
    const goal = emptyGoal(newGoalId(taken()));
    setForm((f) => ({ ...f, goals: [...f.goals, goal] }));
    setFocus(fieldId(goal.key, "title"));
  };
  const addSubGoal = (parent: GoalForm) => {
    const sub = emptyGoal(newGoalId(taken(), parent));
    changeGoal(parent.key, (g) => ({ ...g, sub_goals: [...g.sub_goals, sub] }));
    setFocus(fieldId(sub.key, "title"));
  };
  const removeGoal = (key: string, parent?: GoalForm) => {
    setForm((f) => ({
      ...f,
      goals: f.goals.filter((g) => g.key !== key).map((g) => ({ ...g, sub_goals: g.sub_goals.filter((s) => s.key !== key) })),
    }));
    setFocus(parent ? `plan-${parent.key}-add-sub-goal` : "plan-add-goal");
  };
  const changeReview = (key: string, change: Partial<ReviewForm>) =>
    setForm((f) => ({ ...f, reviews: f.reviews.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const addReview = () => {
    // The follow-up or evaluation due is the one most likely held today: it is filled in for the user.
    const today = swedishDay();
    const reviews = form.reviews.map((r) => ({ ...r, measure_id: r.measure_id || null }));
    const due = dueReview(plannedReviews(ofRegistration, reviews), today);
    const review: ReviewForm = {
      key: newKey(),
      held_on: today,
      kind: due?.kind ?? "follow_up",
      measure_id: due ? String(due.measure.id) : "",
      conclusion: "",
    };
    setForm((f) => ({ ...f, reviews: [...f.reviews, review] }));
    setFocus(fieldId(review.key, "held_on"));
  };
  const removeReview = (key: string) => {
    setForm((f) => ({ ...f, reviews: f.reviews.filter((r) => r.key !== key) }));
    setFocus("plan-add-review");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const sent = form;
    save.mutate(
      { editing, data: planData(sent) },
      {
        onSuccess: () => {
          guard.leave();
          navigate(`/personer/${person.id}`, { state: { ...backState, planSaved: true } });
        },
        onError: (error) => {
          if (isProblem(error, 409) && error.current) setTheirs(error.current as PlanRecord);
          else setProblem(error instanceof ApiProblem && error.errors.length > 0 ? placeErrors(error, sent) : error);
        },
      },
    );
  };

  const describe: Describe = {
    drawnUp: t.plan.drawnUp,
    agreed: t.plan.agreed,
    goal: t.plan.goal,
    subGoal: t.plan.subGoal,
    review: t.plan.review,
    goalValue: (g) =>
      t.plan.goalValue(
        g.title,
        g.target_date ?? "",
        (g.measure_ids ?? []).map((id) => byId.get(id)?.data.content ?? t.plan.voidedMeasure(id)).join(", "),
      ),
    reviewValue: (r) => t.plan.reviewValue(r.held_on, kindLabel(r.kind), r.conclusion),
  };
  const takeTheirs = () => {
    if (!theirs) return;
    const saved = planForm(theirs.data);
    setForm(saved);
    setLoaded(saved);
    setEditing({ id: theirs.id, version: theirs.version });
    setTheirs(null);
    setProblem(null);
    setFocus(drawnUpId);
  };
  // Your changes put on the saved plan; they are what the form then differs from it in.
  const keepMine = () => {
    if (!theirs) return;
    setForm(planForm(mergePlans(planData(loaded), planData(form), theirs.data, assessed)));
    setLoaded(planForm(theirs.data));
    setEditing({ id: theirs.id, version: theirs.version });
    setTheirs(null);
    setProblem(null);
    setFocus(drawnUpId);
  };
  const changed = theirs ? changedRows(planData(loaded), planData(form), theirs.data, describe) : [];

  const goalFieldset = (g: GoalForm, label: string, parent?: GoalForm) => (
    <Fieldset key={g.key} legend={label} className={parent ? "plan-edit-goal plan-edit-sub-goal" : "plan-edit-goal"}>
      <TextField
        id={fieldId(g.key, "title")}
        label={t.plan.title}
        description={parent ? undefined : t.plan.goalTitleHint}
        value={g.title}
        onChange={(e) => changeGoal(g.key, (x) => ({ ...x, title: e.target.value }))}
        maxLength={200}
        autoComplete="off"
        error={fieldError(problem, fieldId(g.key, "title"))}
      />
      <TextField
        id={fieldId(g.key, "target_date")}
        label={t.plan.targetDate}
        description={t.plan.optionalDateHint}
        value={g.target_date}
        onChange={(e) => changeGoal(g.key, (x) => ({ ...x, target_date: e.target.value }))}
        autoComplete="off"
        htmlSize={12}
        error={fieldError(problem, fieldId(g.key, "target_date"))}
      />
      <CheckboxGroup
        id={fieldId(g.key, "measure_ids")}
        legend={t.plan.linkMeasures}
        value={g.measure_ids.map(String)}
        onChange={(v: string[]) => changeGoal(g.key, (x) => ({ ...x, measure_ids: v.map(Number) }))}
        error={fieldError(problem, fieldId(g.key, "measure_ids"))}
      >
        {measures.length === 0 && <BodyShort size="small">{t.plan.noMeasuresToLink}</BodyShort>}
        {measures.map((m) => (
          <Checkbox key={m.id} value={String(m.id)}>
            {measureName(m)}
          </Checkbox>
        ))}
        {/* A linked measure that is no longer the person's (voided) stays until the user unticks it. */}
        {g.measure_ids
          .filter((id) => !byId.has(id))
          .map((id) => (
            <Checkbox key={id} value={String(id)}>
              {t.plan.voidedMeasure(id)}
            </Checkbox>
          ))}
      </CheckboxGroup>
      <HStack gap="2">
        <Button type="button" size="small" variant="secondary" onClick={() => setMeasureFor({ key: g.key, label })}>
          {t.plan.newMeasureFor(label)}
        </Button>
        <Button type="button" size="small" variant="tertiary" onClick={() => removeGoal(g.key, parent)}>
          {t.plan.removeGoal(label)}
        </Button>
      </HStack>
    </Fieldset>
  );

  return (
    <VStack gap="6" className="plan-editor">
      <BackLink personId={person.id} />
      <div>
        <PageHeading>{plan ? t.plan.titleRevise(name) : t.plan.titleNew(name)}</PageHeading>
        {person.protected && (
          <Tag variant="warning" icon={<EyeSlashIcon aria-hidden />}>
            {t.protectedIdentity}
          </Tag>
        )}
        <BodyShort>{t.plan.intro}</BodyShort>
      </div>
      <form onSubmit={submit} noValidate>
        <VStack gap="6">
          {theirs && (
            <Conflict
              heading={t.plan.conflictHeading}
              text={t.plan.conflictText}
              rows={changed}
              empty={t.plan.absent}
              sameText={changed.length === 0 ? t.plan.nothingChanged : t.plan.noDifference}
            >
              <HStack gap="2">
                <Button type="button" size="small" variant="secondary" onClick={takeTheirs}>
                  {t.plan.takeTheirs}
                </Button>
                <Button type="button" size="small" variant="tertiary" onClick={keepMine}>
                  {t.plan.keepMine}
                </Button>
              </HStack>
              <BodyShort size="small">{t.plan.keepMineHint}</BodyShort>
            </Conflict>
          )}
          <FormProblems problem={problem} fieldIds={inputsOf(problem)} />
          <div className="plan-dates">
            <TextField
              id={drawnUpId}
              label={t.plan.drawnUpOn}
              description={t.plan.dateHint}
              value={form.drawn_up_on}
              onChange={(e) => setForm((f) => ({ ...f, drawn_up_on: e.target.value }))}
              autoComplete="off"
              htmlSize={12}
              error={fieldError(problem, drawnUpId)}
            />
            <TextField
              id={agreedId}
              label={t.plan.agreedOn}
              description={t.plan.agreedOnHint}
              value={form.agreed_on}
              onChange={(e) => setForm((f) => ({ ...f, agreed_on: e.target.value }))}
              autoComplete="off"
              htmlSize={12}
              error={fieldError(problem, agreedId)}
            />
          </div>
          {form.goals.map((g, i) => (
            <div key={g.key} className="plan-edit-goal-group">
              {goalFieldset(g, t.plan.goal(i + 1))}
              {g.sub_goals.map((s, j) => goalFieldset(s, t.plan.subGoal(i + 1, j + 1), g))}
              <div>
                <Button id={`plan-${g.key}-add-sub-goal`} type="button" size="small" variant="secondary" onClick={() => addSubGoal(g)}>
                  {t.plan.addSubGoal(t.plan.goal(i + 1))}
                </Button>
              </div>
            </div>
          ))}
          <div>
            <Button id="plan-add-goal" type="button" size="small" variant="secondary" onClick={addGoal}>
              {t.plan.addGoal}
            </Button>
          </div>
          <Fieldset legend={t.plan.reviewsLegend} className="plan-edit-reviews">
            {form.reviews.map((r, i) => (
              <Fieldset key={r.key} legend={t.plan.review(i + 1)} className="plan-edit-goal">
                <TextField
                  id={fieldId(r.key, "held_on")}
                  label={t.plan.heldOn}
                  description={t.plan.dateHint}
                  value={r.held_on}
                  onChange={(e) => changeReview(r.key, { held_on: e.target.value })}
                  autoComplete="off"
                  htmlSize={12}
                  error={fieldError(problem, fieldId(r.key, "held_on"))}
                />
                <RadioGroup
                  id={fieldId(r.key, "kind")}
                  legend={t.plan.kind}
                  value={r.kind}
                  onChange={(v: ReviewForm["kind"]) => changeReview(r.key, { kind: v })}
                  error={fieldError(problem, fieldId(r.key, "kind"))}
                >
                  {(kinds.data ?? []).map((c) => (
                    <Radio key={c.code} value={c.code}>
                      {c.label}
                    </Radio>
                  ))}
                </RadioGroup>
                <Select
                  id={fieldId(r.key, "measure_id")}
                  label={t.plan.reviewMeasure}
                  description={t.plan.reviewMeasureHint}
                  value={r.measure_id}
                  onChange={(e) => changeReview(r.key, { measure_id: e.target.value })}
                  error={fieldError(problem, fieldId(r.key, "measure_id"))}
                >
                  <option value="">{t.plan.noReviewMeasure}</option>
                  {r.measure_id && !byId.has(Number(r.measure_id)) && (
                    <option value={r.measure_id}>{t.plan.voidedMeasure(Number(r.measure_id))}</option>
                  )}
                  {measures.map((m) => (
                    <option key={m.id} value={String(m.id)}>
                      {measureName(m)}
                    </option>
                  ))}
                </Select>
                <Textarea
                  id={fieldId(r.key, "conclusion")}
                  label={t.plan.conclusion}
                  description={t.plan.conclusionHint}
                  value={r.conclusion}
                  onChange={(e) => changeReview(r.key, { conclusion: e.target.value })}
                  maxLength={500}
                  minRows={2}
                  error={fieldError(problem, fieldId(r.key, "conclusion"))}
                />
                <div>
                  <Button type="button" size="small" variant="tertiary" onClick={() => removeReview(r.key)}>
                    {t.plan.removeReview(i + 1)}
                  </Button>
                </div>
              </Fieldset>
            ))}
            <div>
              <Button id="plan-add-review" type="button" size="small" variant="secondary" onClick={addReview}>
                {t.plan.addReview}
              </Button>
            </div>
          </Fieldset>
          <HStack gap="2">
            <Button type="submit" loading={save.isPending} disabled={theirs !== null}>
              {t.plan.save}
            </Button>
            <Button as={RouterLink} role="link" to={`/personer/${person.id}`} state={backState} variant="secondary" onClick={guard.leave}>
              {t.cancel}
            </Button>
          </HStack>
        </VStack>
      </form>
      {measureFor && (
        <MeasureDialog
          personId={person.id}
          onClose={(saved) => {
            if (saved) changeGoal(measureFor.key, (g) => ({ ...g, measure_ids: [...g.measure_ids, saved.id] }));
            setMeasureFor(null);
          }}
        />
      )}
      {guard.dialog}
    </VStack>
  );
}
