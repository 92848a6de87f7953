import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T10:00:00Z"));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const admin: [number, unknown] = [200, { csrf_token: "tok", user: { username: "demo", role: "admin" } }];

const blocks = [
  { block: "registration", record_type: "1", fields: [], count: 417 },
  { block: "contact", record_type: "2", fields: [], count: 778 },
  { block: "measure_started", record_type: "3", fields: [], count: 35 },
  { block: "measure_ended", record_type: "4", fields: [], count: 49 },
  { block: "responsibility_ended", record_type: "5", fields: [], count: 74 },
];

const report = (over: Record<string, unknown> = {}) => ({
  period: "2026H1", collection: "Test", period_ended: true, with_corrections: false, as_of: "2026-06-30T22:00:00.000Z",
  errors: 0, warnings: 0, problems: [], blocks, changes_since_end: { removed: 5, added: 19 }, ...over,
});

describe("the SCB file page", () => {
  it("shows the half-year just ended, each block's count, the corrections since, and the file to download", async () => {
    const requests = fakeServer({ "GET /api/v1/session": admin, "GET /api/v1/reports/half-year": [200, report()] });
    renderAt("/scb-fil", <App />);
    await screen.findByRole("heading", { level: 1, name: "Halvårsfil till SCB" });
    const table = await screen.findByRole("table", { name: "Filens poster per block" });
    const contact = within(table).getByRole("rowheader", { name: "Kontakt med den unga" }).closest("tr")!;
    expect(within(contact).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "778"]);
    expect(screen.getByText(/Uppgifterna som de stod 2026-07-01 00:00\./)).toBeTruthy();
    expect(screen.getByText(/tar bort 5 och lägger till 19 poster/)).toBeTruthy();
    expect(screen.getByText("Kontrollerna hittade inga fel.")).toBeTruthy();
    const download = screen.getByRole("link", { name: "Ladda ned filen till SCB" });
    expect(download.getAttribute("href")).toBe("/api/v1/reports/half-year?period=2026H1&format=csv");
    const workbook = screen.getByRole("link", { name: /för Excel \(XLSX\)/ });
    expect(workbook.getAttribute("href")).toBe("/api/v1/reports/half-year?period=2026H1&format=xlsx");
    const asked = new URL(requests.find((r) => r.url.includes("/reports/half-year"))!.url);
    expect(Object.fromEntries(asked.searchParams)).toEqual({ period: "2026H1", with_corrections: "false" });
  });

  it("lists each problem with a link to the person, and offers the file with errors only as 'anyway'", async () => {
    fakeServer({
      "GET /api/v1/session": admin,
      "GET /api/v1/reports/half-year": [
        200,
        report({
          errors: 1, warnings: 1,
          problems: [
            { person_id: 149, registration_id: 7, check: "measure_end_without_reason", message: "En åtgärd avslutades 2026-03-01 utan skäl.", blocking: true },
            { person_id: 392, registration_id: 9, check: "awaiting_registers", message: "Inskrivningen gjordes för hand.", blocking: false },
          ],
        }),
      ],
    });
    renderAt("/scb-fil?halvar=2026H1", <App />);
    const checks = await screen.findByRole("table", { name: "Kontrollerna" });
    const first = within(checks).getByRole("rowheader", { name: "Person 149" }).closest("tr")!;
    expect(within(first).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Fel", "En åtgärd avslutades 2026-03-01 utan skäl."]);
    expect(within(checks).getByRole("link", { name: "Person 149" }).getAttribute("href")).toBe("/personer/149");
    expect(screen.getByText("1 fel måste rättas innan filen skickas.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Ladda ned filen till SCB" })).toBeNull();
    expect(screen.getByRole("link", { name: "Ladda ned filen ändå, med felen" }).getAttribute("href")).toContain("allow_errors=true");
  });

  it("asks with the corrections when they are ticked, and keeps the choice in the URL", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": admin,
      "GET /api/v1/reports/half-year": (r: Request) => [200, report({ with_corrections: new URL(r.url).searchParams.get("with_corrections") === "true" })],
    });
    renderAt("/scb-fil?halvar=2026H1", <App />);
    await userEvent.click(await screen.findByRole("checkbox", { name: "Ta med rättelser som gjorts efter halvårets slut" }));
    await screen.findByRole("link", { name: "Ladda ned filen till SCB" });
    expect(requests.some((r) => new URL(r.url).searchParams.get("with_corrections") === "true")).toBe(true);
    expect(screen.getByRole("link", { name: "Ladda ned filen till SCB" }).getAttribute("href")).toContain("with_corrections=true");
  });

  it("says how to import a layout when none is", async () => {
    fakeServer({
      "GET /api/v1/session": admin,
      "GET /api/v1/reports/half-year": [404, { title: "Not Found", status: 404, detail: "Ingen layout för SCB:s halvårsfil är importerad." }],
    });
    renderAt("/scb-fil", <App />);
    expect(await screen.findByText(/Ingen layout för SCB:s halvårsfil är importerad/)).toBeTruthy();
  });

  it("is not there for a caseworker", async () => {
    fakeServer({ "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }] });
    renderAt("/scb-fil", <App />);
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("link", { name: "SCB-fil" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Halvårsfil till SCB" })).toBeNull();
  });
});
