import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const lists = (byCaseworker: unknown[]) => ({
  today: "2026-11-22",
  lists: [
    { name: "first_contact", count: 2, overdue: 0, by_caseworker: [] },
    { name: "occupation", count: 3, overdue: 1, by_caseworker: byCaseworker },
    { name: "plan_without_goals", count: 0, overdue: 0, by_caseworker: [] },
  ],
});

const occupation = {
  name: "occupation",
  today: "2026-11-22",
  count: 3,
  overdue: 1,
  items: [
    { person_id: 7, registration_id: 70, first_name: "Malte", last_name: "Johansson", protected: false, phone: "070-123 45 67",
      caseworker_id: 2, unit: "KAA Norr", due: "2026-11-19", days_overdue: 3, detail: "work", detail_label: "Arbete",
      record_id: null, birth_date: "2007-04-10", turns_20: "2027-04-10" },
    { person_id: 8, registration_id: 80, first_name: "Molly", last_name: "Axelsson", protected: true, phone: null,
      caseworker_id: 2, unit: "KAA Norr", due: "2026-11-22", days_overdue: 0, detail: "unknown", detail_label: "Okänd",
      record_id: null, birth_date: "2008-12-01", turns_20: "2028-12-01" },
    { person_id: 9, registration_id: 90, first_name: "Adam", last_name: "Berg", protected: false, phone: null,
      caseworker_id: 2, unit: "KAA Norr", due: "2026-11-27", days_overdue: 0, detail: "unknown", detail_label: "Okänd",
      record_id: null, birth_date: "2008-01-15", turns_20: "2028-01-15" },
  ],
};

const session = (role: string) => [200, { csrf_token: "tok", user: { username: "anna", role } }] as [number, unknown];

