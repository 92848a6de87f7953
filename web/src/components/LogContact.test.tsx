import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const codes = (name: string, pairs: [string, string][]) => [
  200,
  { name, codes: pairs.map(([code, label]) => ({ code, label, valid_from: "1900-01-01", valid_to: null })) },
] as [number, unknown];

const item = {
  person_id: 7, registration_id: 70, first_name: "Malte", last_name: "Johansson", protected: false, phone: "070-123 45 67",
  caseworker_id: 2, unit: "KAA Norr", due: "2026-11-19", days_overdue: 3, detail: "", detail_label: null,
  record_id: null, birth_date: "2007-04-10", turns_20: "2027-04-10",
};

function server(post: [number, unknown], others: { name: string; count: number; overdue: number }[] = []) {
  let logged = false;
  const answers = {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
    "GET /api/v1/code-lists/contact_channel": codes("contact_channel", [["letter", "Brev"], ["phone", "Telefon"], ["via_school", "Via skola"]]),
    "GET /api/v1/code-lists/occupation": codes("occupation", [["studies", "Studier"], ["work", "Arbete"]]),
    "POST /api/v1/persons/7/contact-attempts": post,
  } as Record<string, [number, unknown]>;
  // The worklist empties once the contact is logged.
  Object.defineProperty(answers, "GET /api/v1/worklists", {
    enumerable: true,
    get: () => [200, { today: "2026-11-22", lists: [
      { name: "contact_retry", count: logged ? 0 : 1, overdue: logged ? 0 : 1, by_caseworker: [] },
      ...others.map((l) => ({ ...l, by_caseworker: [] })),
    ] }],
  });
  Object.defineProperty(answers, "GET /api/v1/worklists/contact_retry", {
    enumerable: true,
    get: () => [200, { name: "contact_retry", today: "2026-11-22", count: logged ? 0 : 1, overdue: 0, items: logged ? [] : [item] }],
  });
  const requests = fakeServer(answers);
  return { requests, markLogged: () => (logged = true) };
}

async function openDialog() {
  const user = userEvent.setup();
  renderAt("/?lista=contact_retry", <App />);
  const button = await screen.findByRole("button", { name: "Logga kontakt med Malte Johansson" });
  await user.click(button);
  const dialog = await screen.findByRole("dialog", { name: "Logga kontakt med Malte Johansson" });
  await within(dialog).findByRole("option", { name: "Via skola" });
  return { user, dialog, button };
}

const posted = async (requests: Request[]) => {
  const post = requests.find((r) => r.method === "POST");
  expect(post).toBeDefined();
  return JSON.parse(await post!.clone().text());
};

