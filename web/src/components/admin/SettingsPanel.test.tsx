import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { fakeServer, renderAt, type Answers } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const settings = { first_contact_days: 14, contact_retry_days: 7, plan_missing_days: 30 };

function server(patch: () => Answers[string], current: () => Answers[string]) {
  const answers: Answers = {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "admin" } }],
  };
  Object.defineProperty(answers, "GET /api/v1/settings", { enumerable: true, get: current });
  Object.defineProperty(answers, "PATCH /api/v1/settings", { enumerable: true, get: patch });
  return fakeServer(answers);
}

const patches = (requests: Request[]) => requests.filter((r) => r.method === "PATCH");

describe("the settings", () => {
  it("shows each deadline with its meaning, sends only the changed ones with the ETag, and the server's 422 beside the field", async () => {
    let patch: Answers[string] = [
      422,
      { title: "Uppgifterna kan inte sparas", status: 422,
        errors: [{ field: "first_contact_days", detail: "Första kontakt (dagar) är ett heltal från 1 till 3650, inte '0'." }] },
    ];
    const requests = server(() => patch, () => [200, settings, { ETag: '"settings/1/1"' }]);
    const user = userEvent.setup();
    renderAt("/administration?flik=installningar", <App />);
    const first = await screen.findByRole("textbox", { name: /^Första kontakt \(dagar\)/ });
    expect(screen.getByText(/Så många dagar efter att inskrivningen börjat ska den unga ha kontaktats första gången/)).toBeTruthy();
    await user.clear(first);
    await user.type(first, "0");
    await user.click(screen.getByRole("button", { name: "Spara" }));
    expect(await screen.findByRole("link", { name: "Första kontakt (dagar) är ett heltal från 1 till 3650, inte '0'." })).toBeTruthy();
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(patches(requests)[0].headers.get("If-Match")).toBe('"settings/1/1"');
    expect(JSON.parse(await patches(requests)[0].clone().text())).toEqual({ first_contact_days: 0 });

    await user.clear(first);
    await user.type(first, "tio");
    await user.click(screen.getByRole("button", { name: "Spara" }));
    expect(screen.getAllByText("Första kontakt (dagar): skriv ett heltal från 1 till 3650.").length).toBe(2);
    expect(patches(requests).length).toBe(1);

    patch = [200, { ...settings, first_contact_days: 10 }, { ETag: '"settings/1/2"' }];
    await user.clear(first);
    await user.type(first, "10");
    await user.click(screen.getByRole("button", { name: "Spara" }));
    await screen.findByText("Inställningarna är sparade. Arbetslistorna följer dem från och med nu.");
    expect((screen.getByRole("textbox", { name: /^Första kontakt/ }) as HTMLInputElement).value).toBe("10");
  });

  it("on a 409 shows what is saved now beside what was typed, and takes theirs with their ETag", async () => {
    let current: Answers[string] = [200, settings, { ETag: '"settings/1/1"' }];
    const theirs = { ...settings, contact_retry_days: 5 };
    const requests = server(
      () => [409, { title: "Conflict", status: 409, detail: "Inställningarna har ändrats under tiden.", current: theirs }],
      () => current,
    );
    const user = userEvent.setup();
    renderAt("/administration?flik=installningar", <App />);
    const retry = await screen.findByRole("textbox", { name: /^Nytt kontaktförsök/ });
    await user.clear(retry);
    await user.type(retry, "3");
    await user.click(screen.getByRole("button", { name: "Spara" }));
    const heading = await screen.findByRole("heading", { name: "Någon annan har ändrat uppgifterna" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const row = screen.getByRole("rowheader", { name: "Nytt kontaktförsök (dagar)" }).closest("tr")!;
    expect(within(row).getByRole("cell", { name: "5" })).toBeTruthy();
    expect(within(row).getByRole("cell", { name: "3" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Spara" }) as HTMLButtonElement).disabled).toBe(true);

    current = [200, theirs, { ETag: '"settings/1/2"' }];
    await user.click(screen.getByRole("button", { name: "Hämta de sparade uppgifterna igen" }));
    await waitFor(() => expect((screen.getByRole("textbox", { name: /^Nytt kontaktförsök/ }) as HTMLInputElement).value).toBe("5"));
    expect(screen.queryByRole("heading", { name: "Någon annan har ändrat uppgifterna" })).toBeNull();
    expect(requests.filter((r) => r.method === "GET" && r.url.endsWith("/api/v1/settings")).length).toBe(2);
  });
});
