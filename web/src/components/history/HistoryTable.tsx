// Events of a person's history in plain words: when (Swedish time), who (a user, or Lotsen itself from
// the registers), what happened and to what. A record that was later voided or corrected is marked on
// each of its earlier events; a void names its reason, a reopening its reason.
import { Table, Tag } from "@navikt/ds-react";
import type { HistoryEvent } from "../../api/queries";
import { localDateTime } from "../../format";
import { useT } from "../../i18n";
import { useLabels } from "../labels";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : v == null ? "" : String(v));

/** Of each case record: the ids of the events after which it was voided, or corrected. */
function laterChanges(events: HistoryEvent[]) {
  const voided = new Map<number, number>(); // record id → index of its void
  const corrected = new Map<number, number>(); // record id → index of its last correction
  events.forEach((e, i) => {
    const id = obj(e.after).id;
    if (typeof id !== "number" || !obj(e.after).data) return;
    if (e.type.endsWith(".voided")) voided.set(id, i);
    if (e.type.endsWith(".updated")) corrected.set(id, i);
  });
  return (e: HistoryEvent, i: number) => {
    const id = obj(e.after).id;
    if (typeof id !== "number" || !obj(e.after).data || e.type.endsWith(".voided")) return { voided: false, corrected: false };
    return { voided: (voided.get(id) ?? -1) > i, corrected: (corrected.get(id) ?? -1) > i };
  };
}

/** The title of each goal and sub-goal the plans among `events` have held, by registration and goal id: a goal id
 * is never used again for another goal of the same registration, so the latest title of any version names it. */
function goalTitles(events: HistoryEvent[]) {
  const titles = new Map<string, string>();
  const add = (registration: unknown, goals: unknown) => {
    if (!Array.isArray(goals)) return;
    for (const g of goals.map(obj)) {
      if (g.id && g.title) titles.set(`${str(registration)}/${str(g.id)}`, str(g.title));
      add(registration, g.sub_goals);
    }
  };
  for (const e of events) if (e.type.startsWith("plan.")) add(obj(e.after).registration_id, obj(obj(e.after).data).goals);
  return (registration: unknown, goal: string) => titles.get(`${str(registration)}/${goal}`) ?? goal;
}

/** What the event is about, in a line (a goal assessment names its goal by the title the plans in `events` give). */
export function useDescribe(events: HistoryEvent[]): (e: HistoryEvent) => string {
  const t = useT();
  const goal = goalTitles(events);
  const channel = useLabels("contact_channel");
  const occupation = useLabels("occupation");
  const source = useLabels("occupation_source");
  const detail = useLabels("occupation_detail");
  const measure = useLabels("measure_type");
  const result = useLabels("goal_result");
  const reason = useLabels("registration_reason");
  const endReason = useLabels("deregistration_reason");
  const what = (e: HistoryEvent): string => {
    const after = obj(e.after);
    const data = obj(after.data);
    const [kind] = e.type.split(".");
    switch (kind) {
      case "contact_attempt":
        return [
          [data.date, data.time, channel(str(data.channel))].filter(Boolean).join(" "),
          data.reached ? t.wasReached : "",
          occupation(str(data.occupation)),
          str(data.note),
        ]
          .filter(Boolean)
          .join(", ");
      case "occupation":
        return [t.occupationLabel(occupation(str(data.kind)), str(data.effective_date)), detail(str(data.detail)), source(str(data.source))]
          .concat(data.planned ? [t.planned.toLowerCase()] : [])
          .filter(Boolean)
          .join(", ");
      case "measure":
        return [measure(str(data.type)), str(data.content)].filter(Boolean).join(": ");
      case "plan":
        return t.asOfPlanLine(str(data.drawn_up_on), data.agreed_on ? str(data.agreed_on) : null, Array.isArray(data.goals) ? data.goals.length : 0);
      case "goal_assessment":
        return [goal(after.registration_id, str(data.goal_id)), result(str(data.result)), str(data.assessed_on)]
          .filter(Boolean)
          .join(", ");
      case "registration":
        if (e.type === "registration.ended")
          return t.registrationEnded(str(after.end_date), endReason(str(after.end_reason)), after.closed_by_hand === true);
        if (e.type === "registration.reopened") return t.registrationReopenedBecause(str(after.reopened_because));
        if (e.type === "registration.confirmed") return t.registrationConfirmed;
        if (e.type === "registration.registers_reason_noted") return t.registersSay(reason(str(after.registers_reason)));
        if (e.type === "registration.reason_corrected")
          return t.reasonCorrectedTo(reason(str(obj(e.before).reason)), reason(str(after.reason)));
        if (e.type === "registration.assigned")
          return t.registrationAssignedTo(str(after.unit), after.caseworker_id != null ? str(after.caseworker_username) : null);
        return t.registrationStarted(str(after.start_date), reason(str(after.reason)));
      case "person":
        if (e.type === "person.contact_changed") return [str(after.phone), str(after.email)].filter(Boolean).join(", ");
        return [str(after.first_name), str(after.last_name)].filter(Boolean).join(" ");
      default:
        return "";
    }
  };
  // One full stop between the two, whether or not what was voided already ends with one.
  return (e) =>
    e.type.endsWith(".voided") ? `${what(e).replace(/\.$/, "")}. ${t.reasonIs(str(obj(e.after).void_reason))}` : what(e);
}

export function HistoryTable({ events, labelledBy }: { events: HistoryEvent[]; labelledBy: string }) {
  const t = useT();
  const describe = useDescribe(events);
  const changed = laterChanges(events);
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">{t.colWhen}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.colWho}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.colEvent}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.colDetail}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {events.map((e, i) => {
          const later = changed(e, i);
          return (
            <Table.Row key={e.id}>
              <Table.DataCell className="nowrap">{localDateTime(e.time)}</Table.DataCell>
              <Table.DataCell>{e.actor.startsWith("system:") ? t.systemActor : e.actor}</Table.DataCell>
              <Table.DataCell>
                {t.events[e.type] ?? e.type}
                {later.voided && (
                  <>
                    {" "}
                    <Tag variant="error" size="xsmall">
                      {t.markVoided}
                    </Tag>
                  </>
                )}
                {later.corrected && !later.voided && (
                  <>
                    {" "}
                    <Tag variant="warning" size="xsmall">
                      {e.type.startsWith("plan.") ? t.markRevised : t.markCorrected}
                    </Tag>
                  </>
                )}
              </Table.DataCell>
              <Table.DataCell>{describe(e)}</Table.DataCell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