describe("logging a contact", () => {
  it("is prefilled with today and the time now; a letter has no time and reaches no one", async () => {
    const { requests } = server([201, { id: 1 }]);
    const { user, dialog } = await openDialog();
    expect((within(dialog).getByLabelText(/^Datum/) as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((within(dialog).getByLabelText(/^Tid/) as HTMLInputElement).value).toMatch(/^\d{2}:\d{2}$/);
    within(dialog).getByRole("group", { name: "Nåddes den unga?" });

    await user.selectOptions(within(dialog).getByLabelText(/^Kontaktsätt/), "letter");
    expect(within(dialog).queryByLabelText(/^Tid/)).toBeNull();
    expect(within(dialog).queryByRole("group", { name: "Nåddes den unga?" })).toBeNull();
    expect(within(dialog).queryByLabelText(/^Sysselsättning/)).toBeNull();

    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    const body = await posted(requests);
    expect(body).toMatchObject({ channel: "letter", time: null, reached: false, occupation: null, declined: false });
  });

  it("asks for the occupation only when the young person was reached", async () => {
    server([201, { id: 1 }]);
    const { user, dialog } = await openDialog();
    expect(within(dialog).queryByLabelText(/^Sysselsättning/)).toBeNull();
    await user.click(within(dialog).getByRole("radio", { name: "Ja" }));
    await user.selectOptions(within(dialog).getByLabelText(/^Sysselsättning/), "studies");
    within(dialog).getByLabelText(/^Närmare om sysselsättningen/);
    within(dialog).getByRole("checkbox", { name: "Den unga avböjde kontakt och stöd" });
    await user.click(within(dialog).getByRole("radio", { name: "Nej" }));
    expect(within(dialog).queryByLabelText(/^Sysselsättning/)).toBeNull();
  });

  it("gives the focus back to its button when cancelled", async () => {
    const { requests } = server([201, { id: 1 }]);
    const { user, dialog, button } = await openDialog();
    await user.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("shows its own checks and a 422's errors beside the fields and in the summary", async () => {
    const { requests } = server([
      422,
      {
        title: "Uppgifterna kan inte sparas",
        status: 422,
        detail: "Datum ligger i framtiden.",
        errors: [
          { field: "date", detail: "Datum ligger i framtiden." },
          { field: "time", detail: "Tid anges som TT:MM." },
        ],
      },
    ]);
    const { user, dialog } = await openDialog();
    // Reached is required for a call: the form says so before asking the server.
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    const own = within(dialog).getByRole("link", { name: "Ange om den unga nåddes." });
    expect(own.getAttribute("href")).toBe("#contact-reached");
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.click(within(dialog).getByRole("radio", { name: "Nej" }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    const summaryLink = await within(dialog).findByRole("link", { name: "Datum ligger i framtiden." });
    expect(summaryLink.getAttribute("href")).toBe("#contact-date");
    expect(within(dialog).getByRole("link", { name: "Tid anges som TT:MM." }).getAttribute("href")).toBe("#contact-time");
    const date = within(dialog).getByLabelText(/^Datum/);
    expect(date.getAttribute("aria-invalid")).toBe("true");
    const described = (date.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described.join(" ")).toContain("Datum ligger i framtiden.");
    expect(within(dialog).getByLabelText(/^Tid/).getAttribute("aria-invalid")).toBe("true");
    expect(await posted(requests)).toMatchObject({ channel: "phone", reached: false });
    // Still open.
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("on success closes, says so and reads the worklists anew", async () => {
    const { requests, markLogged } = server([201, { id: 1 }]);
    const { user, dialog } = await openDialog();
    const worklistReads = () => requests.filter((r) => r.method === "GET" && new URL(r.url).pathname.startsWith("/api/v1/worklists")).length;
    const before = worklistReads();
    await user.click(within(dialog).getByRole("radio", { name: "Ja" }));
    await user.selectOptions(within(dialog).getByLabelText(/^Sysselsättning/), "work");
    markLogged();
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    const message = await screen.findByText("Kontakten med Malte Johansson är loggad.");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(worklistReads()).toBeGreaterThan(before);
    expect(await posted(requests)).toMatchObject({ channel: "phone", reached: true, occupation: "work" });
    expect(requests.find((r) => r.method === "POST")!.headers.get("X-CSRF-Token")).toBe("tok");
    // The count changed and the row has gone: the focus goes to the message, not to the page's body.
    await screen.findByText("Listan är tom: inget att göra här idag.");
    await waitFor(() => expect(document.activeElement).toBe(message.closest(".logged-message")));
  });
});

// A caseworker's finding: after an action the cards changed places under the pointer.
describe("the worklists' order", () => {
  it("stays as the page opened while the counts change", async () => {
    const { markLogged } = server([201, { id: 1 }], [{ name: "first_contact", count: 5, overdue: 0 }]);
    const { user, dialog } = await openDialog();
    const nav = screen.getByRole("navigation", { name: "Arbetslistor" });
    const names = () => within(nav).getAllByRole("link").map((l) => l.textContent);
    await within(nav).findByText(/varav 1 försenad/);
    const before = names();
    await user.selectOptions(within(dialog).getByLabelText(/^Kontaktsätt/), "letter");
    markLogged();
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(within(nav).queryByText(/försenad/)).toBeNull());
    expect(names().map((n) => n?.replace(/\d+ st.*/, ""))).toEqual(before.map((n) => n?.replace(/\d+ st.*/, "")));
  });
});
