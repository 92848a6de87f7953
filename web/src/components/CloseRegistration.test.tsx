import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const registration = {
  id: 7, person_id: 2, programme: "kaa", start_date: "2024-01-10", reason: "dropout_national_programme",
  reason_label: "Avbrott", end_date: null, end_reason: null, version: 3, caseworker_id: 1, unit: "Nord",
  closed_by_hand: false, by_hand: null, awaiting_registers: false,
};
const person = {
  id: 2, personal_id: "20070410-1234", first_name: "Malte", last_name: "Johansson", protected: false,
  address: null, contact: { phone: "", email: "" }, municipality_code: "1490", birth_date: "2007-04-10",
  coordination_number: false, registrations: [registration], occupation: { kind: "unknown" }, planned_occupation: null,
};
const reasons = [
  { code: "left_population_register", label: "Avregistrerad från folkbokföringen", valid_from: "1900-01-01", valid_to: null },
  { code: "moved_out", label: "Flyttat från kommunen", valid_from: "1900-01-01", valid_to: null },
  { code: "turned_20", label: "Fyllt 20 år", valid_from: "1900-01-01", valid_to: null },
  { code: "completed_degree", label: "Examen eller motsvarande", valid_from: "1900-01-01", valid_to: null },
  { code: "moved_abroad", label: "Flyttat utomlands (uppgift från den unga)", valid_from: "1900-01-01", valid_to: null },
];

describe("closing a registration", () => {
  it("offers only the reasons a caseworker may choose, shows the server's 422 beside the field, then says how many measures ended", async () => {
    const detail = "Slutdatumet ligger före startdatumet.";
    let closeAnswer: [number, unknown] = [
      422,
      { title: "Uppgifterna kan inte sparas", status: 422, errors: [{ field: "end_date", detail }] },
    ];
    const answers: Record<string, [number, unknown]> = {
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/2": [200, person],
      "GET /api/v1/persons/2/contact-attempts": [200, { items: [] }],
      "GET /api/v1/code-lists/deregistration_reason": [200, { name: "deregistration_reason", codes: reasons }],
    };
    Object.defineProperty(answers, "POST /api/v1/persons/2/registrations/7/close", { enumerable: true, get: () => closeAnswer });
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Avsluta inskrivningen" }));
    const dialog = await screen.findByRole("dialog", { name: "Avsluta inskrivningen" });
    await within(dialog).findByRole("radio", { name: /Flyttat utomlands/ });
    // Moving out and leaving the register come from the population register; Malte turns 20 in 2027.
    expect(within(dialog).queryByRole("radio", { name: /Flyttat från kommunen/ })).toBeNull();
    expect(within(dialog).queryByRole("radio", { name: /folkbokföringen/ })).toBeNull();
    expect(within(dialog).queryByRole("radio", { name: /Fyllt 20/ })).toBeNull();
    expect(within(dialog).getByText("Den unga har själv berättat att hen har flyttat utomlands.")).toBeTruthy();

    const date = within(dialog).getByLabelText(/^Slutdatum/);
    await user.clear(date);
    await user.type(date, "2023-12-01");
    await user.click(within(dialog).getByRole("radio", { name: /Flyttat utomlands/ }));
    await user.click(within(dialog).getByRole("button", { name: "Avsluta" }));
    await waitFor(() => expect(within(dialog).getAllByText(detail).length).toBe(2));
    expect(within(dialog).getByRole("link", { name: detail })).toBeTruthy();
    expect(date.getAttribute("aria-describedby")).toMatch(/\S/);
    const post = requests.filter((r) => r.method === "POST").pop()!;
    expect(JSON.parse(await post.clone().text())).toEqual({ end_date: "2023-12-01", end_reason: "moved_abroad" });
    expect(post.headers.get("If-Match")).toBe('"registration/7/3"');

    closeAnswer = [200, { ...registration, end_date: "2025-01-10", end_reason: "moved_abroad", version: 4, measures_ended: [31, 32] }];
    await user.clear(date);
    await user.type(date, "2025-01-10");
    await user.click(within(dialog).getByRole("button", { name: "Avsluta" }));
    const done = await screen.findByText("Inskrivningen är avslutad. 2 pågående åtgärder avslutades samtidigt.");
    await waitFor(() => expect(document.activeElement).toBe(done.closest('[tabindex="-1"]')));
  });

  it("says that someone else changed the registration on a 409 and reads the person anew", async () => {
    const answers: Record<string, [number, unknown]> = {
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/2": [200, person],
      "GET /api/v1/persons/2/contact-attempts": [200, { items: [] }],
      "GET /api/v1/code-lists/deregistration_reason": [200, { name: "deregistration_reason", codes: reasons }],
      "POST /api/v1/persons/2/registrations/7/close": [409, { title: "Conflict", status: 409, detail: "stale", current: { ...registration, version: 4 } }],
    };
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Avsluta inskrivningen" }));
    const dialog = await screen.findByRole("dialog", { name: "Avsluta inskrivningen" });
    await user.click(await within(dialog).findByRole("radio", { name: /Examen/ }));
    const before = requests.filter((r) => r.url.endsWith("/persons/2")).length;
    await user.click(within(dialog).getByRole("button", { name: "Avsluta" }));
    await within(dialog).findByText(/Någon annan har ändrat inskrivningen/);
    await waitFor(() => expect(requests.filter((r) => r.url.endsWith("/persons/2")).length).toBeGreaterThan(before));
  });
});

