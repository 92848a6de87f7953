import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client";
import { conflictRows, fieldId, newGoalId, placeErrors, planData, planForm, type Describe } from "./planForm";

const plan = {
  drawn_up_on: "2025-01-10",
  agreed_on: null,
  goals: [
    { id: "g1", title: "Studier", target_date: null, measure_ids: [3], sub_goals: [{ id: "g1.1", title: "Besök", target_date: null, measure_ids: [], sub_goals: [] }] },
    { id: "g2", title: "Arbete", target_date: "2025-06-01", measure_ids: [], sub_goals: [] },
  ],
  reviews: [{ held_on: "2025-02-01", kind: "follow_up" as const, measure_id: 3, conclusion: "Bra" }],
};

describe("the plan form", () => {
  it("gives back the plan as GET answered it", () => {
    expect(planData(planForm(plan))).toEqual(plan);
  });

  it("places each of the server's field paths on the input of that goal, sub-goal or review", () => {
    const form = planForm(plan);
    const problem = new ApiProblem(422, {
      errors: [
        { field: "goals[0].sub_goals[0].title", detail: "a" },
        { field: "goals[1].target_date", detail: "b" },
        { field: "goals[0].measure_ids", detail: "c" },
        { field: "reviews[0].measure_id", detail: "d" },
        { field: "agreed_on", detail: "e" },
        { field: "goals", detail: "f" },
      ],
    });
    expect(placeErrors(problem, form).errors.map((e) => e.field)).toEqual([
      fieldId(form.goals[0].sub_goals[0].key, "title"),
      fieldId(form.goals[1].key, "target_date"),
      fieldId(form.goals[0].key, "measure_ids"),
      fieldId(form.reviews[0].key, "measure_id"),
      "plan-agreed_on",
      "goals",
    ]);
  });

  it("never gives a new goal an id the plan or an assessment has used", () => {
    const form = planForm(plan);
    expect(newGoalId(new Set(["g1", "g1.1", "g2", "g3"]))).toBe("g4");
    expect(newGoalId(new Set(["g1", "g1.1", "g1.2"]), form.goals[0])).toBe("g1.3");
  });

  it("compares two plans goal by goal, by id", () => {
    const d: Describe = {
      drawnUp: "Upprättad", agreed: "Godkänd", goal: (n) => `Mål ${n}`, subGoal: (n, m) => `Delmål ${n}.${m}`,
      review: (n) => `Uppföljning ${n}`, goalValue: (g) => g.title, reviewValue: (r) => r.conclusion,
    };
    const theirs = { ...plan, goals: [plan.goals[1]] };
    const rows = conflictRows(theirs, plan, d).filter((r) => r.theirs !== r.yours);
    expect(rows).toEqual([
      { label: "Mål 1", theirs: "", yours: "Studier" },
      { label: "Delmål 1.1", theirs: "", yours: "Besök" },
    ]);
  });
});
