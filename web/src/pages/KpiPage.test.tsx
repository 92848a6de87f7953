import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLocation } from "react-router-dom";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";
import { recentHalfYears } from "../components/HalfYearSelect";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T10:00:00Z"));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const session: [number, unknown] = [200, { csrf_token: "tok", user: { username: "demo", role: "unit_manager" } }];

const days = (over: Record<string, unknown> = {}) => ({
  started: 40, due: 36, contacted: 34, within_deadline: 33, within_deadline_share: 33 / 36, median_days: 2.5, p90_days: 9, ...over,
});

const group = (key: string, label: string, over: Record<string, unknown> = {}) => ({
  key, label, target_group: 425, open_at_end: 344, known_occupation: 319, known_occupation_share: 319 / 344,
  with_plan: 300, with_plan_share: 300 / 344, in_measure: 78, in_measure_share: 78 / 344,
  first_attempt: days(), first_reached: days({ median_days: 4, p90_days: 21 }),
  offered_measure: 120, declined_first: 12, declined_first_share: 0.1,
  goals: { assessed: 50, achieved: 30, achieved_share: 0.6, partly: 15, partly_share: 0.3, not_achieved: 5, not_achieved_share: 0.1 },
  after_measure: { ended: 40, education: 10, education_share: 0.25, work: 10, work_share: 0.25, other: 12, other_share: 0.3, unknown: 8, unknown_share: 0.2 },
  outcome_6_months: { measured: 200, education_or_work: 50, education_or_work_share: 0.25 },
  outcome_12_months: { measured: 100, education_or_work: 40, education_or_work_share: 0.4 },
  re_registered: 6, re_registered_share: 0.15, cohort: { persons: 30, contacted: 24, contacted_share: 0.8 },
  suppressed: [], ...over,
});

const report = (by: string, groups: unknown[] = []) => ({
  period: "2026H2", from: "2026-07-01", to: "2026-12-31", as_of: "2026-11-22", by, scope: "caseload",
  first_contact_days: 14, all: group("", "Alla dina ärenden"), groups,
});

/** The path and query the app is at, for the tests to read. */
function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

const at = (url: string) =>
  renderAt(
    url,
    <>
      <App />
      <Where />
    </>,
  );

const row = (table: HTMLElement, label: string) => within(table).getByRole("rowheader", { name: label }).closest("tr")!;
const cells = (tr: HTMLElement) => within(tr).getAllByRole("cell").map((c) => c.textContent);

