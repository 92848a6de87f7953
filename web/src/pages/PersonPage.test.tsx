import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { focusManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = (version: number, phone: string, email: string) => ({
  id: 7, personal_id: "20070410-1234", first_name: "Malte", last_name: "Johansson", protected: false,
  address: { street_address: "Storgatan 1", postal_code: "50330", city: "Borås" }, contact: { phone, email },
  municipality_code: "1490", birth_date: "2007-04-10", coordination_number: false, version,
  registrations: [{ id: 70, person_id: 7, start_date: "2026-01-01", reason: "x", unit: "KAA Norr" }],
  occupation: { kind: "unknown" }, occupation_label: "Okänd", planned_occupation: null,
});

/**
 * A server holding Malte (version 3, a phone number, no e-mail) whose PUT of contact details answers 409
 * with `theirs`; `saveMeanwhile(p)` makes `p` what GET answers from then on (with its ETag).
 */
function contactServer(theirs: ReturnType<typeof person>) {
  let current = person(3, "070-111 11 11", "");
  const answers: Record<string, [number, unknown]> = {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
    "GET /api/v1/persons/7/contact-attempts": [200, { items: [] }],
    "PUT /api/v1/persons/7/contact-details": [409, { title: "Konflikt", status: 409, detail: "Någon annan har ändrat personen.", current: theirs }],
  };
  Object.defineProperty(answers, "GET /api/v1/persons/7", { enumerable: true, get: () => [200, current] });
  const requests = fakeServer(answers);
  // fakeServer answers no headers of its own: give the person's GET its ETag.
  const fetchMock = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
  const answer = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation(async (request: Request) => {
    const response = await answer(request);
    if (request.method === "GET" && new URL(request.url).pathname === "/api/v1/persons/7")
      response.headers.set("ETag", `"person/7/${current.version}"`);
    return response;
  });
  return { answers, requests, saveMeanwhile: (p: ReturnType<typeof person>) => (current = p) };
}

describe("the contact details", () => {
  // Anna changes the phone number while someone else saves a new one and an e-mail address.
  async function saveOverTheirs() {
    const { answers, requests, saveMeanwhile } = contactServer(person(4, "070-222 22 22", "malte@example.se"));
    const user = userEvent.setup();
    renderAt("/personer/7", <App />);
    await user.click(await screen.findByRole("button", { name: "Ändra kontaktuppgifter" }));
    const phone = screen.getByLabelText(/^Telefon/) as HTMLInputElement;
    expect(phone.value).toBe("070-111 11 11");
    // The button has gone; the focus is on the first field, not on <body>.
    expect(document.activeElement).toBe(phone);
    await user.clear(phone);
    await user.type(phone, "070-333 33 33");
    // Someone else saves in the meantime.
    saveMeanwhile(person(4, "070-222 22 22", "malte@example.se"));
    await user.click(screen.getByRole("button", { name: "Spara" }));

    const heading = await screen.findByRole("heading", { name: "Någon annan har ändrat uppgifterna" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const put = requests.find((r) => r.method === "PUT")!;
    expect(put.headers.get("If-Match")).toBe('"person/7/3"');
    expect(JSON.parse(await put.clone().text())).toEqual({ phone: "070-333 33 33", email: null });
    const table = screen.getByRole("table", { name: "Någon annan har ändrat uppgifterna" });
    const rows = within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
    // Only what she changed is hers; the e-mail she did not touch is not listed as her change.
    expect(rows).toEqual([
      ["Uppgift", "Sparat nu", "Dina ändringar"],
      ["Telefon", "070-222 22 22", "070-333 33 33"],
    ]);
    expect(screen.getByRole("button", { name: "Spara" }).hasAttribute("disabled")).toBe(true);
    return { answers, requests, user };
  }

  it("are sent with the person's ETag; a 409 shows what you changed beside what is saved and loads the saved ones again", async () => {
    const { answers, requests, user } = await saveOverTheirs();
    const current = person(4, "070-222 22 22", "malte@example.se");
    await user.click(screen.getByRole("button", { name: "Hämta de sparade uppgifterna igen" }));
    await waitFor(() => expect(screen.queryByText("Någon annan har ändrat uppgifterna")).toBeNull());
    expect((screen.getByLabelText(/^Telefon/) as HTMLInputElement).value).toBe("070-222 22 22");
    expect((screen.getByLabelText(/^E-post/) as HTMLInputElement).value).toBe("malte@example.se");
    // The next save goes with the new ETag.
    answers["PUT /api/v1/persons/7/contact-details"] = [200, current];
    await user.click(screen.getByRole("button", { name: "Spara" }));
    await screen.findByText("Kontaktuppgifterna är sparade.");
    expect(requests.filter((r) => r.method === "PUT")[1].headers.get("If-Match")).toBe('"person/7/4"');
  });

  it("Behåll mina ändringar keeps the phone number you typed and takes the e-mail someone else saved", async () => {
    const { answers, requests, user } = await saveOverTheirs();
    await user.click(screen.getByRole("button", { name: "Behåll mina ändringar" }));
    await waitFor(() => expect(screen.queryByText("Någon annan har ändrat uppgifterna")).toBeNull());
    expect((screen.getByLabelText(/^Telefon/) as HTMLInputElement).value).toBe("070-333 33 33");
    expect((screen.getByLabelText(/^E-post/) as HTMLInputElement).value).toBe("malte@example.se");
    answers["PUT /api/v1/persons/7/contact-details"] = [200, person(5, "070-333 33 33", "malte@example.se")];
    await user.click(screen.getByRole("button", { name: "Spara" }));
    await screen.findByText("Kontaktuppgifterna är sparade.");
    const put = requests.filter((r) => r.method === "PUT")[1];
    expect(put.headers.get("If-Match")).toBe('"person/7/4"');
    expect(JSON.parse(await put.clone().text())).toEqual({ phone: "070-333 33 33", email: "malte@example.se" });
  });

  // An attacker's finding: the person read anew while the form was open (the window regained focus) gave
  // the save the new ETag, so the fields as first read were saved over someone else's e-mail, with no 409.
  it("are saved with the version the form was opened with, whatever is read meanwhile", async () => {
    const { requests, saveMeanwhile } = contactServer(person(4, "070-111 11 11", "elin@example.se"));
    const user = userEvent.setup();
    renderAt("/personer/7", <App />);
    await user.click(await screen.findByRole("button", { name: "Ändra kontaktuppgifter" }));
    // Someone else saves an e-mail address; half a minute on, the window regains focus and the person is read anew.
    saveMeanwhile(person(4, "070-111 11 11", "elin@example.se"));
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + 31_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await waitFor(() => expect(requests.filter((r) => r.method === "GET" && new URL(r.url).pathname === "/api/v1/persons/7")).toHaveLength(2));
    vi.restoreAllMocks();
    const phone = screen.getByLabelText(/^Telefon/);
    await user.clear(phone);
    await user.type(phone, "070-333 33 33");
    await user.click(screen.getByRole("button", { name: "Spara" }));
    await screen.findByRole("heading", { name: "Någon annan har ändrat uppgifterna" });
    expect(requests.find((r) => r.method === "PUT")!.headers.get("If-Match")).toBe('"person/7/3"');
  });
});

// A unit manager's finding: the person's page did not say who is responsible for the case.
describe("the registrations", () => {
  it("name the responsible caseworker, and say when there is none", async () => {
    const malte = {
      ...person(3, "", ""),
      registrations: [
        { id: 70, person_id: 7, start_date: "2026-01-01", reason: "x", unit: "KAA Norr", caseworker_id: 2, caseworker_username: "anna", end_date: null },
        { id: 60, person_id: 7, start_date: "2025-01-01", reason: "x", unit: "", caseworker_id: null, end_date: "2025-06-01" },
      ],
    };
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/7": [200, malte],
      "GET /api/v1/persons/7/contact-attempts": [200, { items: [] }],
    });
    renderAt("/personer/7", <App />);
    const table = await screen.findByRole("table", { name: "Inskrivningar" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toContain("Ansvarig");
    expect(within(table).getByText("anna")).toBeTruthy();
    expect(within(table).getByText("ingen handläggare")).toBeTruthy();
  });
});
