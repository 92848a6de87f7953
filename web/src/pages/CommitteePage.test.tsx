import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";
import { recentMonths } from "./CommitteePage";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T10:00:00Z"));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const manager: [number, unknown] = [200, { csrf_token: "tok", user: { username: "chef", role: "unit_manager" } }];

const measure = (code: string, label: string, direction: string, unit: string, values: [number | null, number | null, number | null]) => ({
  code, label, direction, unit, same_month_last_year: values[0], target: values[1], this_month: values[2],
  trend: [], analysis: code === "known_occupation" ? "Fler kontakter via skolan." : "", analysis_version: code === "known_occupation" ? 1 : 0,
});

const report = {
  month: "2026-10", as_of: "2026-10-31", first_contact_days: 14,
  measures: [
    measure("target_group", "Inskrivna i målgruppen", "none", "count", [198, null, 214]),
    measure("known_occupation", "Andel med känd sysselsättning", "up", "share", [0.8, 0.9, 0.825]),
    measure("first_contact_median_days", "Mediandagar till första kontakt", "down", "days", [7, 5, null]),
  ],
};

const targets = {
  year: 2026,
  targets: [
    { year: 2026, measure: "target_group", label: "Inskrivna i målgruppen", direction: "none", unit: "count", value: null, version: 0 },
    { year: 2026, measure: "known_occupation", label: "Andel med känd sysselsättning", direction: "up", unit: "share", value: 0.9, version: 3 },
    { year: 2026, measure: "first_contact_median_days", label: "Mediandagar till första kontakt", direction: "down", unit: "days", value: 5, version: 1 },
  ],
};

describe("the committee report page", () => {
  it("offers this month and the twelve before it", () => {
    const months = recentMonths("2026-01-15");
    expect(months.length).toBe(13);
    expect(months.slice(0, 3)).toEqual(["2026-01", "2025-12", "2025-11"]);
  });

  it("shows the measures in the municipal layout, with direction, last year, target and this month", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": manager,
      "GET /api/v1/reports/committee": [200, report],
      "GET /api/v1/targets": [200, targets],
    });
    renderAt("/namndrapport?manad=2026-10", <App />);
    const table = await screen.findByRole("table", { name: "Verksamhetsmått oktober 2026" });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Verksamhetsmått", "Önskad riktning", "Utfall okt 2025", "Mål 2026", "Utfall okt 2026"]);
    const row = within(table).getByRole("rowheader", { name: "Andel med känd sysselsättning" }).closest("tr")!;
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["↗högre är bättre", "80,0 %", "90,0 %", "82,5 %"]);
    const days = within(table).getByRole("rowheader", { name: "Mediandagar till första kontakt" }).closest("tr")!;
    expect(within(days).getAllByRole("cell").map((c) => c.textContent)[3]).toBe("–inga att mäta");
    expect(screen.getByRole("link", { name: "Ladda ned som PDF" }).getAttribute("href")).toBe(
      "/api/v1/reports/committee?month=2026-10&format=pdf",
    );
    expect(screen.getByRole("link", { name: "Ladda ned för Excel (XLSX)" }).getAttribute("href")).toBe(
      "/api/v1/reports/committee?month=2026-10&format=xlsx",
    );
    expect((screen.getByRole("textbox", { name: "Andel med känd sysselsättning" }) as HTMLTextAreaElement).value).toBe(
      "Fler kontakter via skolan.",
    );
    expect(new URL(requests.find((r) => r.url.includes("/reports/committee"))!.url).searchParams.get("month")).toBe("2026-10");
  });

  it("sends a share's target as a fraction and only the targets changed", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": manager,
      "GET /api/v1/reports/committee": [200, report],
      "GET /api/v1/targets": [200, targets],
      "PUT /api/v1/targets/2026/known_occupation": [200, targets.targets[1]],
    });
    const user = userEvent.setup();
    renderAt("/namndrapport?manad=2026-10", <App />);
    const field = await screen.findByRole("textbox", { name: "Andel med känd sysselsättning (procent)" });
    expect((field as HTMLInputElement).value).toBe("90");
    await user.clear(field);
    await user.type(field, "92,5");
    await user.click(screen.getByRole("button", { name: "Spara målen" }));
    await screen.findByText("Målen är sparade.");
    const puts = requests.filter((r) => r.method === "PUT");
    expect(puts.length).toBe(1);
    expect(await puts[0].json()).toEqual({ value: 0.925, version: 3 });
  });

  it("shows the server's refusal beside the measure's field", async () => {
    fakeServer({
      "GET /api/v1/session": manager,
      "GET /api/v1/reports/committee": [200, report],
      "GET /api/v1/targets": [200, targets],
      "PUT /api/v1/targets/2026/first_contact_median_days": [
        422,
        { title: "Unprocessable", status: 422, errors: [{ field: "value", detail: "Ett mål i dagar är 0–365." }] },
      ],
    });
    const user = userEvent.setup();
    renderAt("/namndrapport?manad=2026-10", <App />);
    const field = await screen.findByRole("textbox", { name: "Mediandagar till första kontakt (dagar)" });
    await user.clear(field);
    await user.type(field, "400");
    await user.click(screen.getByRole("button", { name: "Spara målen" }));
    expect((await screen.findAllByText("Mediandagar till första kontakt: Ett mål i dagar är 0–365.")).length).toBe(2);
  });

  it("says so when the target was changed meanwhile (409), and reads the targets anew", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": manager,
      "GET /api/v1/reports/committee": [200, report],
      "GET /api/v1/targets": [200, targets],
      "PUT /api/v1/targets/2026/known_occupation": [
        409,
        {
          title: "Conflict", status: 409,
          detail: "Målet har ändrats under tiden (nu version 4). Läs in det igen och gör om ändringen.",
          current: { ...targets.targets[1], value: 0.85, version: 4 },
        },
      ],
    });
    const user = userEvent.setup();
    renderAt("/namndrapport?manad=2026-10", <App />);
    const field = await screen.findByRole("textbox", { name: "Andel med känd sysselsättning (procent)" });
    await user.clear(field);
    await user.type(field, "95");
    const before = requests.filter((r) => r.url.includes("/api/v1/targets?")).length;
    await user.click(screen.getByRole("button", { name: "Spara målen" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Målet har ändrats under tiden");
    await vi.waitFor(() => expect(requests.filter((r) => r.url.includes("/api/v1/targets?")).length).toBeGreaterThan(before));
  });

  it("is not there for a caseworker", async () => {
    fakeServer({ "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }] });
    renderAt("/namndrapport", <App />);
    await screen.findByRole("navigation");
    expect(screen.queryByRole("link", { name: "Nämndrapport" })).toBeNull();
  });
});