describe("the KPI page", () => {
  it("offers the current half-year first and the four before it", () => {
    expect(recentHalfYears("2026-11-22")).toEqual(["2026H2", "2026H1", "2025H2", "2025H1", "2024H2"]);
    expect(recentHalfYears("2026-06-30")).toEqual(["2026H1", "2025H2", "2025H1", "2024H2", "2024H1"]);
  });

  it("shows the current half-year's figures in all and per group, shares in percent with a decimal comma", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/reports/kpi": [200, report("unit", [group("KAA Norr", "KAA Norr", { target_group: 210, known_occupation_share: 0.5 })])],
    });
    at("/nyckeltal?per=enhet");
    await screen.findByRole("heading", { level: 1, name: "Nyckeltal" });
    expect(screen.getByRole("link", { name: "Nyckeltal" }).getAttribute("href")).toBe("/nyckeltal");
    const activity = await screen.findByRole("table", { name: "Kännedom och insatser" });
    expect(cells(row(activity, "Alla dina ärenden"))).toEqual(["425", "344", "319 (92,7 %)", "300 (87,2 %)", "78 (22,7 %)"]);
    expect(cells(row(activity, "KAA Norr"))[0]).toBe("210");
    expect(cells(row(activity, "KAA Norr"))[2]).toBe("319 (50,0 %)");
    const contact = screen.getByRole("table", { name: "Första kontakt" });
    expect(cells(row(contact, "Alla dina ärenden"))).toEqual(["40", "91,7 %33 av 36", "2,5", "9", "4", "21"]);
    expect(screen.getByText("Siffrorna gäller ärendena du har tillgång till.")).toBeTruthy();
    expect(screen.getByText(/per 2026-11-22 \(perioden pågår\)\. Första kontakten ska tas inom 14 dagar/)).toBeTruthy();
    expect(within(activity).getByRole("columnheader", { name: "Inskrivna per 2026-11-22" })).toBeTruthy();
    const asked = new URL(requests.find((r) => r.url.includes("/reports/kpi"))!.url);
    expect(Object.fromEntries(asked.searchParams)).toEqual({ period: "2026H2", by: "unit" });
  });

  it("shows a share or median with nobody to measure (null) as – read out as 'inga att mäta', never 0", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/reports/kpi": [
        200,
        report("all", [
          group("x", "Tom grupp", {
            open_at_end: 0, known_occupation: 0, known_occupation_share: null,
            first_attempt: days({ started: 0, due: 0, within_deadline: 0, within_deadline_share: null, median_days: null, p90_days: null }),
          }),
        ]),
      ],
    });
    at("/nyckeltal?halvar=2026H2");
    const activity = await screen.findByRole("table", { name: "Kännedom och insatser" });
    const known = within(row(activity, "Tom grupp")).getAllByRole("cell")[2];
    expect(known.textContent).toBe("0 (–inga att mäta)");
    expect(within(known).getByText("–").getAttribute("aria-hidden")).toBe("true");
    const contact = screen.getByRole("table", { name: "Första kontakt" });
    const [, within14, median, p90] = cells(row(contact, "Tom grupp"));
    expect([within14, median, p90]).toEqual(["–inga att mäta0 av 0", "–inga att mäta", "–inga att mäta"]);
  });

  it("asks anew and keeps the choice in the URL when the half-year or the breakdown changes", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/reports/kpi?period=2026H2&by=all": [200, report("all")],
      "GET /api/v1/reports/kpi?period=2026H1&by=all": [200, { ...report("all"), period: "2026H1", from: "2026-01-01", to: "2026-06-30", as_of: "2026-06-30" }],
      "GET /api/v1/reports/kpi?period=2026H1&by=gender": [200, { ...report("gender", [group("female", "Kvinnor")]), period: "2026H1" }],
    });
    const user = userEvent.setup();
    at("/nyckeltal");
    await screen.findByRole("table", { name: "Kännedom och insatser" });
    const period = screen.getByRole("combobox", { name: "Halvår" }) as HTMLSelectElement;
    expect(period.value).toBe("2026H2");
    expect(within(period).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "2026 andra halvåret (jul–dec)", "2026 första halvåret (jan–jun)", "2025 andra halvåret (jul–dec)",
      "2025 första halvåret (jan–jun)", "2024 andra halvåret (jul–dec)",
    ]);
    await user.selectOptions(period, "2026H1");
    await screen.findByText(/^Perioden 2026-01-01–2026-06-30\./);
    expect(screen.getByTestId("where").textContent).toBe("/nyckeltal?halvar=2026H1");
    await user.selectOptions(screen.getByRole("combobox", { name: "Indelning" }), "Kön");
    expect(await screen.findAllByRole("rowheader", { name: "Kvinnor" })).toHaveLength(5); // one in each table
    expect(screen.getByTestId("where").textContent).toBe("/nyckeltal?halvar=2026H1&per=kon");
    const asked = requests.filter((r) => r.url.includes("/reports/kpi")).map((r) => new URL(r.url).search);
    expect(asked).toEqual(["?period=2026H2&by=all", "?period=2026H1&by=all", "?period=2026H1&by=gender"]);
  });

  it("links the CSV download to the same half-year and breakdown with format=csv", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/reports/kpi": [200, report("age", [group("17", "17 år")])],
    });
    at("/nyckeltal?halvar=2026H1&per=alder");
    const link = await screen.findByRole("link", { name: "Ladda ned för Excel (CSV)" });
    expect(link.getAttribute("href")).toBe("/api/v1/reports/kpi?period=2026H1&by=age&format=csv");
    expect(link.hasAttribute("download")).toBe(true);
  });

  it("says plainly that a half-year in the URL that does not exist (the server's 400) cannot be shown", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/reports/kpi": [400, { title: "Bad Request", status: 400, detail: "expected a half-year as YYYYH1 or YYYYH2, got '2026H3'", field: "period" }],
    });
    at("/nyckeltal?halvar=2026H3");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Halvåret eller indelningen i adressen finns inte. Välj halvår och indelning i listorna ovan.",
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("link", { name: "Ladda ned för Excel (CSV)" })).toBeNull();
  });

  it("groups the further figures: measures and goals, occupation after a measure, outcomes and the cohort", async () => {
    fakeServer({ "GET /api/v1/session": session, "GET /api/v1/reports/kpi": [200, report("all")] });
    at("/nyckeltal");
    const goals = await screen.findByRole("table", { name: "Åtgärder och mål" });
    expect(cells(row(goals, "Alla dina ärenden"))).toEqual(["120", "12 (10,0 %)", "50", "30 (60,0 %)", "15 (30,0 %)", "5 (10,0 %)"]);
    const after = screen.getByRole("table", { name: "Sysselsättning efter avslutad åtgärd" });
    expect(cells(row(after, "Alla dina ärenden"))).toEqual(["40", "10 (25,0 %)", "10 (25,0 %)", "12 (30,0 %)", "8 (20,0 %)"]);
    const outcomes = screen.getByRole("table", { name: "Utfall och uppföljning" });
    expect(cells(row(outcomes, "Alla dina ärenden"))).toEqual(["25,0 %50 av 200", "40,0 %40 av 100", "6 (15,0 %)", "30", "24 (80,0 %)"]);
    expect(within(outcomes).getByRole("columnheader", { name: "Studier eller arbete inom 6 månader" })).toBeTruthy();
  });

  it("shows a statistician the municipality's figures with the hidden ones as – read out as 'dolt', and says why", async () => {
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "statistik", role: "statistician" } }],
      "GET /api/v1/reports/kpi": [
        200,
        {
          ...report("all"), scope: "municipality", suppressed_below: 5,
          all: group("", "Hela kommunen (små tal dolda)", {
            known_occupation: null, known_occupation_share: null, goals: { assessed: 50, achieved: 30, achieved_share: 0.6, partly: null, partly_share: null, not_achieved: null, not_achieved_share: null },
            first_attempt: days({ contacted: null, median_days: null }),
            suppressed: ["known_occupation", "known_occupation_share", "goals.partly", "goals.partly_share", "goals.not_achieved", "goals.not_achieved_share", "first_attempt.contacted", "first_attempt.median_days"],
          }),
        },
      ],
    });
    at("/");
    await screen.findByRole("heading", { level: 1, name: "Statistik" });
    await userEvent.setup().click(screen.getByRole("link", { name: "Nyckeltal" }));
    const activity = await screen.findByRole("table", { name: "Kännedom och insatser" });
    const known = within(row(activity, "Hela kommunen (små tal dolda)")).getAllByRole("cell")[2];
    expect(known.textContent).toBe("–dolt (–dolt)");
    const goals = screen.getByRole("table", { name: "Åtgärder och mål" });
    expect(cells(row(goals, "Hela kommunen (små tal dolda)")).slice(3)).toEqual(["30 (60,0 %)", "–dolt (–dolt)", "–dolt (–dolt)"]);
    const contact = screen.getByRole("table", { name: "Första kontakt" });
    expect(cells(row(contact, "Hela kommunen (små tal dolda)"))[2]).toBe("–dolt");
    expect(screen.getByText(/Siffrorna gäller hela kommunen\. Små antal är dolda/)).toBeTruthy();
    expect(screen.getByText(/– betyder att antalet är dolt: det är 1–4/)).toBeTruthy();
  });
});
