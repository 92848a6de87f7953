// The one way the UI shows what went wrong. A problem with field errors (422 `errors`, or a problem
// naming its `field`, or the form's own checks) is shown twice, as GOV.UK and Aksel do: in an error
// summary at the top of the form, which takes the focus and links to each field, and beside each field
// (pass fieldError() to the field's `error`). Any other problem is an alert.
import { Alert, ErrorSummary } from "@navikt/ds-react";
import { useEffect, useRef, type MouseEvent } from "react";
import { ApiProblem } from "../api/client";
import { useT } from "../i18n";

/** The message for one field, or undefined when it has none. */
export function fieldError(problem: unknown, field: string): string | undefined {
  if (!(problem instanceof ApiProblem)) return undefined;
  const found = problem.errors.filter((e) => e.field === field).map((e) => e.detail);
  return found.length > 0 ? found.join(" ") : undefined;
}

/**
 * Follows a summary's link to its field: the field itself, or in a group (a radio group's fieldset) its
 * checked or first input. A fragment link alone leaves the focus on <body> when its target is a fieldset.
 */
function toField(event: MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  const field = target.matches("input, select, textarea, button")
    ? target
    : (target.querySelector<HTMLElement>("input:checked, input, select, textarea") ?? null);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView?.({ block: "center" });
}

/**
 * The summary of a form's errors, or an alert for a problem without field errors. `fieldIds` maps the
 * API's field names to the ids of the inputs (a field not in it is listed without a link).
 */
export function FormProblems({ problem, fieldIds }: { problem: unknown; fieldIds: Record<string, string> }) {
  const t = useT();
  const summary = useRef<HTMLDivElement>(null);
  const errors = problem instanceof ApiProblem ? problem.errors : [];
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [problem]); // eslint-disable-line react-hooks/exhaustive-deps -- each new problem takes the focus
  if (!problem) return null;
  if (errors.length === 0) return <ProblemAlert error={problem} />;
  return (
    <ErrorSummary ref={summary} heading={t.errorSummaryHeading} headingTag="h2">
      {errors.map((e, i) =>
        fieldIds[e.field] ? (
          <ErrorSummary.Item key={i} href={`#${fieldIds[e.field]}`} onClick={(event) => toField(event, fieldIds[e.field])}>
            {e.detail}
          </ErrorSummary.Item>
        ) : (
          <ErrorSummary.Item key={i} as="span">
            {e.detail}
          </ErrorSummary.Item>
        ),
      )}
    </ErrorSummary>
  );
}

/**
 * A problem that belongs to no field (or a failed read), as an error alert. `badRequest`: what to say instead
 * of a 400's own detail, for a page whose address (a half-year, a month) the user may have typed.
 */
export function ProblemAlert({ error, badRequest }: { error: unknown; badRequest?: string }) {
  const t = useT();
  const text =
    error instanceof ApiProblem
      ? (error.status === 400 && badRequest) || error.detail || error.title || t.somethingWrong
      : error instanceof TypeError
        ? t.serverDown
        : t.somethingWrong;
  return (
    <Alert variant="error" role="alert">
      {text}
    </Alert>
  );
}
