// Assessing how far the young person has come towards a goal or sub-goal of the current plan (achieved,
// partly, not achieved; the day; a short comment), or correcting an assessment with the version it was
// read at in If-Match. The form's checks and the server's 422 beside the fields and in the summary; a
// 409 shows what is saved now beside what was typed and can take the saved version into the form.
import { Button, Radio, RadioGroup, Select, TextField, Textarea } from "@navikt/ds-react";
import { useState } from "react";
import type { FieldError } from "../../api/client";
import {
  useCodeList,
  useSaveAssessment,
  type AssessmentData,
  type AssessmentRecord,
  type Editing,
} from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { fieldError } from "../Problems";
import { Conflict } from "../Conflict";
import { useLabels } from "../labels";

const ids = {
  goal_id: "assessment-goal",
  assessed_on: "assessment-date",
  result: "assessment-result",
  comment: "assessment-comment",
};

type Form = { goal_id: string; assessed_on: string; result: string; comment: string };
const formOf = (d: AssessmentData): Form => ({
  goal_id: d.goal_id,
  assessed_on: d.assessed_on,
  result: d.result,
  comment: d.comment ?? "",
});

/** A goal or sub-goal the user may choose, named as the plan shows it ("Delmål 1.2: Praktik"). */
export type GoalChoice = { id: string; label: string };

/**
 * The dialog: `goalId` preselects a goal for a new assessment, `record` corrects one. `onClose` gets the
 * assessment as saved, or null.
 */
export function AssessmentDialog({
  personId,
  goals,
  goalId,
  record,
  onClose,
}: {
  personId: number;
  goals: GoalChoice[];
  goalId?: string;
  record?: AssessmentRecord;
  onClose: (saved: AssessmentRecord | null) => void;
}) {
  const t = useT();
  const a = t.assessment;
  const dialog = useFormDialog<AssessmentRecord | null>(onClose, null);
  const results = useCodeList("goal_result");
  const resultLabel = useLabels("goal_result");
  const save = useSaveAssessment(personId);
  const [form, setForm] = useState<Form>(() =>
    record ? formOf(record.data) : { goal_id: goalId ?? "", assessed_on: swedishDay(), result: "", comment: "" },
  );
  const [editing, setEditing] = useState<Editing>(record ? { id: record.id, version: record.version } : null);
  const [theirs, setTheirs] = useState<AssessmentRecord | null>(null);
  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const goalName = (id: string) => goals.find((g) => g.id === id)?.label ?? a.unknownGoal(id);

  const submit = () => {
    const errors: FieldError[] = [
      ...(form.goal_id ? [] : [{ field: "goal_id", detail: a.goalRequired }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(form.assessed_on.trim()) ? [] : [{ field: "assessed_on", detail: t.dateRequired }]),
      ...(form.result ? [] : [{ field: "result", detail: a.resultRequired }]),
    ];
    if (!dialog.check(errors)) return;
    const data: AssessmentData = {
      goal_id: form.goal_id,
      assessed_on: form.assessed_on.trim(),
      result: form.result as AssessmentData["result"],
      comment: form.comment.trim() || null,
    };
    save.mutate(
      { editing, data },
      { onSuccess: dialog.done, onError: dialog.failed((current) => setTheirs(current as AssessmentRecord)) },
    );
  };

  const takeTheirs = () => {
    if (!theirs) return;
    setForm(formOf(theirs.data));
    setEditing({ id: theirs.id, version: theirs.version });
    setTheirs(null);
    document.getElementById(ids.assessed_on)?.focus();
  };

  // A goal no longer in the plan (a correction of an old assessment) is still offered, by its id.
  const choices = form.goal_id && !goals.some((g) => g.id === form.goal_id) ? [...goals, { id: form.goal_id, label: goalName(form.goal_id) }] : goals;
  return (
    <FormDialog
      dialog={dialog}
      id="assessment-form"
      heading={record ? a.headingCorrect : a.heading}
      submitLabel={t.save}
      pending={save.isPending}
      loadError={results.error}
      intro={
        theirs && (
          <Conflict
            heading={t.recordConflictHeading}
            text={t.recordConflictText}
            empty={t.plan.absent}
            rows={[
              { label: a.goal, theirs: goalName(theirs.data.goal_id), yours: goalName(form.goal_id) },
              { label: a.assessedOn, theirs: theirs.data.assessed_on, yours: form.assessed_on.trim() },
              { label: a.result, theirs: resultLabel(theirs.data.result), yours: resultLabel(form.result) },
              { label: a.comment, theirs: theirs.data.comment ?? "", yours: form.comment.trim() },
            ]}
          >
            <Button type="button" size="small" variant="secondary" onClick={takeTheirs}>
              {t.takeTheirs}
            </Button>
          </Conflict>
        )
      }
      fieldIds={ids}
      onSubmit={submit}
    >
      <Select
        id={ids.goal_id}
        label={a.goal}
        value={form.goal_id}
        onChange={(e) => set("goal_id")(e.target.value)}
        error={fieldError(dialog.problem, "goal_id")}
      >
        <option value="">{t.measures.choose}</option>
        {choices.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label}
          </option>
        ))}
      </Select>
      <TextField
        id={ids.assessed_on}
        label={a.assessedOn}
        description={t.plan.dateHint}
        value={form.assessed_on}
        onChange={(e) => set("assessed_on")(e.target.value)}
        autoComplete="off"
        htmlSize={12}
        error={fieldError(dialog.problem, "assessed_on")}
      />
      <RadioGroup
        id={ids.result}
        legend={a.result}
        value={form.result}
        onChange={set("result")}
        error={fieldError(dialog.problem, "result")}
      >
        {(results.data ?? []).map((c) => (
          <Radio key={c.code} value={c.code}>
            {c.label}
          </Radio>
        ))}
      </RadioGroup>
      <Textarea
        id={ids.comment}
        label={a.comment}
        description={a.commentHint}
        value={form.comment}
        onChange={(e) => set("comment")(e.target.value)}
        maxLength={500}
        minRows={2}
        error={fieldError(dialog.problem, "comment")}
      />
    </FormDialog>
  );
}
