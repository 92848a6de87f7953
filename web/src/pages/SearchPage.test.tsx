import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session = [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }] as [number, unknown];

describe("the search", () => {
  it("says that it is logged, puts the query in the URL and links each person", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/persons": [
        200,
        {
          items: [
            { id: 7, personal_id: "20070410-1234", first_name: "Åsa", last_name: "Öberg", protected: false },
            { id: 8, personal_id: "20081201-2345", first_name: "Åke", last_name: "Ström", protected: true },
          ],
          page: 1,
          page_size: 50,
          total: 2,
        },
      ],
    });
    const user = userEvent.setup();
    renderAt("/sok", <App />);
    expect(await screen.findByText(/^Varje sökning loggas/)).toBeTruthy();
    expect(requests.some((r) => new URL(r.url).pathname === "/api/v1/persons")).toBe(false);
    await user.type(screen.getByLabelText(/^Namn eller personnummer/), "Å Ö");
    await user.click(screen.getByRole("button", { name: "Sök" }));
    const table = await screen.findByRole("table", { name: "Sökresultat för ”Å Ö”" });
    const search = requests.find((r) => new URL(r.url).pathname === "/api/v1/persons")!;
    expect(new URL(search.url).searchParams.get("query")).toBe("Å Ö");
    expect(within(table).getByRole("link", { name: "Åsa Öberg" }).getAttribute("href")).toBe("/personer/7");
    const protectedRow = within(table).getByRole("link", { name: "Åke Ström" }).closest("tr")!;
    expect(within(protectedRow).getByText("Skyddad identitet")).toBeTruthy();
    expect(screen.getByText("2 personer, visar 1–2.")).toBeTruthy();
  });

  it("leads back from a person opened from it to the same search", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/persons": [
        200,
        { items: [{ id: 7, personal_id: "20070410-1234", first_name: "Åsa", last_name: "Öberg", protected: false }], page: 1, page_size: 50, total: 1 },
      ],
      "GET /api/v1/persons/7": [
        200,
        {
          id: 7, personal_id: "20070410-1234", first_name: "Åsa", last_name: "Öberg", protected: false,
          address: null, contact: null, municipality_code: "1490", birth_date: "2007-04-10", coordination_number: false,
          version: 1, registrations: [], occupation: { kind: "unknown" }, occupation_label: "Okänd", planned_occupation: null,
        },
      ],
      "GET /api/v1/persons/7/contact-attempts": [200, { items: [] }],
      "GET /api/v1/persons/7/history": [200, { items: [] }],
    });
    const user = userEvent.setup();
    renderAt("/sok?q=%C3%96berg", <App />);
    await user.click(await screen.findByRole("link", { name: "Åsa Öberg" }));
    await screen.findByRole("heading", { level: 1, name: "Åsa Öberg" });
    // Through the full history and back, the way back is kept.
    await user.click(screen.getByRole("link", { name: "Hela historiken" }));
    await user.click(await screen.findByRole("link", { name: "Tillbaka till personen" }));
    await screen.findByRole("heading", { level: 1, name: "Åsa Öberg" });
    const back = screen.getByRole("link", { name: "Tillbaka till sökningen" });
    expect(back.getAttribute("href")).toBe("/sok?q=%C3%96berg");
    await user.click(back);
    expect(await screen.findByRole("link", { name: "Åsa Öberg" })).toBeTruthy();
    expect((screen.getByLabelText(/^Namn eller personnummer/) as HTMLInputElement).value).toBe("Öberg");
  });

  it("offers to register by hand when nobody is found", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/persons": [200, { items: [], page: 1, page_size: 50, total: 0 }],
      "GET /api/v1/code-lists/registration_reason": [200, { codes: [] }],
      "GET /api/v1/code-lists/registration_by_hand": [200, { codes: [] }],
    });
    const user = userEvent.setup();
    renderAt("/sok?q=20090505-1231", <App />);
    await screen.findByText("Ingen hittades.");
    await user.click(screen.getByRole("button", { name: "Skriv in för hand" }));
    const dialog = await screen.findByRole("dialog", { name: "Skriv in för hand" });
    expect((within(dialog).getByLabelText(/^Personnummer/) as HTMLInputElement).value).toBe("20090505-1231");
    // A whole personnummer that found nobody: Lotsen does not know the person.
    await waitFor(() => expect(within(dialog).getByLabelText("Förnamn")).toBeTruthy());
  });

  // A caseworker's findings: a name search offered to register a person who had a case in another unit,
  // and a mistyped personnummer said only "Ingen hittades".
  it("after a name finds nobody, says that a case in another unit is found only by the whole personnummer", async () => {
    fakeServer({ "GET /api/v1/session": session, "GET /api/v1/persons": [200, { items: [], page: 1, page_size: 50, total: 0 }] });
    renderAt("/sok?q=Öberg", <App />);
    await screen.findByText(/hittar du hen bara med hela personnumret: sök på det innan du skriver in hen för hand/);
    expect(screen.getByRole("button", { name: "Skriv in för hand" })).toBeTruthy();
  });

  it("says that the check digit of a mistyped personnummer does not fit, and offers no registration", async () => {
    fakeServer({ "GET /api/v1/session": session, "GET /api/v1/persons": [200, { items: [], page: 1, page_size: 50, total: 0 }] });
    renderAt("/sok?q=20090505-1232", <App />);
    await screen.findByText(/Kontrollsiffran \(den sista siffran\) stämmer inte/);
    expect(screen.queryByRole("button", { name: "Skriv in för hand" })).toBeNull();
  });
});
