import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = {
  id: 2, personal_id: "20070410-1234", first_name: "Malte", last_name: "Johansson", protected: false,
  address: null, contact: { phone: "", email: "" }, municipality_code: "1490", birth_date: "2007-04-10",
  coordination_number: false, registrations: [], occupation: { kind: "unknown" }, planned_occupation: null,
};
const attempt = {
  id: 41, kind: "contact_attempt", registration_id: 7, version: 2,
  data: { date: "2025-03-03", time: "10:15", channel: "phone", reached: false }, labels: { channel: "Telefon" },
};

describe("voiding a record (a contact attempt)", () => {
  it("explains that it stays in the history, wants a reason, sends the version and then says it is voided", async () => {
    let voided = false;
    const answers: Record<string, [number, unknown]> = {
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/2": [200, person],
      "POST /api/v1/persons/2/contact-attempts/41/void": [200, { ...attempt, version: 3, voided: true }],
    };
    Object.defineProperty(answers, "GET /api/v1/persons/2/contact-attempts", {
      enumerable: true,
      get: () => [200, { items: voided ? [] : [attempt] }],
    });
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Makulera kontakten 2025-03-03 10:15" }));
    const dialog = await screen.findByRole("dialog", { name: "Makulera kontaktförsöket" });
    expect(within(dialog).getByText(/finns kvar i ärendets historik/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    const reason = within(dialog).getByLabelText(/^Skäl till makuleringen/);
    await waitFor(() => expect(within(dialog).getAllByText("Skriv varför kontaktförsöket makuleras.").length).toBe(2));
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    voided = true;
    await user.type(reason, "Loggat på fel person");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    const done = await screen.findByText("Kontaktförsöket 2025-03-03 är makulerat. Det finns kvar i historiken.");
    await waitFor(() => expect(document.activeElement).toBe(done.closest('[tabindex="-1"]')));
    const post = requests.filter((r) => r.method === "POST").pop()!;
    expect(JSON.parse(await post.clone().text())).toEqual({ reason: "Loggat på fel person" });
    expect(post.headers.get("If-Match")).toBe("2");
    await screen.findByText("Inga kontaktförsök ännu.");
  });
});
