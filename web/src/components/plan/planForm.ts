// The plan editor's form, apart from React: the plan as the form holds it (every goal, sub-goal and
// review with a key of its own, so that a field keeps its identity when others are added or removed),
// to and from the API's Plan; new goal ids; the server's field paths (goals[1].sub_goals[0].title) placed
// on the fields they name; and, for a 409, the user's changes put on the plan saved meanwhile (a
// three-way merge over the plan as loaded) and the rows of what the user changed beside what is saved.
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
export type ReviewKind = "follow_up" | "evaluation";
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
export function newGoalId(taken: Set<string>, parent?: { id: string }): string {
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

type Review = NonNullable<PlanData["reviews"]>[number];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Yours where you changed it from the plan as loaded, else what is saved. */
const pick = <T>(base: T, mine: T, theirs: T): T => (same(mine, base) ? theirs : mine);
/** `list` less one of each in `less` (reviews have no id: one is told from another by its content). */
function without(list: Review[], less: Review[]): Review[] {
  const left = [...less];
  return list.filter((r) => {
    const i = left.findIndex((l) => same(l, r));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * The goals (or one goal's sub-goals) merged by id: a goal both keep has each field from `pick`; a goal
 * you removed is gone (your change, though they changed it); one they removed is gone unless you changed
 * it; a goal either added is there (theirs in their order, yours after them). Your new goal whose id the saved plan has given another new goal takes an id
 * not in `taken` (which it then joins), its sub-goals too.
 */
function mergeGoals(base: PlanGoal[], mine: PlanGoal[], theirs: PlanGoal[], taken: Set<string>, parent?: string): PlanGoal[] {
  const inBase = new Map(base.map((g) => [g.id, g]));
  const inMine = new Map(mine.map((g) => [g.id, g]));
  const inTheirs = new Map(theirs.map((g) => [g.id, g]));
  const merged: PlanGoal[] = [];
  for (const t of theirs) {
    const b = inBase.get(t.id);
    const m = inMine.get(t.id);
    if (!b) merged.push(t);
    else if (m)
      merged.push({
        id: t.id,
        title: pick(b.title, m.title, t.title),
        target_date: pick(b.target_date, m.target_date, t.target_date),
        measure_ids: pick(b.measure_ids, m.measure_ids, t.measure_ids),
        sub_goals: mergeGoals(b.sub_goals ?? [], m.sub_goals ?? [], t.sub_goals ?? [], taken, t.id),
      });
  }
  for (const m of mine) {
    const b = inBase.get(m.id);
    if (b && (inTheirs.has(m.id) || same(m, b))) continue;
    if (b || !inTheirs.has(m.id)) merged.push(m);
    else merged.push(renamed(m, taken, parent));
  }
  return merged;
}

function renamed(goal: PlanGoal, taken: Set<string>, parent?: string): PlanGoal {
  const id = newGoalId(taken, parent === undefined ? undefined : { id: parent });
  taken.add(id);
  return { ...goal, id, sub_goals: (goal.sub_goals ?? []).map((s) => renamed(s, taken, id)) };
}

/** A plan as the form gives it back (trimmed, every field there), so that equal plans compare equal. */
const normal = (data: PlanData) => planData(planForm(data));
const goalIdsIn = (goals: PlanGoal[]): string[] => goals.flatMap((g) => [g.id, ...goalIdsIn(g.sub_goals ?? [])]);

/**
 * Your changes (`yours` against `loaded`, the plan as you loaded it) put on `saved`, the plan saved
 * meanwhile: where you changed something, yours; everywhere else, theirs. Reviews, which have no id, are
 * theirs less those you removed, and then those you added. `assessed` are the goal ids assessments name.
 */
export function mergePlans(loaded: PlanData, yours: PlanData, saved: PlanData, assessed: string[] = []): PlanData {
  const [base, mine, theirs] = [loaded, yours, saved].map(normal);
  const taken = new Set([base, mine, theirs].flatMap((p) => goalIdsIn(p.goals ?? [])).concat(assessed));
  const [b, m, t] = [base.reviews ?? [], mine.reviews ?? [], theirs.reviews ?? []];
  return {
    drawn_up_on: pick(base.drawn_up_on, mine.drawn_up_on, theirs.drawn_up_on),
    agreed_on: pick(base.agreed_on, mine.agreed_on, theirs.agreed_on),
    goals: mergeGoals(base.goals ?? [], mine.goals ?? [], theirs.goals ?? [], taken),
    reviews: [...without(t, without(b, m)), ...without(without(m, b), t)],
  };
}

/**
 * What you changed (`yours` against `loaded`, the plan as you loaded it), each beside what is saved now
 * (`saved`): the dates, each goal and sub-goal (by id) you changed, added or removed (and what they added
 * to a goal you removed), and each review you added or removed; "" where a side has none. Empty when you changed nothing.
 */
export function changedRows(loaded: PlanData, yours: PlanData, saved: PlanData, d: Describe): ConflictRow[] {
  const [base, mine, theirs] = [loaded, yours, saved].map(normal);
  const rows: ConflictRow[] = [];
  if (base.drawn_up_on !== mine.drawn_up_on)
    rows.push({ label: d.drawnUp, theirs: theirs.drawn_up_on ?? "", yours: mine.drawn_up_on ?? "" });
  if (base.agreed_on !== mine.agreed_on) rows.push({ label: d.agreed, theirs: theirs.agreed_on ?? "", yours: mine.agreed_on ?? "" });
  const [b, m, t] = [goalsById(base, d), goalsById(mine, d), goalsById(theirs, d)];
  const value = (g?: { goal: PlanGoal }) => (g ? d.goalValue(g.goal) : "");
  for (const id of new Set([...m.keys(), ...b.keys()])) {
    if (value(b.get(id)) !== value(m.get(id)))
      rows.push({ label: (m.get(id) ?? b.get(id))!.label, theirs: value(t.get(id)), yours: value(m.get(id)) });
  }
  // What they added that goes with a goal you removed (their new sub-goal in it) is shown as going too.
  const kept = goalsById(mergePlans(loaded, yours, saved), d);
  for (const [id, g] of t) if (!b.has(id) && !kept.has(id)) rows.push({ label: g.label, theirs: value(g), yours: "" });
  const [br, mr, tr] = [base.reviews ?? [], mine.reviews ?? [], theirs.reviews ?? []];
  const removed = without(br, mr);
  removed.forEach((r) => {
    const kept = without([r], tr).length === 0;
    rows.push({ label: d.review(br.indexOf(r) + 1), theirs: kept ? d.reviewValue(r) : "", yours: "" });
  });
  without(mr, br).forEach((r) => rows.push({ label: d.review(mr.indexOf(r) + 1), theirs: "", yours: d.reviewValue(r) }));
  return rows;
}
