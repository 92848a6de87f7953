import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (person: number, registration: number, first: string, last: string) => ({
  person_id: person, registration_id: registration, first_name: first, last_name: last, protected: false, phone: null,
  caseworker_id: 2, unit: "KAA Norr", due: "2026-11-19", days_overdue: 3, detail: "unknown", detail_label: "Okänd",
  record_id: null, birth_date: "2007-04-10", turns_20: "2027-04-10",
});
const person = (id: number, registration: number, version: number) => ({
  id, first_name: "X", last_name: "Y", protected: false, registrations: [{ id: registration, version, unit: "KAA Norr" }],
});

describe("reassigning cases from Today", () => {
  it("sends each chosen row with its version and reports what succeeded and what failed", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "unit_manager" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [{ name: "occupation", count: 3, overdue: 3,
        by_caseworker: [{ caseworker_id: 2, username: "anna", count: 3, overdue: 3 }] }] }],
      "GET /api/v1/worklists/occupation": [200, {
        name: "occupation", today: "2026-11-22", count: 3, overdue: 3,
        items: [row(7, 70, "Malte", "Johansson"), row(8, 80, "Molly", "Axelsson"), row(9, 90, "Adam", "Berg")],
      }],
      "GET /api/v1/team": [200, { items: [
        { id: 3, username: "bengt", roles: ["caseworker"], units: ["KAA Söder"] },
        { id: 2, username: "anna", roles: ["caseworker"], units: ["KAA Norr"] },
      ] }],
      "GET /api/v1/persons/7": [200, person(7, 70, 3)],
      "GET /api/v1/persons/9": [200, person(9, 90, 5)],
      "PUT /api/v1/persons/7/registrations/70/assignment": [200, { id: 70, version: 4 }],
      "PUT /api/v1/persons/9/registrations/90/assignment": [409, {
        title: "Conflict", status: 409, detail: "Någon annan har ändrat inskrivningen under tiden.",
      }],
    });
    const user = userEvent.setup();
    renderAt("/", <App />);

    const button = await screen.findByRole("button", { name: "Fördela valda (0)" });
    expect(button.hasAttribute("disabled")).toBe(true);
    await user.click(await screen.findByRole("checkbox", { name: "Välj Malte Johansson" }));
    await user.click(screen.getByRole("checkbox", { name: "Välj Adam Berg" }));
    await user.click(screen.getByRole("button", { name: "Fördela valda (2)" }));

    const dialog = await screen.findByRole("dialog", { name: "Fördela ärenden" });
    within(dialog).getByText("2 ärenden är valda.");
    // The choice has the focus (a tester found it on the close button).
    await waitFor(() => expect(document.activeElement?.id).toBe("reassign-target"));
    // Each case with who has it now, so that the manager sees what the choice changes.
    within(dialog).getByText("Malte Johansson (nu: anna)");
    within(dialog).getByText("Adam Berg (nu: anna)");
    // Nobody chosen yet: the form says so and sends nothing.
    await user.click(within(dialog).getByRole("button", { name: "Fördela" }));
    await waitFor(() => expect(within(dialog).getAllByText("Välj vem som ska ta över ärendena.").length).toBe(2));
    expect(requests.some((r) => r.method === "PUT")).toBe(false);

    const select = await within(dialog).findByLabelText(/^Ny ansvarig/);
    await user.selectOptions(select, "bengt (KAA Söder)");
    await user.click(within(dialog).getByRole("button", { name: "Fördela" }));

    const summary = await within(dialog).findByText("1 av 2 ärenden är fördelade, 1 gick inte.");
    // The summary takes the focus (the button that led to it is gone); a keyboard user hears what was done.
    await waitFor(() => expect(summary.closest("[tabindex]")).toBe(document.activeElement));
    within(dialog).getByText("Malte Johansson: fördelat till bengt (KAA Söder).");
    within(dialog).getByText("Adam Berg: inte fördelat. Någon annan har ändrat inskrivningen under tiden.");

    const puts = requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => new URL(r.url).pathname)).toEqual([
      "/api/v1/persons/7/registrations/70/assignment",
      "/api/v1/persons/9/registrations/90/assignment",
    ]);
    expect(puts.map((r) => r.headers.get("If-Match"))).toEqual(["3", "5"]);
    expect(JSON.parse(await puts[0].clone().text())).toEqual({ caseworker_id: 3, unit: "KAA Söder" });
    // The worklists are read anew.
    await waitFor(() => expect(requests.filter((r) => new URL(r.url).pathname === "/api/v1/worklists").length).toBeGreaterThan(1));
    // Closed, the page says what was done and that message has the focus: the choice is cleared, so the
    // button that opened the dialog is disabled and cannot take it.
    await user.click(within(dialog).getByRole("button", { name: "Klar" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const said = await screen.findByText("1 av 2 ärenden är fördelade, 1 gick inte.");
    await waitFor(() => expect(said.closest("[tabindex]")).toBe(document.activeElement));
  });

  // A unit manager's findings: a case sent back to the intake where it already was was reported "fördelat",
  // and an intake case could not be given to a unit without naming a caseworker.
  it("says when a case was already where it was sent, and gives a case to a unit's intake", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "unit_manager" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [{ name: "occupation", count: 2, overdue: 2, by_caseworker: [] }] }],
      "GET /api/v1/worklists/occupation": [200, {
        name: "occupation", today: "2026-11-22", count: 2, overdue: 2, items: [row(7, 70, "Malte", "Johansson"), row(9, 90, "Adam", "Berg")],
      }],
      "GET /api/v1/team": [200, { items: [{ id: 3, username: "bengt", roles: ["caseworker"], units: ["KAA Söder"] }] }],
      "GET /api/v1/persons/7": [200, person(7, 70, 3)],
      "GET /api/v1/persons/9": [200, person(9, 90, 5)],
      "PUT /api/v1/persons/7/registrations/70/assignment": [200, { id: 70, version: 4 }],
      "PUT /api/v1/persons/9/registrations/90/assignment": [200, { id: 90, version: 5 }],
    });
    const user = userEvent.setup();
    renderAt("/", <App />);
    await user.click(await screen.findByRole("checkbox", { name: "Välj Malte Johansson" }));
    await user.click(screen.getByRole("checkbox", { name: "Välj Adam Berg" }));
    await user.click(screen.getByRole("button", { name: "Fördela valda (2)" }));
    const dialog = await screen.findByRole("dialog", { name: "Fördela ärenden" });
    await user.selectOptions(await within(dialog).findByLabelText(/^Ny ansvarig/), "KAA Söder: enhetens inkorg, ingen handläggare");
    await user.click(within(dialog).getByRole("button", { name: "Fördela" }));
    await within(dialog).findByText("1 av 2 ärenden är fördelade, 1 låg redan där.");
    within(dialog).getByText("Malte Johansson: fördelat till KAA Söder: enhetens inkorg, ingen handläggare.");
    within(dialog).getByText("Adam Berg: ingen ändring, ärendet låg redan där.");
    const put = requests.find((r) => r.method === "PUT")!;
    expect(JSON.parse(await put.clone().text())).toEqual({ caseworker_id: null, unit: "KAA Söder" });
  });

  it("offers no checkboxes to a caseworker", async () => {
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [{ name: "occupation", count: 1, overdue: 1, by_caseworker: [] }] }],
      "GET /api/v1/worklists/occupation": [200, { name: "occupation", today: "2026-11-22", count: 1, overdue: 1, items: [row(7, 70, "Malte", "Johansson")] }],
    });
    renderAt("/", <App />);
    await screen.findByRole("link", { name: "Malte Johansson" });
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Fördela valda/ })).toBeNull();
  });
});
