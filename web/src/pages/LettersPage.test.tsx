import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeServer, renderAt } from "../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseworker: [number, unknown] = [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }];

const letters = {
  date: "2026-12-01",
  count: 2,
  letters: [
    { person_id: 1, registration_id: 11, name: "Alva Berg" },
    { person_id: 2, registration_id: 12, name: "Ove Lind" },
  ],
  forwarded: [{ person_id: 3, registration_id: 13, name: "Sigrid Hemlig" }],
  without_address: [{ person_id: 4, registration_id: 14, name: "Kim Utan" }],
};

const template = {
  text: "Hej {namn}!\n\nRing {handläggare} på {telefon}.",
  phone: "033-35 70 00",
  saved: false,
  version: "0",
  fields: ["namn", "handläggare", "telefon", "enhet", "datum"],
};

describe("the first-contact letters page", () => {
  it("shows the count, the persons listed apart without address, and the PDF to print", async () => {
    fakeServer({
      "GET /api/v1/session": caseworker,
      "GET /api/v1/letters/first-contact": [200, letters],
      "GET /api/v1/letters/template": [200, template],
    });
    renderAt("/brev", <App />);
    expect(await screen.findByText("2 brev att skriva ut, daterade 2026-12-01.")).toBeTruthy();
    const apart = screen.getByRole("region", { name: "Skyddade personuppgifter" });
    expect(within(apart).getByRole("listitem").textContent).toBe("Sigrid Hemlig: skickas via Skatteverkets vidarebefordran");
    expect(within(screen.getByRole("region", { name: "Ingen känd adress" })).getByRole("link").textContent).toBe("Kim Utan");
    expect(screen.getByRole("link", { name: "Skriv ut brev för första kontakt (PDF)" }).getAttribute("href")).toBe(
      "/api/v1/letters/first-contact?format=pdf",
    );
    expect((screen.getByRole("textbox", { name: "Brevets text" }) as HTMLTextAreaElement).value).toBe(template.text);
  });

  it("marks the letters and the forwarded as sent after a confirmation, and says how many were recorded", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": caseworker,
      "GET /api/v1/letters/first-contact": [200, letters],
      "GET /api/v1/letters/template": [200, template],
      "POST /api/v1/letters/first-contact/sent": [200, { recorded: 3, contact_attempts: [] }],
    });
    const user = userEvent.setup();
    renderAt("/brev", <App />);
    await user.click(await screen.findByRole("button", { name: "Markera som skickade" }));
    const question = screen.getByRole("heading", { name: "Markera 3 brev som skickade?" });
    expect(document.activeElement).toBe(question);
    await user.click(screen.getByRole("button", { name: "Ja, markera som skickade" }));
    expect(await screen.findByText("3 brev är registrerade som kontaktförsök med brev.")).toBeTruthy();
    const posts = requests.filter((r) => r.method === "POST");
    expect(posts.length).toBe(1);
    expect(await posts[0].json()).toEqual({ person_ids: [1, 2, 3] });
  });

  it("shows the server's refusal of a template beside the text", async () => {
    fakeServer({
      "GET /api/v1/session": caseworker,
      "GET /api/v1/letters/first-contact": [200, letters],
      "GET /api/v1/letters/template": [200, template],
      "PUT /api/v1/letters/template": [
        422,
        {
          title: "Uppgifterna kan inte sparas",
          status: 422,
          errors: [{ field: "text", detail: "Brevet använder fältet {adress}, som inte finns." }],
        },
      ],
    });
    const user = userEvent.setup();
    renderAt("/brev", <App />);
    const text = await screen.findByRole("textbox", { name: "Brevets text" });
    await user.type(text, " {{adress}");
    await user.click(screen.getByRole("button", { name: "Spara mallen" }));
    expect((await screen.findAllByText("Brevet använder fältet {adress}, som inte finns.")).length).toBe(2);
  });

  it("saves the template and says so, keeping what was typed", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": caseworker,
      "GET /api/v1/letters/first-contact": [200, letters],
      "GET /api/v1/letters/template": [200, template],
      "PUT /api/v1/letters/template": [200, { ...template, text: "Hej {namn}!", saved: true }],
    });
    const user = userEvent.setup();
    renderAt("/brev", <App />);
    const text = await screen.findByRole("textbox", { name: "Brevets text" });
    await user.clear(text);
    await user.type(text, "Hej {{namn}!");
    await user.click(screen.getByRole("button", { name: "Spara mallen" }));
    expect(await screen.findByText("Brevmallen är sparad.")).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Brevets text" }) as HTMLTextAreaElement).value).toBe("Hej {namn}!");
    const puts = requests.filter((r) => r.method === "PUT");
    expect(await puts[0].json()).toEqual({ text: "Hej {namn}!", phone: "033-35 70 00", version: "0" });
  });

  it("says so when the template was changed meanwhile (409), and reads it anew", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": caseworker,
      "GET /api/v1/letters/first-contact": [200, letters],
      "GET /api/v1/letters/template": [200, template],
      "PUT /api/v1/letters/template": [
        409,
        {
          title: "Konflikt", status: 409,
          detail: "Brevmallen har ändrats under tiden. Läs in den igen och gör om ändringen.",
          current: { ...template, text: "Hej!", saved: true, version: "00000000000000ab" },
        },
      ],
    });
    const user = userEvent.setup();
    renderAt("/brev", <App />);
    const text = await screen.findByRole("textbox", { name: "Brevets text" });
    await user.type(text, " Välkommen!");
    const before = requests.filter((r) => r.method === "GET" && r.url.includes("/letters/template")).length;
    await user.click(screen.getByRole("button", { name: "Spara mallen" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Brevmallen har ändrats under tiden");
    await vi.waitFor(() =>
      expect(requests.filter((r) => r.method === "GET" && r.url.includes("/letters/template")).length).toBeGreaterThan(before),
    );
  });
});
