import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session: [number, unknown] = [200, { csrf_token: "tok", user: { username: "statistik", role: "statistician" } }];

describe("the statistics", () => {
  it("mark a suppressed count (null) as hidden, never as 0, and explain the mark", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/statistics": [
        200,
        {
          scope: "municipality", suppressed_below: 5, open_registrations: 344,
          by_occupation: [
            { key: "abroad", label: "Utomlands", count: null },
            { key: "work", label: "Arbete", count: 72 },
          ],
          by_unit: [{ key: null, label: "Inkorgen (ingen enhet ännu)", count: 8 }, { key: "KAA Norr", count: 169 }],
        },
      ],
    });
    renderAt("/", <App />);
    await screen.findByRole("heading", { level: 1, name: "Statistik" });
    expect(await screen.findByText("344")).toBeTruthy();
    const occupation = screen.getByRole("table", { name: "Efter nuvarande sysselsättning" });
    const abroad = within(occupation).getByRole("rowheader", { name: "Utomlands" }).closest("tr")!;
    const cell = within(abroad).getAllByRole("cell")[0];
    expect(cell.textContent).toBe("–dolt");
    expect(within(cell).getByText("–").getAttribute("aria-hidden")).toBe("true");
    expect(within(occupation).queryByText("0")).toBeNull();
    expect(screen.getByText(/^– betyder att antalet är dolt: det är 1–4/)).toBeTruthy();
    const units = screen.getByRole("table", { name: "Efter enhet" });
    expect(within(units).getByRole("rowheader", { name: "Inkorgen (ingen enhet ännu)" })).toBeTruthy();
    expect(within(units).getByText("169")).toBeTruthy();
  });

  it("say when nothing can be shown", async () => {
    fakeServer({
      "GET /api/v1/session": session,
      "GET /api/v1/statistics": [200, { scope: "municipality", suppressed_below: 5, open_registrations: null, by_occupation: [], by_unit: [] }],
    });
    renderAt("/statistik", <App />);
    await screen.findByText(/^Inga siffror visas: färre än 5 inskrivningar/);
    expect(screen.queryByRole("table")).toBeNull();
  });
});
