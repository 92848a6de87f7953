import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const none = { count: 0, truncated: false, items: [] };
const entry = {
  id: 11, time: "2026-11-30T10:00:00Z", username: "anna", role: "caseworker", route: "GET /api/v1/persons/{id}",
  person_ids: [5], count: 1, purpose: "Vårdnadshavare ringde om ärendet", refused: false,
};

describe("the review's findings", () => {
  it("link each grant to its entries in the log and each person to their page", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "revisor", role: "auditor" } }],
      "GET /api/v1/access-log/review": [
        200,
        {
          from: "2026-11-01", to: "2026-11-30", entries: 40,
          break_glass: { count: 1, truncated: false, items: [
            { id: 1, username: "anna", person_id: 5, reason: "Vårdnadshavare ringde om ärendet",
              granted_at: "2026-11-30T09:58:00Z", expires_at: "2026-11-30T17:58:00Z" },
          ] },
          outside_caseload: { count: 1, truncated: false, items: [entry] },
          bulk: { ...none, threshold: 25 }, off_hours: { ...none, office_hours: "07-18" },
          many_persons: { ...none, threshold: 100 }, refused: none, auditor_reads: none,
          many_searches: { count: 1, truncated: false, threshold: 100, items: [{ username: "bo", day: "2026-11-23", searches: 1000, persons: 212 }] },
        },
      ],
      "GET /api/v1/access-log": [200, { items: [entry], truncated: false }],
    });
    const user = userEvent.setup();
    renderAt("/granskning?fran=2026-11-01&till=2026-11-30", <App />);
    const grants = await screen.findByRole("region", { name: /Nödåtkomst/ });
    await user.click(within(grants).getByText("Visa posterna"));
    expect(within(grants).getByRole("link", { name: "Öppna person 5" }).getAttribute("href")).toBe("/personer/5");
    const outside = screen.getByRole("region", { name: /utanför ärendelistan/ });
    expect(within(outside).getByRole("link", { name: "Öppna person 5" }).getAttribute("href")).toBe("/personer/5");
    expect(within(outside).getByRole("link", { name: "Posterna av anna" }).getAttribute("href")).toBe(
      "/granskning/logg?fran=2026-11-01&till=2026-11-30&anvandare=anna",
    );

    // A day of many searches links to that user's entries of that day.
    const searches = screen.getByRole("region", { name: /Dagar med många sökningar: 1/ });
    await user.click(within(searches).getByText("Visa posterna"));
    const day = within(searches).getByRole("row", { name: /2026-11-23/ });
    expect(within(day).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2026-11-23", "bo", "1000", "212"]);
    expect(within(day).getByRole("link", { name: "Posterna av bo" }).getAttribute("href")).toBe(
      "/granskning/logg?fran=2026-11-23&till=2026-11-23&anvandare=bo",
    );

    await user.click(within(grants).getByRole("link", { name: "Posterna av anna om person 5" }));
    await screen.findByRole("heading", { level: 1, name: "Åtkomstloggen" });
    // The page shows its heading before it asks the server: wait for the request (under load it came later).
    await waitFor(() => expect(requests.some((r) => new URL(r.url).pathname === "/api/v1/access-log")).toBe(true));
    const log = requests.find((r) => new URL(r.url).pathname === "/api/v1/access-log")!;
    expect(Object.fromEntries(new URL(log.url).searchParams)).toEqual({
      from: "2026-11-30", to: "2026-11-30", username: "anna", person_id: "5",
    });
    await screen.findByText("1 poster.");
    const row = screen.getByRole("cell", { name: "Vårdnadshavare ringde om ärendet" }).closest("tr")!;
    expect(within(row).getByRole("link", { name: "Öppna person 5" })).toBeTruthy();
    expect((screen.getByLabelText("Användare") as HTMLInputElement).value).toBe("anna");
  });
});
