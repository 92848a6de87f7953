import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { caseAnswers, occupations } from "../../test/case";
import { fakeServer, renderAt } from "../../test/render";
import { sessionEnded, signedOut } from "./sessionState";

afterEach(() => {
  cleanup();
  signedOut();
  vi.unstubAllGlobals();
});

const user = { username: "anna", role: "caseworker" };
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe("the end of the session", () => {
  it("is announced before it comes, with when; staying signed in asks the server and the warning goes", async () => {
    const answers = caseAnswers();
    // Two idle seconds: the warning comes after one (half the idle time, when that is under five minutes).
    answers["GET /api/v1/session"] = [200, { csrf_token: "tok", user, idle_timeout_seconds: 2, expires_at: inHours(8) }];
    const requests = fakeServer(answers);
    const u = userEvent.setup();
    renderAt("/personer/2", <App />);
    const warning = await screen.findByRole("alertdialog", { name: "Du loggas snart ut" });
    expect(screen.queryByRole("dialog", { name: "Du har loggats ut" })).toBeNull();
    expect(within(warning).getByText(/loggas du ut kl\. \d\d:\d\d om du inte fortsätter/)).toBeTruthy();
    // The answer most want has the focus (a tester found it on the close button).
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Fortsätt vara inloggad"));
    const asked = requests.filter((r) => new URL(r.url).pathname === "/api/v1/session").length;
    await u.click(within(warning).getByRole("button", { name: "Fortsätt vara inloggad" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { name: "Du loggas snart ut" })).toBeNull());
    expect(requests.filter((r) => new URL(r.url).pathname === "/api/v1/session").length).toBe(asked + 1);
  });

  it("says at its hard end that it cannot be extended", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/session"] = [200, { csrf_token: "tok", user, idle_timeout_seconds: 1800, expires_at: inHours(0.05) }];
    fakeServer(answers);
    renderAt("/personer/2", <App />);
    const warning = await screen.findByRole("alertdialog", { name: "Sessionen slutar snart" });
    expect(within(warning).getByText(/kan inte förlängas/)).toBeTruthy();
    expect(within(warning).queryByRole("button", { name: "Fortsätt vara inloggad" })).toBeNull();
  });

  // A caseworker's finding: after logging in again the focus was on <body>, and a keyboard user started over.
  it("gives the focus back where it was once the user has logged in again", async () => {
    const answers = caseAnswers();
    answers["POST /api/v1/session"] = [200, { csrf_token: "tok2", user }];
    fakeServer(answers);
    const u = userEvent.setup();
    renderAt("/personer/2", <App />);
    const button = await screen.findByRole("button", { name: "Rätta sysselsättningen Arbete från 2025-06-01" });
    button.focus();
    act(() => sessionEnded());
    const login = await screen.findByRole("dialog", { name: "Du har loggats ut" });
    await u.type(within(login).getByLabelText(/^Lösenord/), "lotsen-demo-2026");
    await u.click(within(login).getByRole("button", { name: "Logga in" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Du har loggats ut" })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it("met by a save keeps what was typed, and the save is made once the user has logged in again", async () => {
    const answers = caseAnswers();
    let puts = 0;
    answers["PUT /api/v1/persons/2/occupations/50"] = () =>
      ++puts === 1
        ? [401, { title: "Unauthorized", status: 401, detail: "Sessionen har gått ut." }]
        : [200, { ...occupations[1], version: 4 }];
    answers["POST /api/v1/session"] = [200, { csrf_token: "tok2", user }];
    const requests = fakeServer(answers);
    const u = userEvent.setup();
    renderAt("/personer/2", <App />);
    await u.click(await screen.findByRole("button", { name: "Rätta sysselsättningen Arbete från 2025-06-01" }));
    const form = await screen.findByRole("dialog", { name: "Rätta sysselsättningen" });
    const detail = within(form).getByLabelText(/^Detalj/) as HTMLInputElement;
    await u.clear(detail);
    await u.type(detail, "sommarjobb på Coop");
    await u.click(within(form).getByRole("button", { name: "Spara" }));

    const login = await screen.findByRole("dialog", { name: "Du har loggats ut" });
    expect(within(login).getByText(/Logga in igen som anna/)).toBeTruthy();
    expect((within(form).getByLabelText(/^Detalj/) as HTMLInputElement).value).toBe("sommarjobb på Coop");
    await u.type(within(login).getByLabelText(/^Lösenord/), "lotsen-demo-2026");
    await u.click(within(login).getByRole("button", { name: "Logga in" }));

    await screen.findByText("Sysselsättningen Arbete från 2025-06-01 är rättad.");
    const post = requests.find((r) => r.method === "POST")!;
    expect(JSON.parse(await post.clone().text())).toEqual({ username: "anna", password: "lotsen-demo-2026" });
    const [first, again] = requests.filter((r) => r.method === "PUT");
    expect(first.headers.get("X-CSRF-Token")).toBe("tok");
    expect(again.headers.get("X-CSRF-Token")).toBe("tok2");
    expect(again.headers.get("If-Match")).toBe("3");
    expect(JSON.parse(await again.clone().text()).detail).toBe("sommarjobb på Coop");
    expect(screen.queryByRole("dialog", { name: "Du har loggats ut" })).toBeNull();
  });
});