describe("Today", () => {
  it("lists the worklists overdue first and the chosen one as a table with overdue and protected marks", async () => {
    fakeServer({
      "GET /api/v1/session": session("caseworker"),
      "GET /api/v1/worklists": [200, lists([{ caseworker_id: 2, username: "anna", count: 3, overdue: 1 }])],
      "GET /api/v1/worklists/occupation": [200, occupation],
    });
    renderAt("/", <App />);

    const nav = await screen.findByRole("navigation", { name: "Arbetslistor" });
    const links = await within(nav).findAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual([
      "Sysselsättning att ta reda på3 st, varav 1 försenad",
      "Första kontakt2 st",
      "Plan utan mål0 st",
    ]);
    // The first list with something in it is chosen.
    expect(links[0].getAttribute("aria-current")).toBe("page");

    const table = await screen.findByRole("table", { name: "Sysselsättning att ta reda på" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const [malte, molly, adam] = rows;
    // Overdue: said in words (with an icon), not by colour alone.
    within(malte).getByText("Försenad 3 dagar");
    within(malte).getByText("070-123 45 67");
    within(malte).getByText("19 år");
    within(malte).getByText("2027-04-10");
    within(malte).getByText("Ta reda på sysselsättningen (senast känd: Arbete)");
    expect(within(malte).getByRole("link", { name: "Malte Johansson" }).getAttribute("href")).toBe("/personer/7");
    // A protected person is marked, and their phone is never shown.
    within(molly).getByText("Skyddad identitet");
    within(molly).getByText("skyddad");
    within(molly).getByText("Förfaller idag");
    expect(within(molly).queryByText(/Försenad/)).toBeNull();
    within(adam).getByText("Om 5 dagar");
    within(adam).getByText("saknas");
    expect(within(adam).queryByText("Skyddad identitet")).toBeNull();

    // A caseworker sees no per-caseworker counts.
    expect(screen.queryByRole("table", { name: /per handläggare/ })).toBeNull();
  });

  it("shows a unit manager the counts per caseworker, the intake by its label", async () => {
    fakeServer({
      "GET /api/v1/session": session("admin,unit_manager"),
      "GET /api/v1/worklists": [
        200,
        lists([
          { caseworker_id: null, username: null, unit: "", label: "Inkorgen (ingen enhet eller handläggare ännu)", count: 1, overdue: 0 },
          { caseworker_id: 2, username: "anna", count: 1, overdue: 1 },
          { caseworker_id: 3, username: "bengt", count: 1, overdue: 0 },
        ]),
      ],
      "GET /api/v1/worklists/occupation": [200, occupation],
    });
    renderAt("/?lista=occupation", <App />);

    const table = await screen.findByRole("table", { name: "Sysselsättning att ta reda på: per handläggare" });
    const rows = within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
    expect(rows).toEqual([
      ["Inkorgen (ingen enhet eller handläggare ännu)", "1", "0"],
      ["anna", "1", "1"],
      ["bengt", "1", "0"],
    ]);
    // The header names the user and their roles.
    screen.getByText("administratör, enhetschef");
    // Each case names who is responsible for it; each caseworker's name shows their cases alone.
    const cases = await screen.findByRole("table", { name: "Sysselsättning att ta reda på" });
    expect(within(cases).getAllByRole("columnheader").map((h) => h.textContent)).toContain("Ansvarig");
    expect(within(cases).getAllByText("anna")).toHaveLength(3);
    expect(within(table).getByRole("link", { name: "bengt" }).getAttribute("href")).toBe("/?lista=occupation&handlaggare=3");
    expect(within(table).queryByRole("link", { name: /Inkorgen/ })).toBeNull();
  });

  it("shows a unit manager one caseworker's cases from ?handlaggare=, says so, and leads back to everyone's", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": session("unit_manager"),
      "GET /api/v1/worklists": [200, lists([{ caseworker_id: 2, username: "anna", count: 3, overdue: 1 }, { caseworker_id: 3, username: "bengt", count: 0, overdue: 0 }])],
      "GET /api/v1/worklists/occupation": [200, occupation],
    });
    renderAt("/?lista=occupation&handlaggare=2", <App />);
    await screen.findByText("Visar bara ärenden där anna är ansvarig handläggare.");
    expect(screen.getByRole("link", { name: "Visa alla handläggares ärenden" }).getAttribute("href")).toBe("/?lista=occupation");
    expect(screen.getByRole("link", { name: "anna" }).getAttribute("aria-current")).toBe("page");
    const asked = requests.map((r) => new URL(r.url)).filter((u) => u.pathname === "/api/v1/worklists/occupation");
    expect(asked.map((u) => u.search)).toEqual(["?page=1&caseworker=2"]);
  });

  it("opens the list named in the URL, and says so when it is empty", async () => {
    fakeServer({
      "GET /api/v1/session": session("caseworker"),
      "GET /api/v1/worklists": [200, lists([])],
      "GET /api/v1/worklists/plan_without_goals": [200, { name: "plan_without_goals", today: "2026-11-22", count: 0, overdue: 0, items: [] }],
    });
    renderAt("/?lista=plan_without_goals", <App />);
    await screen.findByText("Listan är tom: inget att göra här idag.");
    expect(screen.getByRole("link", { name: /Plan utan mål/ }).getAttribute("aria-current")).toBe("page");
  });

  it("pages a long list: 100 items a page from ?sida=, says which, and links to every page", async () => {
    const item = (i: number) => ({ ...occupation.items[2], person_id: i, registration_id: i, last_name: `Berg ${i}` });
    const requests = fakeServer({
      "GET /api/v1/session": session("caseworker"),
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [{ name: "occupation", count: 250, overdue: 0, by_caseworker: [] }] }],
      "GET /api/v1/worklists/occupation?page=2": [
        200,
        { ...occupation, count: 250, overdue: 0, page: 2, page_size: 100, items: Array.from({ length: 100 }, (_, i) => item(101 + i)) },
      ],
    });
    renderAt("/?lista=occupation&sida=2", <App />);

    const table = await screen.findByRole("table", { name: "Sysselsättning att ta reda på" });
    expect(within(table).getAllByRole("row")).toHaveLength(101);
    screen.getByText("Visar 101–200 av 250");
    const pages = screen.getByRole("navigation", { name: "Listans sidor" });
    expect(within(pages).getByRole("link", { name: "Sida 2" }).getAttribute("aria-current")).toBe("page");
    expect(within(pages).getByRole("link", { name: "Sida 3" }).getAttribute("href")).toBe("/?lista=occupation&sida=3");
    within(pages).getByRole("link", { name: "Föregående sida" });
    within(pages).getByRole("link", { name: "Nästa sida" });
    // Only the page is asked for.
    const asked = requests.filter((r) => new URL(r.url).pathname === "/api/v1/worklists/occupation");
    expect(new Set(asked.map((r) => new URL(r.url).search))).toEqual(new Set(["?page=2"]));
  });

  it("shows the list named in the URL from its own answer, without waiting for the counts of every list", async () => {
    fakeServer({
      "GET /api/v1/session": session("caseworker"),
      "GET /api/v1/worklists": [500, { title: "Internal Server Error", status: 500, detail: "boom" }],
      "GET /api/v1/worklists/occupation": [200, occupation],
    });
    renderAt("/?lista=occupation", <App />);

    const table = await screen.findByRole("table", { name: "Sysselsättning att ta reda på" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    expect(screen.getByRole("heading", { level: 2, name: /Sysselsättning att ta reda på: 3 st, varav 1 försenad/ })).toBeTruthy();
  });
});
