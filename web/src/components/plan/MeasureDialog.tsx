// Adding a measure, or correcting one (PUT with the version it was read at in If-Match): its kind (the
// codes valid on its start), content, who is responsible (the young person, the municipality or another
// actor, named), the dates it was planned to start, started and ended (with the reason it ended, only
// with an end), the planned follow-up and evaluation, and the day the young person declined it. The
// form's own checks and the server's 422 beside the fields and in the summary; a 409 shows what is
// saved now beside what was typed and can take the saved version into the form.
import { BodyShort, Button, Radio, RadioGroup, Select, TextField, Textarea } from "@navikt/ds-react";
import { useState } from "react";
import type { FieldError } from "../../api/client";
import {
  useCodeList,
  useSaveMeasure,
  validOn,
  type Editing,
  type MeasureData,
  type MeasureRecord,
} from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { fieldError } from "../Problems";
import { Conflict } from "../Conflict";
import { useLabels } from "../labels";

const dateFields = ["planned_start", "start", "end", "follow_up", "evaluation", "declined"] as const;
type DateField = (typeof dateFields)[number];
type Form = Record<DateField | "type" | "content" | "responsible" | "partner" | "end_reason", string>;

const ids: Record<keyof Form, string> = {
  type: "measure-type",
  content: "measure-content",
  responsible: "measure-responsible",
  partner: "measure-partner",
  planned_start: "measure-planned-start",
  start: "measure-start",
  end: "measure-end",
  end_reason: "measure-end-reason",
  follow_up: "measure-follow-up",
  evaluation: "measure-evaluation",
  declined: "measure-declined",
};

function formOf(d: MeasureData | null): Form {
  return {
    type: d?.type ?? "",
    content: d?.content ?? "",
    responsible: d?.responsible ?? "",
    partner: d?.partner ?? "",
    planned_start: d?.planned_start ?? "",
    start: d?.start ?? (d ? "" : swedishDay()),
    end: d?.end ?? "",
    end_reason: d?.end_reason ?? "",
    follow_up: d?.follow_up ?? "",
    evaluation: d?.evaluation ?? "",
    declined: d?.declined ?? "",
  };
}

function dataOf(f: Form): MeasureData {
  const orNull = (v: string) => v.trim() || null;
  return {
    type: f.type,
    content: f.content.trim(),
    responsible: f.responsible as MeasureData["responsible"],
    partner: f.responsible === "other_actor" ? orNull(f.partner) : null,
    planned_start: orNull(f.planned_start),
    start: orNull(f.start),
    end: orNull(f.end),
    end_reason: f.end.trim() ? orNull(f.end_reason) : null,
    follow_up: orNull(f.follow_up),
    evaluation: orNull(f.evaluation),
    declined: orNull(f.declined),
  };
}

/**
 * The dialog; `record` to correct one, none to add one (in the open registration). `onClose` gets the
 * measure as saved, or null.
 */
