// The follow-ups and evaluations planned for a registration's measures, and whether the plan records each
// as held: the rule that takes a measure off the worklist Uppföljning (docs/casework.md), said once here for
// the person's page and the plan editor.
import type { MeasureRecord } from "../../api/queries";
import { daysBetween } from "../../format";
import type { ReviewKind } from "./planForm";

type HeldReview = { held_on: string; kind: string; measure_id?: number | string | null };

/** A follow-up or evaluation planned for a measure under way, with the review that held it, if any. */
export type PlannedReview = { measure: MeasureRecord; kind: ReviewKind; date: string; heldOn: string | null };

/** Held counts only a review of the same kind that names the measure, held at most a week before the date. */
function held(reviews: HeldReview[], measureId: number, kind: ReviewKind, date: string): string | null {
  const found = reviews
    .filter((r) => r.kind === kind && Number(r.measure_id) === measureId && r.held_on && daysBetween(date, r.held_on) >= -7)
    .map((r) => r.held_on)
    .sort();
  return found[0] ?? null;
}

/** Every follow-up and evaluation planned for the measures not ended, soonest first. */
export function plannedReviews(measures: MeasureRecord[], reviews: HeldReview[]): PlannedReview[] {
  return measures
    .filter((m) => !m.data.end)
    .flatMap((m) =>
      (["follow_up", "evaluation"] as const).flatMap((kind) => {
        const date = m.data[kind];
        return date ? [{ measure: m, kind, date, heldOn: held(reviews, m.id, kind, date) }] : [];
      }),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The review a caseworker most likely holds on `today`: the soonest planned one not held that is due within
 * a week (the worklist's window), or null. */
export function dueReview(planned: PlannedReview[], today: string): PlannedReview | null {
  return planned.find((p) => !p.heldOn && daysBetween(today, p.date) <= 7) ?? null;
}
