// Correcting an occupation entered by hand (one learnt at a contact is corrected through the contact:
// the server answers 422 on contact_id), sent with the version the list showed in If-Match. A 409 shows
// what is saved now beside what was sent, and the saved version can be taken into the form.
import { BodyShort, Checkbox, Select, TextField } from "@navikt/ds-react";
import { useState } from "react";
import type { FieldError } from "../../api/client";
import {
  useCodeList,
  useCorrectOccupation,
  validOn,
  type OccupationData,
  type OccupationRecord,
} from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { FormDialog, useFormDialog } from "../FormDialog";
import { fieldError } from "../Problems";
import { useLabels } from "../labels";
import { RecordConflict } from "../Conflict";

const ids = {
  effective_date: "occupation-date",
  kind: "occupation-kind",
  detail: "occupation-detail",
  source: "occupation-source",
  planned: "occupation-planned",
};

export function CorrectOccupationDialog({
  personId,
  record,
  onClose,
}: {
  personId: number;
  record: OccupationRecord;
  onClose: (corrected: boolean) => void;
}) {
  const t = useT();
  const dialog = useFormDialog<boolean>(onClose, false);
  const correct = useCorrectOccupation(personId);
  const kinds = useCodeList("occupation");
  const sources = useCodeList("occupation_source");
  const kindLabel = useLabels("occupation");
  const sourceLabel = useLabels("occupation_source");
  const [version, setVersion] = useState(record.version);
  const [data, setData] = useState<OccupationData>(record.data);
  const [conflict, setConflict] = useState<{ theirs: OccupationRecord; yours: OccupationData } | null>(null);
  const change = (next: Partial<OccupationData>) => setData((d) => ({ ...d, ...next }));

  const day = /^\d{4}-\d{2}-\d{2}$/.test(data.effective_date) ? data.effective_date : swedishDay();
  const submit = () => {
    if (conflict) return; // take the saved version first: the alert above says so
    const errors: FieldError[] = [
      ...(/^\d{4}-\d{2}-\d{2}$/.test(data.effective_date) ? [] : [{ field: "effective_date", detail: t.dateRequired }]),
      ...(data.kind ? [] : [{ field: "kind", detail: t.occupationKindRequired }]),
    ];
    if (!dialog.check(errors)) return;
    const sent: OccupationData = { ...data, detail: data.detail?.trim() || null, contact_id: record.data.contact_id ?? null };
    correct.mutate(
      { record: record.id, version, data: sent },
      {
        onSuccess: () => dialog.done(true),
        onError: dialog.failed((current) => setConflict({ theirs: current as OccupationRecord, yours: sent })),
      },
    );
  };

  const rows = (theirs: OccupationData, yours: OccupationData) =>
    (
      [
        [t.occupationDate, (d: OccupationData) => d.effective_date],
        [t.occupationKind, (d: OccupationData) => kindLabel(d.kind)],
        [t.occupationDetail, (d: OccupationData) => d.detail ?? ""],
        [t.occupationSource, (d: OccupationData) => sourceLabel(d.source)],
        [t.planned, (d: OccupationData) => (d.planned ? t.yes : t.no)],
      ] as const
    ).map(([label, show]) => ({ label, theirs: show(theirs), yours: show(yours) }));

  return (
    <FormDialog
      dialog={dialog}
      id="correct-occupation"
      heading={t.correctOccupationHeading}
      submitLabel={t.save}
      pending={correct.isPending}
      intro={
        <>
          <BodyShort>{t.correctText}</BodyShort>
          {conflict && (
            <RecordConflict
              rows={rows(conflict.theirs.data, conflict.yours)}
              onTakeTheirs={() => {
                setVersion(conflict.theirs.version);
                setData(conflict.theirs.data);
                setConflict(null);
              }}
            />
          )}
        </>
      }
      fieldIds={ids}
      onSubmit={submit}
    >
      <TextField
        id={ids.effective_date}
        label={t.occupationDate}
        description={t.contactDateHint}
        value={data.effective_date}
        onChange={(e) => change({ effective_date: e.target.value })}
        inputMode="numeric"
        autoComplete="off"
        htmlSize={12}
        error={fieldError(dialog.problem, "effective_date")}
      />
      <Select
        id={ids.kind}
        label={t.occupationKind}
        value={data.kind}
        onChange={(e) => change({ kind: e.target.value })}
        error={fieldError(dialog.problem, "kind")}
      >
        {validOn(kinds.data ?? [], day).map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
        {!validOn(kinds.data ?? [], day).some((c) => c.code === data.kind) && (
          <option value={data.kind}>{kindLabel(data.kind)}</option>
        )}
      </Select>
      <TextField
        id={ids.detail}
        label={t.occupationDetail}
        description={t.occupationDetailHint}
        value={data.detail ?? ""}
        onChange={(e) => change({ detail: e.target.value })}
        maxLength={500}
        error={fieldError(dialog.problem, "detail")}
      />
      <Select
        id={ids.source}
        label={t.occupationSource}
        value={data.source}
        onChange={(e) => change({ source: e.target.value })}
        error={fieldError(dialog.problem, "source")}
      >
        {validOn(sources.data ?? [], day).map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
        {!validOn(sources.data ?? [], day).some((c) => c.code === data.source) && (
          <option value={data.source}>{sourceLabel(data.source)}</option>
        )}
      </Select>
      <Checkbox
        id={ids.planned}
        checked={data.planned ?? false}
        onChange={(e) => change({ planned: e.target.checked })}
        error={!!fieldError(dialog.problem, "planned")}
      >
        {t.occupationPlanned}
      </Checkbox>
    </FormDialog>
  );
}