export function MeasureDialog({
  personId,
  record,
  onClose,
}: {
  personId: number;
  record?: MeasureRecord;
  onClose: (saved: MeasureRecord | null) => void;
}) {
  const t = useT();
  const m = t.measures;
  const dialog = useFormDialog<MeasureRecord | null>(onClose, null);
  const types = useCodeList("measure_type");
  const endReasons = useCodeList("measure_end_reason");
  const responsibles = useCodeList("measure_responsible");
  const typeLabel = useLabels("measure_type");
  const endReasonLabel = useLabels("measure_end_reason");
  const responsibleLabel = useLabels("measure_responsible");
  const save = useSaveMeasure(personId);
  const [form, setForm] = useState<Form>(() => formOf(record?.data ?? null));
  const [editing, setEditing] = useState<Editing>(record ? { id: record.id, version: record.version } : null);
  const [theirs, setTheirs] = useState<MeasureRecord | null>(null);
  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const day = [form.start, form.planned_start].find(isDay) ?? swedishDay();
  const typeCodes = validOn(types.data ?? [], day);
  const endReasonCodes = validOn(endReasons.data ?? [], isDay(form.end) ? form.end : day);
  const other = form.responsible === "other_actor";
  const ended = form.end.trim() !== "";

  const submit = () => {
    const errors: FieldError[] = [
      ...(form.type ? [] : [{ field: "type", detail: m.typeRequired }]),
      ...(form.content.trim() ? [] : [{ field: "content", detail: m.contentRequired }]),
      ...(form.responsible ? [] : [{ field: "responsible", detail: m.responsibleRequired }]),
      ...dateFields.filter((f) => form[f].trim() && !isDay(form[f].trim())).map((f) => ({ field: f, detail: t.dateRequired })),
    ];
    if (!dialog.check(errors)) return;
    save.mutate(
      { editing, data: dataOf(form) },
      { onSuccess: dialog.done, onError: dialog.failed((current) => setTheirs(current as MeasureRecord)) },
    );
  };

  const takeTheirs = () => {
    if (!theirs) return;
    setForm(formOf(theirs.data));
    setEditing({ id: theirs.id, version: theirs.version });
    setTheirs(null);
    document.getElementById(ids.type)?.focus();
  };

  const shownRows = (d: MeasureData) => ({
    type: typeLabel(d.type),
    content: d.content,
    responsible: [responsibleLabel(d.responsible), d.partner].filter(Boolean).join(": "),
    planned_start: d.planned_start ?? "",
    start: d.start ?? "",
    end: d.end ?? "",
    end_reason: endReasonLabel(d.end_reason),
    follow_up: d.follow_up ?? "",
    evaluation: d.evaluation ?? "",
    declined: d.declined ?? "",
  });
  const labels: Record<keyof Form, string> = {
    type: m.type,
    content: m.content,
    responsible: m.responsible,
    partner: m.partner,
    planned_start: m.plannedStart,
    start: m.start,
    end: m.end,
    end_reason: m.endReason,
    follow_up: m.followUp,
    evaluation: m.evaluation,
    declined: m.declinedOn,
  };
  const conflictRows = theirs
    ? Object.entries(shownRows(theirs.data)).map(([field, value]) => ({
        label: labels[field as keyof Form],
        theirs: value,
        yours: shownRows(dataOf(form))[field as keyof ReturnType<typeof shownRows>],
      }))
    : [];

  const fieldIds: Record<string, string> = { ...ids };
  if (!other) delete fieldIds.partner;
  if (!ended) delete fieldIds.end_reason;
  // What has happened (started, ended, declined) is not in the future; what is planned may be.
  const dateField = (field: DateField, label: string) => (
    <TextField
      id={ids[field]}
      label={label}
      description={field === "start" ? t.plan.startDateHint : ["end", "declined"].includes(field) ? t.plan.pastDateHint : t.plan.optionalDateHint}
      value={form[field]}
      onChange={(e) => set(field)(e.target.value)}
      autoComplete="off"
      htmlSize={12}
      error={fieldError(dialog.problem, field)}
    />
  );

  return (
    <FormDialog
      dialog={dialog}
      id="measure-form"
      heading={record ? m.headingCorrect : m.headingNew}
      submitLabel={t.save}
      pending={save.isPending}
      loadError={types.error ?? endReasons.error ?? responsibles.error}
      intro={
        <>
          {record && <BodyShort>{m.correctText}</BodyShort>}
          {theirs && (
            <Conflict heading={t.recordConflictHeading} text={t.recordConflictText} rows={conflictRows} empty={t.plan.absent}>
              <Button type="button" size="small" variant="secondary" onClick={takeTheirs}>
                {t.takeTheirs}
              </Button>
            </Conflict>
          )}
        </>
      }
      fieldIds={fieldIds}
      onSubmit={submit}
    >
      <Select
        id={ids.type}
        label={m.type}
        value={form.type}
        onChange={(e) => set("type")(e.target.value)}
        error={fieldError(dialog.problem, "type")}
      >
        <option value="">{m.choose}</option>
        {form.type && !typeCodes.some((c) => c.code === form.type) && <option value={form.type}>{typeLabel(form.type)}</option>}
        {typeCodes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </Select>
      <Textarea
        id={ids.content}
        label={m.content}
        description={m.contentHint}
        value={form.content}
        onChange={(e) => set("content")(e.target.value)}
        maxLength={500}
        minRows={2}
        error={fieldError(dialog.problem, "content")}
      />
      <RadioGroup
        id={ids.responsible}
        legend={m.responsible}
        value={form.responsible}
        onChange={set("responsible")}
        error={fieldError(dialog.problem, "responsible")}
      >
        {(responsibles.data ?? []).map((c) => (
          <Radio key={c.code} value={c.code}>
            {c.label}
          </Radio>
        ))}
      </RadioGroup>
      {other && (
        <TextField
          id={ids.partner}
          label={m.partner}
          description={m.partnerHint}
          value={form.partner}
          onChange={(e) => set("partner")(e.target.value)}
          maxLength={500}
          error={fieldError(dialog.problem, "partner")}
        />
      )}
      <div className="plan-dates">
        {dateField("planned_start", m.plannedStart)}
        {dateField("start", m.start)}
        {dateField("end", m.end)}
      </div>
      {ended && (
        <Select
          id={ids.end_reason}
          label={m.endReason}
          value={form.end_reason}
          onChange={(e) => set("end_reason")(e.target.value)}
          error={fieldError(dialog.problem, "end_reason")}
        >
          <option value="">{m.choose}</option>
          {endReasonCodes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </Select>
      )}
      <div className="plan-dates">
        {dateField("follow_up", m.followUp)}
        {dateField("evaluation", m.evaluation)}
        {dateField("declined", m.declinedOn)}
      </div>
    </FormDialog>
  );
}
