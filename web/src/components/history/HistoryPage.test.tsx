import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { caseAnswers, contact, occupations, person } from "../../test/case";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const registration = person.registrations[0];
const plan = {
  id: 51, kind: "plan", registration_id: 7, version: 1,
  data: { drawn_up_on: "2025-07-03", agreed_on: null, goals: [{ id: "g1", title: "Få kontakt", sub_goals: [{ id: "g1.1", title: "Hembesök" }] }] },
};
const assessment = { id: 52, kind: "goal_assessment", registration_id: 7, version: 1, data: { goal_id: "g1.1", result: "partly", assessed_on: "2025-07-03" } };
const events = [
  { id: 1, time: "2025-01-01T05:30:00.000Z", actor: "system:identify", type: "registration.created", before: null, after: registration },
  { id: 2, time: "2025-03-03T09:15:00.000Z", actor: "anna", type: "contact_attempt.created", before: null, after: contact },
  { id: 3, time: "2025-06-01T08:00:00.000Z", actor: "anna", type: "occupation.created", before: null, after: occupations[1] },
  { id: 4, time: "2025-06-02T08:00:00.000Z", actor: "bengt", type: "occupation.updated", before: occupations[1], after: { ...occupations[1], version: 2 } },
  { id: 5, time: "2025-06-03T12:00:00.000Z", actor: "anna", type: "contact_attempt.voided", before: contact, after: { ...contact, voided: true, void_reason: "Fel person" } },
  { id: 6, time: "2025-07-01T10:00:00.000Z", actor: "anna", type: "registration.ended", before: registration, after: { ...registration, end_date: "2025-07-01", end_reason: "moved_abroad", closed_by_hand: true } },
  { id: 7, time: "2025-07-02T10:00:00.000Z", actor: "anna", type: "registration.reopened", before: registration, after: { ...registration, reopened_because: "Avslutad av misstag" } },
  { id: 8, time: "2025-07-03T10:00:00.000Z", actor: "anna", type: "goal_assessment.created", before: null, after: assessment },
  { id: 9, time: "2025-07-03T10:00:00.000Z", actor: "anna", type: "plan.voided", before: plan, after: { ...plan, voided: true, void_reason: "Fel person" } },
];

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("td"), (c) => c.textContent));

describe("the full history", () => {
  it("lists every event in order with who and when, marks the records later voided or corrected, and names the reasons", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2/history"] = [200, { items: events }];
    fakeServer(answers);
    renderAt("/personer/2/historik", <App />);
    await screen.findByRole("heading", { level: 1, name: "Historik för Malte Johansson" });
    const table = await screen.findByRole("table", { name: /Varje händelse i ärendet/ });
    expect(rowsOf(table)).toEqual([
      ["2025-01-01 06:30", "Lotsen (registren)", "Inskriven", "Inskriven från 2025-01-01: Avbrott på nationellt program."],
      ["2025-03-03 10:15", "anna", "Kontaktförsök loggat Makulerad", "2025-03-03 10:15 Telefon, nådd, Studier"],
      ["2025-06-01 10:00", "anna", "Sysselsättning registrerad Rättad senare", "Arbete från 2025-06-01, deltid, Annan källa"],
      ["2025-06-02 10:00", "bengt", "Sysselsättning rättad", "Arbete från 2025-06-01, deltid, Annan källa"],
      ["2025-06-03 14:00", "anna", "Kontaktförsök makulerat", "2025-03-03 10:15 Telefon, nådd, Studier. Skäl: Fel person"],
      ["2025-07-01 12:00", "anna", "Inskrivningen avslutades", "Avslutad 2025-07-01: Flyttat utomlands (uppgift från den unga) (för hand)."],
      ["2025-07-02 12:00", "anna", "Inskrivningen öppnades igen", "Öppnades igen. Skäl: Avslutad av misstag"],
      // One full stop before the reason, though the plan's line ends with one (it read "1 mål.. Skäl").
      // An assessment names its goal by the title (it read "g1.1"), from the plan in the same history.
      ["2025-07-03 12:00", "anna", "Mål bedömt", "Hembesök, partly, 2025-07-03"],
      ["2025-07-03 12:00", "anna", "Plan makulerad", "Upprättad 2025-07-03, inte godkänd, 1 mål. Skäl: Fel person"],
    ]);
    expect(screen.getByRole("link", { name: "Tillbaka till personen" }).getAttribute("href")).toBe("/personer/2");
  });

  // A caseworker's findings: a revised plan read "Rättad senare", and a reassignment never named who took the case.
  it("marks a plan revised later as revised, and names the caseworker a case was assigned to", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2/history"] = [200, { items: [
      { id: 1, time: "2025-07-03T10:00:00.000Z", actor: "anna", type: "plan.created", before: null, after: plan },
      { id: 2, time: "2025-08-01T10:00:00.000Z", actor: "anna", type: "plan.updated", before: plan, after: { ...plan, version: 2 } },
      { id: 3, time: "2025-08-02T10:00:00.000Z", actor: "chef", type: "registration.assigned", before: registration,
        after: { ...registration, unit: "KAA Norr", caseworker_id: 3, caseworker_username: "bengt" } },
      { id: 4, time: "2025-08-03T10:00:00.000Z", actor: "chef", type: "registration.assigned", before: registration,
        after: { ...registration, unit: "KAA Norr", caseworker_id: null } },
    ] }];
    fakeServer(answers);
    renderAt("/personer/2/historik", <App />);
    const table = await screen.findByRole("table", { name: /Varje händelse i ärendet/ });
    const rows = rowsOf(table);
    expect(rows[0][2]).toMatch(/Reviderad senare$/);
    expect(rows[2][3]).toBe("Enhet KAA Norr, ansvarig handläggare bengt.");
    expect(rows[3][3]).toBe("Enhet KAA Norr, ingen ansvarig handläggare.");
  });

  it("shows the registrations' history on the person's page, with the link to the whole", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2/history"] = [200, { items: events }];
    fakeServer(answers);
    renderAt("/personer/2", <App />);
    const table = await screen.findByRole("table", { name: "Inskrivningarnas historik" });
    expect(rowsOf(table).map((r) => r[2])).toEqual(["Inskriven", "Inskrivningen avslutades", "Inskrivningen öppnades igen"]);
    expect(screen.getByRole("link", { name: "Hela historiken" }).getAttribute("href")).toBe("/personer/2/historik");
  });
});
