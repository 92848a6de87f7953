// A plan as the user reads it: each goal and its sub-goals with the target date, the measures that
// serve it (who is responsible, the dates, the planned follow-up and evaluation) and the latest
// assessment; then the follow-ups and evaluations held. The current plan, an earlier version of it and
// a plan of an earlier registration are all shown so (the current one with a button to assess each goal).
import { BodyShort, Button, Heading, Table, Tag } from "@navikt/ds-react";
import type { MouseEvent, ReactNode } from "react";
import type { AssessmentRecord, MeasureRecord, PlanData, PlanGoal } from "../../api/queries";
import type { Messages } from "../../messages";
import { useT } from "../../i18n";
import type { GoalChoice } from "./AssessmentDialog";
import { useLabels } from "../labels";
import { useFirstFew } from "./common";

/** Every goal and sub-goal of a plan, named by its place ("Delmål 1.2: Praktik fyra veckor"). */
export function goalChoices(data: PlanData, t: Messages): GoalChoice[] {
  return (data.goals ?? []).flatMap((g, i) => [
    { id: g.id, label: `${t.plan.goal(i + 1)}: ${g.title}` },
    ...(g.sub_goals ?? []).map((s, j) => ({ id: s.id, label: `${t.plan.subGoal(i + 1, j + 1)}: ${s.title}` })),
  ]);
}

const resultVariant = { achieved: "success", partly: "warning", not_achieved: "error" } as const;

/** An assessment's result as a tag with its words (not by colour alone), its day and comment. */
export function AssessmentResult({ assessment, dated = true }: { assessment: AssessmentRecord; dated?: boolean }) {
  const d = assessment.data;
  return (
    <span className="plan-result">
      <Tag size="small" variant={resultVariant[d.result]}>
        {assessment.labels.result ?? d.result}
      </Tag>{" "}
      {[dated ? d.assessed_on : "", d.comment ?? ""].filter(Boolean).join(": ")}
    </span>
  );
}

/** One measure as a line: what it is, who is responsible, its dates. */
export function MeasureLine({ measure }: { measure: MeasureRecord }) {
  const t = useT();
  const d = measure.data;
  const when = [
    d.planned_start && !d.start ? t.measures.planned(d.planned_start) : "",
    d.start ? `${t.measures.colStart.toLowerCase()} ${d.start}` : "",
    d.end ? `${t.measures.colEnd.toLowerCase()} ${d.end}${measure.labels.end_reason ? ` (${measure.labels.end_reason})` : ""}` : "",
    d.follow_up ? `${t.measures.followUp.toLowerCase()} ${d.follow_up}` : "",
    d.evaluation ? `${t.measures.evaluation.toLowerCase()} ${d.evaluation}` : "",
    d.declined ? t.measures.declined(d.declined) : "",
  ].filter(Boolean);
  return (
    <>
      <strong>{d.content}</strong> ({measure.labels.type ?? d.type}). {t.measures.colResponsible}:{" "}
      {[measure.labels.responsible ?? d.responsible, d.partner].filter(Boolean).join(": ")}
      {when.length > 0 ? `. ${when.join(", ")}.` : "."}
    </>
  );
}

export function PlanView({
  data,
  measures,
  latest,
  onAssess,
  reviewLabels,
}: {
  data: PlanData;
  measures: MeasureRecord[];
  /** The latest assessment of a goal, for the current plan. */
  latest?: (goalId: string) => AssessmentRecord | undefined;
  onAssess?: (goal: GoalChoice, trigger: HTMLButtonElement) => void;
  /** The labels of the reviews' kinds, in order (a record's labels.reviews); else from the code list. */
  reviewLabels?: { kind: string }[];
}) {
  const t = useT();
  const kindLabel = useLabels("review_kind");
  const byId = new Map(measures.map((m) => [m.id, m]));
  const measureName = (id: number | null | undefined) => {
    if (id == null) return "";
    const m = byId.get(id);
    return m ? m.data.content : t.plan.voidedMeasure(id);
  };
  const goal = (g: PlanGoal, name: string, sub: boolean, subGoals: ReactNode[] = []) => {
    const assessed = latest?.(g.id);
    const label = `${name}: ${g.title}`;
    return (
      <li key={g.id} className="plan-goal">
        <Heading level={sub ? "4" : "3"} size="xsmall">
          {label}
        </Heading>
        <dl className="plan-facts">
          <div>
            <dt>{t.plan.targetDate}</dt>
            <dd>{g.target_date ?? <span className="subtle">{t.plan.noTargetDate}</span>}</dd>
          </div>
          {latest && (
            <div>
              <dt>{t.plan.latest}</dt>
              <dd>{assessed ? <AssessmentResult assessment={assessed} /> : <span className="subtle">{t.plan.notAssessed}</span>}</dd>
            </div>
          )}
          <div>
            <dt>{t.plan.goalMeasures}</dt>
            <dd>
              {(g.measure_ids ?? []).length === 0 ? (
                <span className="subtle">{t.plan.noGoalMeasures}</span>
              ) : (
                <ul className="plan-measures">
                  {(g.measure_ids ?? []).map((id) => {
                    const m = byId.get(id);
                    return <li key={id}>{m ? <MeasureLine measure={m} /> : t.plan.voidedMeasure(id)}</li>;
                  })}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        {onAssess && (
          <Button
            type="button"
            size="xsmall"
            variant="secondary"
            aria-label={t.plan.assessLabel(label)}
            onClick={(e: MouseEvent<HTMLButtonElement>) => onAssess({ id: g.id, label }, e.currentTarget)}
          >
            {t.plan.assess}
          </Button>
        )}
        {subGoals.length > 0 && <ol className="plan-goals plan-sub-goals">{subGoals}</ol>}
      </li>
    );
  };
  const all = [...(data.reviews ?? [])].map((r, i) => ({ ...r, label: reviewLabels?.[i]?.kind || kindLabel(r.kind) })).reverse();
  const { shown: reviews, toggle } = useFirstFew(all);
  return (
    <>
      {(data.goals ?? []).length === 0 ? (
        <BodyShort spacing>{t.plan.noGoals}</BodyShort>
      ) : (
        <ol className="plan-goals">
          {(data.goals ?? []).map((g, i) =>
            goal(
              g,
              t.plan.goal(i + 1),
              false,
              (g.sub_goals ?? []).map((s, j) => goal(s, t.plan.subGoal(i + 1, j + 1), true)),
            ),
          )}
        </ol>
      )}
      <Heading level="3" size="xsmall" spacing>
        {t.plan.reviewsHeading}
      </Heading>
      {all.length === 0 ? (
        <BodyShort spacing>{t.plan.noReviews}</BodyShort>
      ) : (
        <Table size="small" className="plan-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.plan.colHeldOn}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.plan.colKind}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.plan.colMeasure}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.plan.colConclusion}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {reviews.map((r, i) => (
              <Table.Row key={i}>
                <Table.DataCell className="nowrap">{r.held_on}</Table.DataCell>
                <Table.DataCell>{r.label}</Table.DataCell>
                <Table.DataCell>{measureName(r.measure_id)}</Table.DataCell>
                <Table.DataCell>{r.conclusion}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {toggle}
    </>
  );
}
