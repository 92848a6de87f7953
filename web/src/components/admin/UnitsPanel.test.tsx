import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { fakeServer, renderAt, type Answers } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the units", () => {
  it("lists the units and adds one: a name wanted first, a unit that exists is the server's 409, then added", async () => {
    let units = [{ name: "KAA Norr" }];
    let post: Answers[string] = [409, { title: "Conflict", status: 409, detail: "Enheten KAA Norr finns redan." }];
    const answers: Answers = { "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "admin" } }] };
    Object.defineProperty(answers, "GET /api/v1/units", { enumerable: true, get: () => [200, { items: units }] });
    Object.defineProperty(answers, "POST /api/v1/units", { enumerable: true, get: () => post });
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/administration?flik=enheter", <App />);
    const table = await screen.findByRole("table", { name: "Enheter" });
    expect(within(table).getByRole("cell", { name: "KAA Norr" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Lägg till enhet" }));
    expect(screen.getAllByText("Skriv enhetens namn.").length).toBe(2);
    const name = screen.getByRole("textbox", { name: "Ny enhet" });
    await user.type(name, "KAA Norr");
    await user.click(screen.getByRole("button", { name: "Lägg till enhet" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Enheten KAA Norr finns redan.");

    post = [201, { name: "KAA Väster" }];
    units = [...units, { name: "KAA Väster" }];
    await user.clear(name);
    await user.type(name, "KAA Väster");
    await user.click(screen.getByRole("button", { name: "Lägg till enhet" }));
    await screen.findByText("Enheten KAA Väster är tillagd.");
    expect(await within(table).findByRole("cell", { name: "KAA Väster" })).toBeTruthy();
    expect(JSON.parse(await requests.filter((r) => r.method === "POST").pop()!.clone().text())).toEqual({ name: "KAA Väster" });
  });
});
