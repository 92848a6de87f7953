import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route, Routes } from "react-router-dom";
import { fakeServer, renderAt } from "../test/render";
import { RegisterByHandDialog } from "./RegisterByHand";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const codes = {
  "GET /api/v1/code-lists/registration_reason": [200, { codes: [{ code: "never_started", label: "Har inte påbörjat gymnasieskolan" }] }],
  "GET /api/v1/code-lists/registration_by_hand": [200, { codes: [{ code: "called_in", label: "Den unga hörde själv av sig" }] }],
} as Record<string, [number, unknown]>;

function renderDialog(personalId: string, unknown: boolean) {
  return renderAt(
    "/sok",
    <Routes>
      <Route path="/sok" element={<RegisterByHandDialog personalId={personalId} unknown={unknown} onClose={() => {}} />} />
      <Route path="/personer/:id" element={<h1>Personens sida</h1>} />
    </Routes>,
  );
}

describe("registering by hand", () => {
  it("checks the form, then shows the server's field errors beside the fields and in the summary", async () => {
    let answer: [number, unknown] = [
      422,
      { title: "Uppgifterna kan inte sparas", status: 422, detail: "Förnamn måste anges.",
        errors: [
          { field: "person.first_name", detail: "Förnamn måste anges." },
          { field: "person.postal_code", detail: "Ett postnummer har fem siffror, till exempel 503 30." },
        ] },
    ];
    const answers = { ...codes };
    Object.defineProperty(answers, "POST /api/v1/registrations", { enumerable: true, get: () => answer });
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderDialog("", true);
    const dialog = await screen.findByRole("dialog", { name: "Skriv in för hand" });
    await within(dialog).findByRole("option", { name: "Den unga hörde själv av sig" });
    await user.click(within(dialog).getByRole("button", { name: "Skriv in" }));
    expect(await within(dialog).findByRole("link", { name: "Skriv personnumret." })).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "Välj skäl." })).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Personnummer/), "20090505-1231");
    await user.selectOptions(within(dialog).getByLabelText("Skäl"), "never_started");
    await user.selectOptions(within(dialog).getByLabelText("Hur det kom till"), "called_in");
    await user.type(within(dialog).getByLabelText("Postnummer"), "123");
    await user.click(within(dialog).getByRole("button", { name: "Skriv in" }));
    const postal = within(dialog).getByLabelText("Postnummer");
    await waitFor(() => expect(within(dialog).getAllByText("Ett postnummer har fem siffror, till exempel 503 30.").length).toBe(2));
    expect(within(dialog).getByRole("link", { name: "Förnamn måste anges." }).getAttribute("href")).toBe("#register-first-name");
    expect(postal.getAttribute("aria-invalid")).toBe("true");
    const post = requests.find((r) => r.method === "POST")!;
    expect(JSON.parse(await post.clone().text())).toMatchObject({
      personal_id: "20090505-1231", reason: "never_started", by_hand: "called_in",
      person: { first_name: "", postal_code: "123" },
    });

    answer = [201, { id: 90, person_id: 42, start_date: "2026-11-22" }];
    await user.type(within(dialog).getByLabelText("Förnamn"), "Ebba");
    await user.click(within(dialog).getByRole("button", { name: "Skriv in" }));
    await screen.findByRole("heading", { name: "Personens sida" });
  });

  it("asks for the name and address when the server says the person is not in Lotsen", async () => {
    const answers = {
      ...codes,
      "POST /api/v1/registrations": [
        422,
        { title: "Uppgifterna kan inte sparas", status: 422, detail: "Personen finns inte i Lotsen: ange namn, adress och kommunkod.",
          errors: [{ field: "person", detail: "Personen finns inte i Lotsen: ange namn, adress och kommunkod." }] },
      ],
    } as Record<string, [number, unknown]>;
    fakeServer(answers);
    const user = userEvent.setup();
    renderDialog("200905051231", false);
    const dialog = await screen.findByRole("dialog", { name: "Skriv in för hand" });
    await within(dialog).findByRole("option", { name: "Den unga hörde själv av sig" });
    expect(within(dialog).queryByLabelText("Förnamn")).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText("Skäl"), "never_started");
    await user.selectOptions(within(dialog).getByLabelText("Hur det kom till"), "called_in");
    await user.click(within(dialog).getByRole("button", { name: "Skriv in" }));
    const first = await within(dialog).findByLabelText("Förnamn");
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByRole("link", { name: "Personen finns inte i Lotsen: ange namn, adress och kommunkod." })).toBeTruthy();
  });

  it("says how to go on when the person's case is outside the caseload", async () => {
    fakeServer({
      ...codes,
      "POST /api/v1/registrations": [
        403,
        { type: "urn:lotsen:problem:outside-caseload", title: "Forbidden", status: 403,
          detail: "Ärendet ligger utanför dina ärenden. För att öppna det, ange ditt skäl (tillfällig åtkomst)." },
      ],
    } as Record<string, [number, unknown]>);
    const user = userEvent.setup();
    renderDialog("200905051231", false);
    const dialog = await screen.findByRole("dialog", { name: "Skriv in för hand" });
    await within(dialog).findByRole("option", { name: "Den unga hörde själv av sig" });
    await user.selectOptions(within(dialog).getByLabelText("Skäl"), "never_started");
    await user.selectOptions(within(dialog).getByLabelText("Hur det kom till"), "called_in");
    await user.click(within(dialog).getByRole("button", { name: "Skriv in" }));
    expect(await within(dialog).findByText(/Den unga har ett ärende utanför dina ärenden\./)).toBeTruthy();
    expect(within(dialog).getByText(/väntar då i inkorgen/)).toBeTruthy();
  });
});
