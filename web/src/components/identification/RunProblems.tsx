// What went wrong with a run: the files' problems (a 422 whose `errors` are "file:line: reason" lines,
// with `error_count` counting all, of which the server sends the first 100) as a list that takes the
// focus; any other problem (a field, the large change not confirmed) as Problems.tsx shows it.
import { Alert, BodyShort, Heading, List } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { ApiProblem } from "../../api/client";
import { useT } from "../../i18n";
import { FormProblems } from "../Problems";

/** The file problems of a 422 (its `errors` are lines of text), or null when it is not one. */
export function fileProblems(problem: unknown): { lines: string[]; total: number } | null {
  if (!(problem instanceof ApiProblem) || problem.status !== 422) return null;
  const { errors, error_count: total } = problem.body;
  const lines = Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string") : [];
  if (lines.length === 0) return null;
  return { lines, total: typeof total === "number" ? total : lines.length };
}

export function RunProblems({ problem, fieldIds }: { problem: unknown; fieldIds: Record<string, string> }) {
  const files = fileProblems(problem);
  return files ? <FileProblems {...files} /> : <FormProblems problem={problem} fieldIds={fieldIds} />;
}

function FileProblems({ lines, total }: { lines: string[]; total: number }) {
  const t = useT().identification;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [lines]);
  return (
    <div ref={ref} tabIndex={-1} className="file-problems">
      <Alert variant="error">
        <Heading level="2" size="small" spacing>
          {t.fileProblemsHeading(total)}
        </Heading>
        <BodyShort>{t.fileProblemsText}</BodyShort>
        {lines.length < total && <BodyShort>{t.fileProblemsShown(lines.length, total)}</BodyShort>}
        <List as="ul" size="small">
          {lines.map((line, i) => (
            <List.Item key={i}>
              <code>{line}</code>
            </List.Item>
          ))}
        </List>
      </Alert>
    </div>
  );
}