describe("correcting a registration reason the registers contradict", () => {
  it("marks the contradiction, offers the registers' reason first, sends it with the version, and says it is done", async () => {
    const contradicted = { ...registration, reason: "never_started", reason_label: "Har inte påbörjat gymnasieskolan",
      registers_reason: "dropout_national_programme", registers_reason_label: "Avbrott på nationellt program",
      reason_contradicted: true };
    const registrationReasons = [
      { code: "dropout_national_programme", label: "Avbrott på nationellt program", valid_from: "1900-01-01", valid_to: null },
      { code: "introduction_programme_student", label: "Elev på introduktionsprogram", valid_from: "1900-01-01", valid_to: "2018-06-30" },
      { code: "never_started", label: "Har inte påbörjat gymnasieskolan", valid_from: "1900-01-01", valid_to: null },
    ];
    const answers: Record<string, [number, unknown]> = {
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/2": [200, { ...person, registrations: [contradicted] }],
      "GET /api/v1/persons/2/contact-attempts": [200, { items: [] }],
      "GET /api/v1/code-lists/registration_reason": [200, { name: "registration_reason", codes: registrationReasons }],
      "POST /api/v1/persons/2/registrations/7/reason": [200, { ...contradicted, reason: "dropout_national_programme", version: 4, reason_contradicted: false }],
    };
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    expect(await screen.findByText("Registren anger: Avbrott på nationellt program")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Avsluta inskrivningen" })).toBeTruthy(); // open: may be closed too
    await user.click(screen.getByRole("button", { name: "Rätta skälet" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta inskrivningens skäl" });
    const registers = await within(dialog).findByRole("radio", { name: /Avbrott på nationellt program/ });
    expect((registers as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText("Det skäl registren anger")).toBeTruthy();
    expect(within(dialog).queryByRole("radio", { name: /introduktionsprogram/ })).toBeNull(); // not valid in 2024
    await user.click(within(dialog).getByRole("button", { name: "Spara skälet" }));
    await screen.findByText("Skälet är rättat.");
    const post = requests.filter((r) => r.method === "POST").pop()!;
    expect(JSON.parse(await post.clone().text())).toEqual({ reason: "dropout_national_programme" });
    expect(post.headers.get("If-Match")).toBe('"registration/7/3"');
  });
});
