import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { fakeServer, renderAt, type Answers } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const anna = {
  id: 2, username: "anna", roles: ["caseworker"], units: ["KAA Norr"], active: true,
  reads_protected_address: false, full_name: "Anna Ödmark", phone: "033-35 71 12", last_login_at: null, version: 3,
};
const demo = {
  id: 1, username: "demo", roles: ["admin", "unit_manager"], units: ["KAA Norr", "KAA Söder"], active: true,
  reads_protected_address: true, last_login_at: "2026-11-22T08:00:00Z", version: 1,
};

/** The administrator's server; `extra` may hold getters (answers that change during a test). */
function server(extra: Answers = {}) {
  const answers: Answers = {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "demo", role: "admin,unit_manager" } }],
    "GET /api/v1/users": [200, { items: [demo, anna] }],
    "GET /api/v1/units": [200, { items: [{ name: "KAA Norr" }, { name: "KAA Söder" }] }],
  };
  return fakeServer(Object.defineProperties(answers, Object.getOwnPropertyDescriptors(extra)));
}

async function bodyOf(request: Request) {
  return JSON.parse(await request.clone().text());
}

describe("the users", () => {
  it("lists each account with its roles in Swedish, units, active, protected addresses and last login", async () => {
    server();
    renderAt("/administration", <App />);
    const row = (await screen.findByRole("rowheader", { name: "demo" })).closest("tr")!;
    expect(within(row).getByRole("cell", { name: "administratör, enhetschef" })).toBeTruthy();
    expect(within(row).getByRole("cell", { name: "KAA Norr, KAA Söder" })).toBeTruthy();
    expect(within(row).getByRole("cell", { name: "Ja" })).toBeTruthy();
    const annaRow = screen.getByRole("rowheader", { name: "anna" }).closest("tr")!;
    expect(within(annaRow).getByRole("cell", { name: "handläggare" })).toBeTruthy();
    expect(within(annaRow).getByRole("cell", { name: "Aldrig" })).toBeTruthy();
  });

  it("lists only the accounts to remove for the days given, which a bad number does not ask for", async () => {
    const requests = server({ "GET /api/v1/users?inactive_days=30": [200, { items: [anna] }] });
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await screen.findByRole("rowheader", { name: "demo" });
    const days = screen.getByLabelText("Antal dagar utan inloggning");
    await user.clear(days);
    await user.type(days, "0");
    await user.click(screen.getByRole("button", { name: "Visa" }));
    expect(screen.getAllByText("Skriv ett antal dagar, ett heltal från 1.").length).toBe(2);
    await user.clear(days);
    await user.type(days, "30");
    await user.click(screen.getByRole("button", { name: "Visa" }));
    await screen.findByText("1 aktiva konton har inte använts på 30 dagar. Ta bort de som inte behövs.");
    expect(screen.queryByRole("rowheader", { name: "demo" })).toBeNull();
    expect(requests.some((r) => r.url.endsWith("/api/v1/users?inactive_days=30"))).toBe(true);
  });

  it("adds a user: empty fields first, then the server's 422 beside each field, then the new user", async () => {
    let answer: [number, unknown] = [
      422,
      { title: "Uppgifterna kan inte sparas", status: 422, errors: [
        { field: "username", detail: "Ett användarnamn har 1–64 tecken." },
        { field: "password", detail: "Lösenordet behöver minst 12 tecken." },
      ] },
    ];
    const answers: Answers = {};
    Object.defineProperty(answers, "POST /api/v1/users", { enumerable: true, get: () => answer });
    const requests = server(answers);
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await screen.findByRole("rowheader", { name: "demo" });
    await user.click(screen.getByRole("button", { name: "Lägg till användare" }));
    const dialog = await screen.findByRole("dialog", { name: "Lägg till användare" });
    await user.click(within(dialog).getByRole("button", { name: "Lägg till" }));
    for (const text of ["Skriv ett användarnamn.", "Skriv ett lösenord.", "Välj minst en roll."])
      expect(within(dialog).getAllByText(text).length).toBe(2);
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Användarnamn/), "Cecilia!");
    await user.type(within(dialog).getByLabelText(/^Lösenord/), "kort");
    await user.click(within(dialog).getByRole("checkbox", { name: "handläggare" }));
    await user.click(within(dialog).getByRole("checkbox", { name: "KAA Söder" }));
    await user.click(within(dialog).getByRole("button", { name: "Lägg till" }));
    expect(await within(dialog).findByRole("link", { name: "Ett användarnamn har 1–64 tecken." })).toBeTruthy();
    expect(within(dialog).getAllByText("Lösenordet behöver minst 12 tecken.").length).toBe(2);

    answer = [201, { ...anna, id: 7, username: "cecilia", units: ["KAA Söder"] }];
    await user.clear(within(dialog).getByLabelText(/^Användarnamn/));
    await user.type(within(dialog).getByLabelText(/^Användarnamn/), "cecilia");
    await user.click(within(dialog).getByRole("button", { name: "Lägg till" }));
    await screen.findByText("cecilia är tillagd.");
    const post = requests.filter((r) => r.method === "POST").pop()!;
    expect(await bodyOf(post)).toEqual({
      username: "cecilia", password: "kort", roles: ["caseworker"], units: ["KAA Söder"], full_name: "", phone: "",
    });
  });

  it("changes a user with the version it was read at; a 409 shows theirs beside yours and theirs can be taken", async () => {
    let answer: [number, unknown] = [
      409,
      { title: "Conflict", status: 409, detail: "Användaren har ändrats under tiden (nu version 4).",
        current: { ...anna, roles: ["caseworker", "unit_manager"], version: 4 } },
    ];
    const answers: Answers = {};
    Object.defineProperty(answers, "PATCH /api/v1/users/2", { enumerable: true, get: () => answer });
    const requests = server(answers);
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await user.click(await screen.findByRole("button", { name: "Ändra anna" }));
    const dialog = await screen.findByRole("dialog", { name: "Ändra anna" });
    await user.click(within(dialog).getByRole("checkbox", { name: /^Kontot är aktivt/ }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    const heading = await within(dialog).findByRole("heading", { name: "Någon annan har ändrat uppgifterna" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const roles = within(dialog).getByRole("rowheader", { name: "Roller" }).closest("tr")!;
    expect(within(roles).getByRole("cell", { name: "handläggare, enhetschef" })).toBeTruthy();
    expect(within(roles).getByRole("cell", { name: "handläggare" })).toBeTruthy();
    const patches = () => requests.filter((r) => r.method === "PATCH");
    expect(patches()[0].headers.get("If-Match")).toBe("3");

    await user.click(within(dialog).getByRole("button", { name: "Hämta de sparade uppgifterna igen" }));
    expect((within(dialog).getByRole("checkbox", { name: "enhetschef" }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole("checkbox", { name: /^Kontot är aktivt/ }) as HTMLInputElement).checked).toBe(true);
    answer = [200, { ...anna, roles: ["caseworker", "unit_manager"], active: false, version: 5 }];
    await user.click(within(dialog).getByRole("checkbox", { name: /^Kontot är aktivt/ }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await screen.findByText("Ändringarna för anna är sparade.");
    expect(patches()[1].headers.get("If-Match")).toBe("4");
    expect(await bodyOf(patches()[1])).toEqual({
      roles: ["caseworker", "unit_manager"], units: ["KAA Norr"], active: false, reads_protected_address: false,
      full_name: "Anna Ödmark", phone: "033-35 71 12",
    });
  });

  it("changes the name and work phone letters are signed with; the server's 422 shows beside the phone", async () => {
    let answer: [number, unknown] = [
      422,
      { title: "Unprocessable Content", status: 422, detail: "Uppgifterna är inte giltiga.",
        errors: [{ field: "phone", detail: "Ett telefonnummer har 6 till 15 siffror." }] },
    ];
    const answers: Answers = {};
    Object.defineProperty(answers, "PATCH /api/v1/users/2", { enumerable: true, get: () => answer });
    const requests = server(answers);
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await user.click(await screen.findByRole("button", { name: "Ändra anna" }));
    const dialog = await screen.findByRole("dialog", { name: "Ändra anna" });
    const name = within(dialog).getByRole("textbox", { name: "Namn" }) as HTMLInputElement;
    const phone = within(dialog).getByRole("textbox", { name: "Telefon i tjänsten" }) as HTMLInputElement;
    expect(name.value).toBe("Anna Ödmark");
    expect(phone.value).toBe("033-35 71 12");
    await user.clear(name);
    await user.type(name, "Anna Ödmark-Lind");
    await user.clear(phone);
    await user.type(phone, "ring mig");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    expect(await within(dialog).findAllByText("Ett telefonnummer har 6 till 15 siffror.")).not.toHaveLength(0);
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    answer = [200, { ...anna, full_name: "Anna Ödmark-Lind", phone: "033-35 71 99", version: 4 }];
    await user.clear(phone);
    await user.type(phone, "033-35 71 99");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await screen.findByText("Ändringarna för anna är sparade.");
    const patch = requests.filter((r) => r.method === "PATCH").pop()!;
    expect(await bodyOf(patch)).toMatchObject({ full_name: "Anna Ödmark-Lind", phone: "033-35 71 99" });
  });

  it("says plainly that the last active administrator must stay one", async () => {
    server({
      "PATCH /api/v1/users/1": [
        409,
        { title: "Conflict", status: 409,
          detail: "Det här är den sista aktiva administratören. Gör någon annan till administratör först." },
      ],
    });
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await user.click(await screen.findByRole("button", { name: "Ändra demo" }));
    const dialog = await screen.findByRole("dialog", { name: "Ändra demo" });
    await user.click(within(dialog).getByRole("checkbox", { name: "administratör" }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    const alert = await within(dialog).findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "Det måste finnas en aktiv administratör" })).toBeTruthy();
    expect(alert.textContent).toContain("Gör någon annan till administratör först.");
    expect(within(dialog).queryByRole("heading", { name: "Någon annan har ändrat uppgifterna" })).toBeNull();
  });

  it("sets a new password, the server's 422 beside the field", async () => {
    let answer: [number, unknown] = [
      422, { title: "Uppgifterna kan inte sparas", status: 422, errors: [{ field: "password", detail: "Lösenordet behöver minst 12 tecken." }] },
    ];
    const answers: Answers = {};
    Object.defineProperty(answers, "PUT /api/v1/users/2/password", { enumerable: true, get: () => answer });
    server(answers);
    const user = userEvent.setup();
    renderAt("/administration", <App />);
    await user.click(await screen.findByRole("button", { name: "Nytt lösenord för anna" }));
    const dialog = await screen.findByRole("dialog", { name: "Nytt lösenord för anna" });
    await user.type(within(dialog).getByLabelText(/^Nytt lösenord/), "kort");
    await user.click(within(dialog).getByRole("button", { name: "Byt lösenord" }));
    expect(await within(dialog).findByRole("link", { name: "Lösenordet behöver minst 12 tecken." })).toBeTruthy();
    answer = [204, null];
    await user.type(within(dialog).getByLabelText(/^Nytt lösenord/), "-och-nu-langre");
    await user.click(within(dialog).getByRole("button", { name: "Byt lösenord" }));
    await screen.findByText("anna har fått ett nytt lösenord.");
  });
});
