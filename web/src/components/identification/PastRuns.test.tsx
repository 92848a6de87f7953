import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { localDateTime } from "../../format";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("past identification runs", () => {
  it("list the date, who ran it, the municipality, the counts and each file's name, size and SHA-256", async () => {
    const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "admin" } }],
      "GET /api/v1/identification-runs": [
        200,
        {
          items: [
            {
              id: 3, ran_at: "2026-11-30T09:15:00Z", actor: "demo", date: "2026-11-30", municipality: "1490",
              files: [
                { role: "population", name: "folk.csv", sha256: sha, bytes: 1234 },
                { role: "enrolments", name: "skola.csv", sha256: "ab".repeat(32), bytes: 99 },
              ],
              summary: { registered: { total: 4 }, deregistered: { total: 2 }, unchanged: 300 },
            },
          ],
        },
      ],
    });
    renderAt("/identifiering", <App />);
    const table = await screen.findByRole("table", { name: "Tidigare körningar" });
    const row = within(table).getByRole("rowheader", { name: "2026-11-30" }).closest("tr")!;
    expect(within(row).getByText(localDateTime("2026-11-30T09:15:00Z"))).toBeTruthy();
    expect(within(row).getByText("1490")).toBeTruthy();
    expect(within(row).getByText("4")).toBeTruthy();
    expect(within(row).getByText("300")).toBeTruthy();
    expect(within(row).getByText(/^Folkbokföring: folk\.csv, 1\s234 byte$/)).toBeTruthy();
    expect(within(row).getByText(sha)).toBeTruthy();
  });
});
