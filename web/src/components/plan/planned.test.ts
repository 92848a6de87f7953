import { describe, expect, it } from "vitest";
import type { MeasureRecord } from "../../api/queries";
import { measure } from "../../test/planFixtures";
import { dueReview, plannedReviews } from "./planned";

const m = measure as unknown as MeasureRecord; // follow-up planned 2025-03-01

describe("planned follow-ups", () => {
  it("counts a review as holding the follow-up only when it names the measure, is of its kind and was held at most a week before", () => {
    const held = (review: { held_on: string; kind: string; measure_id: number | null }) => plannedReviews([m], [review])[0].heldOn;
    expect(held({ held_on: "2025-02-22", kind: "follow_up", measure_id: 31 })).toBe("2025-02-22");
    expect(held({ held_on: "2025-03-20", kind: "follow_up", measure_id: 31 })).toBe("2025-03-20");
    expect(held({ held_on: "2025-02-21", kind: "follow_up", measure_id: 31 })).toBeNull();
    expect(held({ held_on: "2025-03-01", kind: "follow_up", measure_id: null })).toBeNull();
    expect(held({ held_on: "2025-03-01", kind: "evaluation", measure_id: 31 })).toBeNull();
  });

  it("offers the soonest follow-up not held that is due within a week, and none for an ended measure", () => {
    const planned = plannedReviews([m], []);
    expect(dueReview(planned, "2025-02-22")?.measure.id).toBe(31);
    expect(dueReview(planned, "2025-02-21")).toBeNull();
    expect(dueReview(plannedReviews([m], [{ held_on: "2025-03-01", kind: "follow_up", measure_id: 31 }]), "2025-03-02")).toBeNull();
    const ended = { ...m, data: { ...m.data, end: "2025-02-15" } };
    expect(plannedReviews([ended], [])).toEqual([]);
  });
});
