// Running identification from the uploaded register extracts, dry run first: the three files, the date,
// the municipality and the encoding; "Provkör" sends them with dry_run=true and shows who would be
// registered and deregistered and why (ChangesList). "Genomför körningen" sends the same files again with
// dry_run=false, offered only while nothing has changed since the dry run. A run that ends a large share
// of the register (the dry run's `large_change`, or the server's 422 on `confirm_large_change`) needs
// the box "Jag har kontrollerat …" ticked, which sends confirm_large_change=true. The files' problems
// (a 422 of "file:line: reason" lines) are listed with their count (RunProblems).
import { Alert, BodyShort, Button, Checkbox, ErrorMessage, Heading, Label, Radio, RadioGroup, TextField, VStack } from "@navikt/ds-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiProblem, type FieldError } from "../../api/client";
import { useRunIdentification, type IdentificationSummary, type IdentificationUpload } from "../../api/queries";
import { swedishDay } from "../../format";
import { useT } from "../../i18n";
import { fieldError } from "../Problems";
import { ChangesList, RunCounts } from "./ChangesList";
import { RunProblems } from "./RunProblems";

const fieldIds = {
  population: "ident-population",
  enrolments: "ident-enrolments",
  completions: "ident-completions",
  date: "ident-date",
  municipality: "ident-municipality",
  encoding: "ident-encoding",
  confirm_large_change: "ident-confirm-large",
};

type Input = Omit<IdentificationUpload, "population" | "enrolments" | "dryRun" | "confirmLargeChange"> & {
  population: File | null;
  enrolments: File | null;
};

const same = (a: Input, b: Input) => (Object.keys(a) as (keyof Input)[]).every((k) => a[k] === b[k]);

/** A file chooser with its label, hint and error, as Aksel lays out its own fields. */
function FileField({
  name,
  label,
  hint,
  error,
  onChange,
}: {
  name: "population" | "enrolments" | "completions";
  label: string;
  hint: string;
  error?: string;
  onChange: (file: File | null) => void;
}) {
  const id = fieldIds[name];
  return (
    <div className={`navds-form-field file-field${error ? " navds-text-field--error" : ""}`}>
      <Label htmlFor={id}>{label}</Label>
      <BodyShort id={`${id}-hint`} className="navds-form-field__description" size="small">
        {hint}
      </BodyShort>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,.json,text/csv,application/json"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
    </div>
  );
}

