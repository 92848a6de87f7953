import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = {
  id: 5, personal_id: "20080312-2381", first_name: "Lisa", last_name: "Ek", protected: false,
  address: { street_address: "Storgatan 1", postal_code: "50431", city: "Borås" },
  contact: { phone: "070-111 22 33", email: "" }, municipality_code: "1490", birth_date: "2008-03-12",
  coordination_number: false, version: 1, registrations: [], occupation: { kind: "unknown" },
  occupation_label: "Okänd", planned_occupation: null,
};

describe("Login", () => {
  it("refuses empty fields in the error summary and beside the fields, without asking the server", async () => {
    const requests = fakeServer({ "GET /api/v1/session": [401, { title: "Inte inloggad", status: 401, detail: "Logga in." }] });
    renderAt("/", <App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Logga in" }));

    const heading = screen.getByRole("heading", { name: "Rätta följande innan du går vidare:" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole("link", { name: "Skriv ditt användarnamn." }).getAttribute("href")).toBe("#login-username");
    expect(screen.getByRole("link", { name: "Skriv ditt lösenord." }).getAttribute("href")).toBe("#login-password");
    expect(screen.getByLabelText("Användarnamn").getAttribute("aria-invalid")).toBe("true");
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("shows the server's refusal as an alert, and after login goes to the page the user came from", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [401, { title: "Inte inloggad", status: 401, detail: "Logga in." }],
      "POST /api/v1/session": [401, { title: "Inte inloggad", status: 401, detail: "Fel användarnamn eller lösenord." }],
    });
    renderAt("/personer/5", <App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Användarnamn"), "anna");
    await user.type(screen.getByLabelText("Lösenord"), "fel-lösenord");
    await user.click(screen.getByRole("button", { name: "Logga in" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Fel användarnamn eller lösenord.");
    const post = requests.find((r) => r.method === "POST")!;
    expect(await post.clone().json()).toEqual({ username: "anna", password: "fel-lösenord" });
    expect(post.headers.get("Accept-Language")).toBe("sv");

    fakeServer({
      "POST /api/v1/session": [200, { csrf_token: "tok-1", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/5": [200, person],
      "GET /api/v1/persons/5/contact-attempts": [200, { items: [] }],
      "DELETE /api/v1/session": [204, null],
    });
    await user.clear(screen.getByLabelText("Lösenord"));
    await user.type(screen.getByLabelText("Lösenord"), "rätt-lösenord");
    await user.click(screen.getByRole("button", { name: "Logga in" }));
    await screen.findByRole("heading", { level: 1, name: "Lisa Ek" });
    await screen.findByText("Inga kontaktförsök ännu.");

    // Logout sends the CSRF token that login answered.
    const logout = fakeServer({ "DELETE /api/v1/session": [204, null] });
    await user.click(screen.getByRole("button", { name: "Logga ut" }));
    await screen.findByRole("heading", { level: 1, name: "Logga in" });
    expect(logout[0].headers.get("X-CSRF-Token")).toBe("tok-1");
  });
});
