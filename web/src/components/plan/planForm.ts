// The plan editor's form, apart from React: the plan as the form holds it (every goal, sub-goal and
// review with a key of its own, so that a field keeps its identity when others are added or removed),
// to and from the API's Plan; new goal ids; the server's field paths (goals[1].sub_goals[0].title) placed
// on the fields they name; and the rows that differ between two plans (a 409's theirs and yours).
import { ApiProblem } from "../../api/client";
import type { PlanData, PlanGoal } from "../../api/queries";

export type GoalForm = {
  key: string;
  id: string;
  title: string;
  target_date: string;
  measure_ids: number[];
  sub_goals: GoalForm[];
};
type ReviewKind = "follow_up" | "evaluation";
export type ReviewForm = { key: string; held_on: string; kind: ReviewKind; measure_id: string; conclusion: string };
export type PlanForm = { drawn_up_on: string; agreed_on: string; goals: GoalForm[]; reviews: ReviewForm[] };

let lastKey = 0;
/** A key no other row of any form has. */
export function newKey(): string {
  lastKey += 1;
  return `k${lastKey}`;
}

function goalForm(g: PlanGoal): GoalForm {
  return {
    key: newKey(),
    id: g.id,
    title: g.title,
    target_date: g.target_date ?? "",
    measure_ids: [...(g.measure_ids ?? [])],
    sub_goals: (g.sub_goals ?? []).map(goalForm),
  };
}

