import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { localDateTime } from "../format";
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

describe("breaking the glass", () => {
  it("explains the refusal, shows the server's 422 beside the reason, then opens the case for its time", async () => {
    let granted = false;
    let grantAnswer: [number, unknown] = [
      422,
      { title: "Uppgifterna kan inte sparas", status: 422, detail: "Skälet behöver minst tio bokstäver eller siffror.",
        errors: [{ field: "reason", detail: "Skälet behöver minst tio bokstäver eller siffror." }] },
    ];
    const answers: Record<string, [number, unknown]> = {
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/2/contact-attempts": [200, { items: [] }],
    };
    Object.defineProperty(answers, "GET /api/v1/persons/2", {
      enumerable: true,
      get: () =>
        granted
          ? [200, person]
          : [403, { type: "urn:lotsen:problem:outside-caseload", title: "Forbidden", status: 403, detail: "Ärendet ligger utanför dina ärenden. För att öppna det, ange ditt skäl (tillfällig åtkomst)." }],
    });
    Object.defineProperty(answers, "POST /api/v1/persons/2/access-grants", { enumerable: true, get: () => grantAnswer });
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await screen.findByRole("heading", { name: "Ärendet ligger utanför dina ärenden" });
    // A caseworker's finding: the refused page was headed "Person", with no way back.
    screen.getByRole("heading", { level: 1, name: "Person utanför dina ärenden" });
    expect(screen.getByRole("link", { name: "Tillbaka till Idag" }).getAttribute("href")).toBe("/");
    await user.click(screen.getByRole("button", { name: "Öppna ärendet tillfälligt" }));
    const dialog = await screen.findByRole("dialog", { name: "Öppna ärendet tillfälligt" });
    const reason = within(dialog).getByLabelText(/^Skäl/);
    await user.type(reason, "kort");
    await user.click(within(dialog).getByRole("button", { name: "Öppna ärendet" }));
    // Beside the field (its description) and in the summary.
    await waitFor(() => expect(reason.getAttribute("aria-describedby")).toBeTruthy());
    expect(within(dialog).getAllByText("Skälet behöver minst tio bokstäver eller siffror.").length).toBe(2);
    expect(within(dialog).getByRole("link", { name: "Skälet behöver minst tio bokstäver eller siffror." })).toBeTruthy();

    const now = Date.now();
    const expires = new Date(now + 8 * 3_600_000).toISOString();
    grantAnswer = [201, { id: 1, person_id: 2, reason: "x", granted_at: new Date(now).toISOString(), expires_at: expires }];
    granted = true;
    await user.clear(reason);
    await user.type(reason, "Vårdnadshavare ringde om Malte");
    await user.click(within(dialog).getByRole("button", { name: "Öppna ärendet" }));
    await screen.findByRole("heading", { level: 1, name: "Malte Johansson" });
    const lasts = screen.getByText(`Du har tillfällig åtkomst till ärendet i 8 timmar, till ${localDateTime(expires)}.`);
    await waitFor(() => expect(document.activeElement).toBe(lasts.closest("[tabindex=\"-1\"]")));
    const post = requests.filter((r) => r.method === "POST").pop()!;
    expect(JSON.parse(await post.clone().text())).toEqual({ reason: "Vårdnadshavare ringde om Malte" });
    expect(post.headers.get("X-CSRF-Token")).toBe("tok");
  });
});
