import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const admin = { csrf_token: "tok", user: { username: "demo", role: "admin,unit_manager" } };

describe("the administration", () => {
  it("is in the menu of an administrator only, and a caseworker who goes there is told she may not", async () => {
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [] }],
    });
    renderAt("/administration", <App />);
    await screen.findByText("Du har inte behörighet till administrationen. Den är till för administratörer.");
    const menu = screen.getByRole("navigation", { name: "Huvudmeny" });
    expect(within(menu).queryByRole("link", { name: "Administration" })).toBeNull();
    expect(screen.queryByRole("tab")).toBeNull();
  });

  it("shows an administrator the tabs, the chosen one from the URL, and the code lists with their labels", async () => {
    fakeServer({
      "GET /api/v1/session": [200, admin],
      "GET /api/v1/code-lists": [
        200,
        { items: [{ name: "contact_channel", codes: [{ code: "phone", label: "Telefon", valid_from: "1900-01-01", valid_to: null }] }] },
      ],
    });
    const user = userEvent.setup();
    renderAt("/administration?flik=kodlistor", <App />);
    const menu = await screen.findByRole("navigation", { name: "Huvudmeny" });
    expect(within(menu).getByRole("link", { name: "Administration" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Kodlistor", selected: true })).toBeTruthy();
    const list = await screen.findByRole("table", { name: /Kontaktväg/ });
    expect(within(list).getByRole("cell", { name: "Telefon" })).toBeTruthy();
    expect(within(list).getByRole("cell", { name: "tills vidare" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Enheter" }));
    expect(screen.getByRole("tab", { name: "Enheter", selected: true })).toBeTruthy();
  });
});