export function IdentificationForm() {
  const t = useT().identification;
  const run = useRunIdentification();
  const [input, setInput] = useState<Input>({
    population: null,
    enrolments: null,
    completions: null,
    date: swedishDay(),
    municipality: "",
    encoding: "utf-8",
  });
  const [problem, setProblem] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ input: Input; summary: IdentificationSummary } | null>(null);
  const [confirmLarge, setConfirmLarge] = useState(false);
  const [applyProblem, setApplyProblem] = useState<unknown>(null);
  const [applied, setApplied] = useState<IdentificationSummary | null>(null);
  const appliedRef = useRef<HTMLDivElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // A new dry run's answer takes the focus (its heading), so that it is read from its start.
  useEffect(() => previewHeading.current?.focus(), [preview?.summary]);
  const set = <K extends keyof Input>(key: K, value: Input[K]) => setInput((i) => ({ ...i, [key]: value }));

  const dryRun = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldError[] = [];
    if (!input.population) errors.push({ field: "population", detail: t.fileRequired(t.population) });
    if (!input.enrolments) errors.push({ field: "enrolments", detail: t.fileRequired(t.enrolments) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) errors.push({ field: "date", detail: t.dateRequired });
    if (!/^(\d{4}|all)$/.test(input.municipality.trim())) errors.push({ field: "municipality", detail: t.municipalityRequired });
    setApplied(null);
    setApplyProblem(null);
    if (errors.length > 0) {
      setProblem(new ApiProblem(0, { errors }));
      return;
    }
    setProblem(null);
    const sent = { ...input, municipality: input.municipality.trim() };
    run.mutate(
      { ...sent, population: sent.population!, enrolments: sent.enrolments!, dryRun: true, confirmLargeChange: false },
      {
        onSuccess: (summary) => {
          setPreview({ input, summary });
          setConfirmLarge(false);
        },
        onError: (error) => {
          setPreview(null);
          setProblem(error);
        },
      },
    );
  };

  const current = preview !== null && same(preview.input, input);
  const largeNeeded = !!preview?.summary.large_change || !!fieldError(applyProblem, "confirm_large_change");

  const apply = () => {
    if (!preview) return;
    if (largeNeeded && !confirmLarge) {
      setApplyProblem(new ApiProblem(0, { errors: [{ field: "confirm_large_change", detail: t.largeChangeRequired }] }));
      return;
    }
    setApplyProblem(null);
    const sent = preview.input;
    run.mutate(
      {
        ...sent,
        municipality: sent.municipality.trim(),
        population: sent.population!,
        enrolments: sent.enrolments!,
        dryRun: false,
        confirmLargeChange: confirmLarge,
      },
      {
        onSuccess: (summary) => {
          setPreview(null);
          setApplied(summary);
          setTimeout(() => appliedRef.current?.focus());
        },
        onError: setApplyProblem,
      },
    );
  };

  return (
    <VStack gap="8">
      <form onSubmit={dryRun} noValidate className="identification-form">
        <VStack gap="5">
          <RunProblems problem={problem} fieldIds={fieldIds} />
          <fieldset className="plain-fieldset">
            <legend className="navds-label">{t.filesLegend}</legend>
            <VStack gap="4">
              <FileField name="population" label={t.population} hint={t.populationHint} error={fieldError(problem, "population")} onChange={(f) => set("population", f)} />
              <FileField name="enrolments" label={t.enrolments} hint={t.enrolmentsHint} error={fieldError(problem, "enrolments")} onChange={(f) => set("enrolments", f)} />
              <FileField name="completions" label={t.completions} hint={t.completionsHint} error={fieldError(problem, "completions")} onChange={(f) => set("completions", f)} />
            </VStack>
          </fieldset>
          <TextField
            id={fieldIds.date}
            label={t.date}
            description={t.dateHint}
            value={input.date}
            onChange={(e) => set("date", e.target.value)}
            error={fieldError(problem, "date")}
            htmlSize={12}
          />
          <TextField
            id={fieldIds.municipality}
            label={t.municipality}
            description={t.municipalityHint}
            value={input.municipality}
            onChange={(e) => set("municipality", e.target.value)}
            error={fieldError(problem, "municipality")}
            htmlSize={6}
          />
          <RadioGroup
            id={fieldIds.encoding}
            legend={t.encoding}
            value={input.encoding}
            onChange={(v: Input["encoding"]) => set("encoding", v)}
            error={fieldError(problem, "encoding")}
          >
            <Radio value="utf-8">{t.utf8}</Radio>
            <Radio value="windows-1252">{t.windows1252}</Radio>
          </RadioGroup>
          <div>
            <Button type="submit" loading={run.isPending && run.variables?.dryRun}>
              {t.dryRun}
            </Button>
          </div>
        </VStack>
      </form>

      {applied && (
        <div ref={appliedRef} tabIndex={-1} className="focus-message">
          <Alert variant="success">
            {t.applied(applied.id ?? 0, applied.registered?.total ?? 0, applied.deregistered?.total ?? 0)}
          </Alert>
        </div>
      )}

      {preview && (
        <section aria-labelledby="dry-run">
          <Heading level="2" size="medium" id="dry-run" spacing tabIndex={-1} ref={previewHeading} className="page-heading">
            {t.dryRunHeading}
          </Heading>
          <VStack gap="6">
            {current ? <BodyShort>{t.dryRunNote}</BodyShort> : <Alert variant="warning">{t.changedSince}</Alert>}
            <RunCounts summary={preview.summary} />
            <ChangesList summary={preview.summary} />
            {current && (
              <VStack gap="4" align="start">
                <RunProblems problem={applyProblem} fieldIds={fieldIds} />
                {largeNeeded && (
                  <Alert variant="warning">
                    <Heading level="3" size="small" spacing>
                      {t.largeChangeHeading}
                    </Heading>
                    <BodyShort spacing>{t.largeChangeText}</BodyShort>
                    <Checkbox
                      id={fieldIds.confirm_large_change}
                      checked={confirmLarge}
                      onChange={(e) => setConfirmLarge(e.target.checked)}
                      error={!!fieldError(applyProblem, "confirm_large_change")}
                    >
                      {t.largeChangeConfirm}
                    </Checkbox>
                    {fieldError(applyProblem, "confirm_large_change") && (
                      <ErrorMessage>{fieldError(applyProblem, "confirm_large_change")}</ErrorMessage>
                    )}
                  </Alert>
                )}
                <Button type="button" onClick={apply} loading={run.isPending && run.variables?.dryRun === false}>
                  {t.apply}
                </Button>
              </VStack>
            )}
          </VStack>
        </section>
      )}
    </VStack>
  );
}