/** The form for a plan as the API answered it. */
export function planForm(data: PlanData): PlanForm {
  return {
    drawn_up_on: data.drawn_up_on ?? "",
    agreed_on: data.agreed_on ?? "",
    goals: (data.goals ?? []).map(goalForm),
    reviews: (data.reviews ?? []).map((r) => ({
      key: newKey(),
      held_on: r.held_on,
      kind: r.kind,
      measure_id: r.measure_id == null ? "" : String(r.measure_id),
      conclusion: r.conclusion,
    })),
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function goalData(g: GoalForm, sub: boolean): PlanGoal {
  return {
    id: g.id,
    title: g.title.trim(),
    target_date: orNull(g.target_date),
    measure_ids: g.measure_ids,
    sub_goals: sub ? [] : g.sub_goals.map((s) => goalData(s, true)),
  };
}

/** The plan the form holds, as the API takes it. */
export function planData(form: PlanForm): PlanData {
  return {
    drawn_up_on: orNull(form.drawn_up_on),
    agreed_on: orNull(form.agreed_on),
    goals: form.goals.map((g) => goalData(g, false)),
    reviews: form.reviews.map((r) => ({
      held_on: r.held_on.trim(),
      kind: r.kind,
      measure_id: r.measure_id ? Number(r.measure_id) : null,
      conclusion: r.conclusion.trim(),
    })),
  };
}

/** Every goal and sub-goal id the form holds. */
export function goalIdsOf(goals: GoalForm[]): string[] {
  return goals.flatMap((g) => [g.id, ...g.sub_goals.map((s) => s.id)]);
}

/**
 * An id for a new goal ("g3") or a new sub-goal of `parent` ("g3.2") that is in `taken` nowhere: not in
 * the plan, nor among the goals ever assessed (an assessment names its goal by id, so a new goal must
 * not take over an old one's assessments).
 */
export function newGoalId(taken: Set<string>, parent?: GoalForm): string {
  for (let n = 1; ; n++) {
    const id = parent ? `${parent.id}.${n}` : `g${n}`;
    if (id.length > 20) return newGoalId(taken);
    if (!taken.has(id)) return id;
  }
}

/** The id of the input for `field` of the goal, sub-goal or review with `key`. */
export const fieldId = (key: string, field: string) => `plan-${key}-${field}`;
export const drawnUpId = "plan-drawn_up_on";
export const agreedId = "plan-agreed_on";

// The input that shows each field of a goal (the id has none: it names the goal, so the title shows it).
const goalFields: Record<string, string> = {
  id: "title",
  title: "title",
  target_date: "target_date",
  measure_ids: "measure_ids",
  sub_goals: "title",
};
const reviewFields = new Set(["held_on", "kind", "measure_id", "conclusion"]);

/** The input for a field path of the server's (as in the plan `sent`), or null when no input shows it. */
function inputFor(path: string, sent: PlanForm): string | null {
  if (path === "drawn_up_on") return drawnUpId;
  if (path === "agreed_on") return agreedId;
  const goal = path.match(/^goals\[(\d+)\](?:\.sub_goals\[(\d+)\])?\.(\w+)/);
  if (goal) {
    const parent = sent.goals[Number(goal[1])];
    const g = goal[2] === undefined ? parent : parent?.sub_goals[Number(goal[2])];
    return g && goalFields[goal[3]] ? fieldId(g.key, goalFields[goal[3]]) : null;
  }
  const review = path.match(/^reviews\[(\d+)\]\.(\w+)/);
  if (review) {
    const r = sent.reviews[Number(review[1])];
    return r && reviewFields.has(review[2]) ? fieldId(r.key, review[2]) : null;
  }
  return null;
}

/**
 * The server's problem with each field error moved onto its input: `field` becomes the input's id (which
 * stays right however the form changes afterwards); a field no input shows keeps its path.
 */
export function placeErrors(problem: ApiProblem, sent: PlanForm): ApiProblem {
  return new ApiProblem(problem.status, {
    title: problem.title,
    detail: problem.detail,
    errors: problem.errors.map((e) => ({ field: inputFor(e.field, sent) ?? e.field, detail: e.detail })),
  });
}

/** The inputs a problem names (for the error summary's links). */
export function inputsOf(problem: unknown): Record<string, string> {
  if (!(problem instanceof ApiProblem)) return {};
  return Object.fromEntries(problem.errors.filter((e) => e.field.startsWith("plan-")).map((e) => [e.field, e.field]));
}

export type ConflictRow = { label: string; theirs: string; yours: string };

/** How the rows of a plan are named and shown in a comparison. */
export type Describe = {
  drawnUp: string;
  agreed: string;
  goal: (n: number) => string;
  subGoal: (n: number, m: number) => string;
  review: (n: number) => string;
  goalValue: (g: PlanGoal) => string;
  reviewValue: (r: NonNullable<PlanData["reviews"]>[number]) => string;
};

/** Each goal and sub-goal of a plan by id, with its name by position ("Delmål 1.2"). */
function goalsById(data: PlanData, d: Describe): Map<string, { label: string; goal: PlanGoal }> {
  const byId = new Map<string, { label: string; goal: PlanGoal }>();
  (data.goals ?? []).forEach((g, i) => {
    byId.set(g.id, { label: d.goal(i + 1), goal: g });
    (g.sub_goals ?? []).forEach((s, j) => byId.set(s.id, { label: d.subGoal(i + 1, j + 1), goal: s }));
  });
  return byId;
}

/** The rows of two plans, theirs and yours, side by side (a goal by its id; "" where one has none). */
export function conflictRows(theirs: PlanData, yours: PlanData, d: Describe): ConflictRow[] {
  const rows: ConflictRow[] = [
    { label: d.drawnUp, theirs: theirs.drawn_up_on ?? "", yours: yours.drawn_up_on ?? "" },
    { label: d.agreed, theirs: theirs.agreed_on ?? "", yours: yours.agreed_on ?? "" },
  ];
  const mine = goalsById(yours, d);
  const saved = goalsById(theirs, d);
  for (const id of new Set([...mine.keys(), ...saved.keys()])) {
    const y = mine.get(id);
    const s = saved.get(id);
    rows.push({
      label: (y ?? s)!.label,
      theirs: s ? d.goalValue(s.goal) : "",
      yours: y ? d.goalValue(y.goal) : "",
    });
  }
  const reviews = Math.max(theirs.reviews?.length ?? 0, yours.reviews?.length ?? 0);
  for (let i = 0; i < reviews; i++) {
    const s = theirs.reviews?.[i];
    const y = yours.reviews?.[i];
    rows.push({ label: d.review(i + 1), theirs: s ? d.reviewValue(s) : "", yours: y ? d.reviewValue(y) : "" });
  }
  return rows;
}
