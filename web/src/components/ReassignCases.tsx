// Reassigning cases from Today (a unit manager): the rows chosen in the worklist go to one caseworker of
// the manager's units (the case follows them to the unit they work in, GET /api/v1/team) or back to the
// unit's intake (nobody responsible). Each is sent with the registration's current version in If-Match;
// the answer is reported per row (the server's detail for a 403, 409 or 422), and the worklists are read anew.
import { Alert, BodyShort, Button, List, Loader, Modal, Select, VStack } from "@navikt/ds-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../api/client";
import { assignRegistration, useTeam } from "../api/queries";
import { useT } from "../i18n";
import { FormProblems, ProblemAlert, fieldError } from "./Problems";

/** A case chosen to reassign: the person's name, and who is responsible now (as the list names them). */
export type CaseToAssign = { personId: number; registrationId: number; name: string; owner?: string };
/** How one case went: moved (to whom), already there (the same assignment again is no change), or refused. */
type Outcome = { row: CaseToAssign; error: unknown | null; unchanged?: boolean };

const targetId = "reassign-target";
const intake = "intake";

/** Reassigns `cases`; `onClose` gets the summary of what was done (null when nothing was sent). */
export function ReassignDialog({ cases, onClose }: { cases: CaseToAssign[]; onClose: (summary: string | null) => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const team = useTeam();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const assign = useMutation({
    mutationFn: async (body: { caseworker_id: number | null; unit?: string }) => {
      const results: Outcome[] = [];
      for (const row of cases) {
        try {
          const { changed } = await assignRegistration(row.personId, row.registrationId, body);
          results.push({ row, error: null, unchanged: !changed });
        } catch (error) {
          results.push({ row, error });
        }
      }
      return results;
    },
    onSuccess: setOutcomes,
    onError: setProblem,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
        queryClient.invalidateQueries({ queryKey: ["persons"] }),
      ]),
  });

  // The choice takes the focus once the team is read (not the dialog's close button, where showModal put it).
  const teamRead = !!team.data;
  useEffect(() => {
    if (!teamRead) return;
    const timer = setTimeout(() => document.getElementById(targetId)?.focus());
    return () => clearTimeout(timer);
  }, [teamRead]);

  // Where the cases go, as the choice names it: a caseworker in a unit, a unit's intake, or back to the intake.
  const units = [...new Set((team.data ?? []).flatMap((m) => m.units))].sort();
  const chosen = target && target !== intake ? (JSON.parse(target) as [number | null, string]) : null;
  const to = !chosen
    ? t.reassignIntakeTarget
    : chosen[0] === null
      ? t.reassignUnit(chosen[1])
      : t.reassignMember(team.data?.find((m) => m.id === chosen[0])?.username ?? `#${chosen[0]}`, chosen[1]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblem(new ApiProblem(0, { errors: [{ field: "target", detail: t.reassignRequired }] }));
      return;
    }
    setProblem(null);
    assign.mutate(chosen ? { caseworker_id: chosen[0], unit: chosen[1] } : { caseworker_id: null });
  };

  const why = (error: unknown) =>
    error instanceof ApiProblem ? error.errors[0]?.detail || error.detail || error.title || t.somethingWrong : t.somethingWrong;
  const failed = outcomes?.filter((o) => o.error) ?? [];
  const unchanged = outcomes?.filter((o) => o.unchanged).length ?? 0;
  const said = outcomes ? t.reassignSummary(outcomes.length - failed.length - unchanged, failed.length, unchanged) : null;
  // The summary takes the focus once shown: the submit button it replaces is gone.
  useEffect(() => {
    if (outcomes) summary.current?.focus();
  }, [outcomes]);
  return (
    <Modal
      ref={dialog}
      open
      onClose={() => onClose(said)}
      header={{ heading: t.reassignHeading, size: "small" }}
      width="medium"
      placement="top"
    >
      <Modal.Body>
        {outcomes ? (
          <VStack gap="4">
            <Alert variant={failed.length || unchanged ? "warning" : "success"} role="status" ref={summary} tabIndex={-1}>
              {said}
            </Alert>
            <List as="ul" size="small" className="reassign-outcomes">
              {outcomes.map((o) => (
                <List.Item key={o.row.registrationId}>
                  {o.error ? t.reassignFailed(o.row.name, why(o.error)) : o.unchanged ? t.reassignUnchanged(o.row.name) : t.reassignOk(o.row.name, to)}
                </List.Item>
              ))}
            </List>
          </VStack>
        ) : (
          <form id="reassign-cases" onSubmit={submit} noValidate>
            <VStack gap="5">
              <BodyShort>{t.reassignCount(cases.length)}</BodyShort>
              <List as="ul" size="small">
                {cases.map((c) => (
                  <List.Item key={c.registrationId}>{c.owner ? t.reassignCase(c.name, c.owner) : c.name}</List.Item>
                ))}
              </List>
              {team.isPending && <Loader title={t.loading} />}
              {team.isError && <ProblemAlert error={team.error} />}
              <FormProblems problem={problem} fieldIds={{ target: targetId }} />
              {team.data && (
                <Select
                  id={targetId}
                  label={t.reassignTo}
                  description={t.reassignToHint}
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  error={fieldError(problem, "target")}
                >
                  <option value="">{t.reassignChoose}</option>
                  {team.data.flatMap((m) =>
                    m.units.map((unit) => (
                      <option key={`${m.id}:${unit}`} value={JSON.stringify([m.id, unit])}>
                        {t.reassignMember(m.username, unit)}
                      </option>
                    )),
                  )}
                  {units.map((unit) => (
                    <option key={`unit:${unit}`} value={JSON.stringify([null, unit])}>
                      {t.reassignUnit(unit)}
                    </option>
                  ))}
                  <option value={intake}>{t.reassignIntake}</option>
                </Select>
              )}
            </VStack>
          </form>
        )}
      </Modal.Body>
      <Modal.Footer>
        {!outcomes && (
          <Button type="submit" form="reassign-cases" loading={assign.isPending}>
            {t.reassignSubmit}
          </Button>
        )}
        <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
          {outcomes ? t.reassignClose : t.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
