import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Layout", () => {
  it("has the skip link first, and it moves the focus to <main> (not left on <body>)", async () => {
    fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-22", lists: [] }],
    });
    renderAt("/", <App />);
    await screen.findByRole("heading", { level: 1, name: "Idag" });
    const skip = screen.getByRole("link", { name: "Till huvudinnehållet" });
    expect(document.querySelector("a, button")).toBe(skip);
    fireEvent.click(skip);
    const main = screen.getByRole("main");
    expect(main.getAttribute("tabindex")).toBe("-1");
    expect(document.activeElement).toBe(main);
  });
});
