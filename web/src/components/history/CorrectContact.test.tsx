import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { caseAnswers, contact } from "../../test/case";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("correcting a contact attempt", () => {
  it("opens the contact's form with its data, sends it with its version; a 409 shows theirs beside yours and takes theirs", async () => {
    const answers = caseAnswers();
    const theirs = { ...contact, version: 3, data: { ...contact.data, note: "Ringde tillbaka" } };
    answers["PUT /api/v1/persons/2/contact-attempts/41"] = [409, { title: "Konflikt", status: 409, detail: "ändrad", current: theirs }];
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Rätta kontakten 2025-03-03 10:15" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta kontaktförsöket" });
    expect(within(dialog).getByText(/sysselsättningen som lärdes vid kontakten rättas med den/)).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Datum/) as HTMLInputElement).value).toBe("2025-03-03");
    expect((within(dialog).getByLabelText(/^Tid/) as HTMLInputElement).value).toBe("10:15");
    expect((within(dialog).getByLabelText(/^Närmare om sysselsättningen/) as HTMLInputElement).value).toBe("komvux");
    await user.type(within(dialog).getByLabelText(/^Anteckning/), "Mamma svarade");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    await within(dialog).findByRole("heading", { name: "Någon annan har ändrat uppgiften" });
    const put = requests.find((r) => r.method === "PUT")!;
    expect(put.headers.get("If-Match")).toBe("2");
    expect(JSON.parse(await put.clone().text())).toEqual({ ...contact.data, note: "Mamma svarade" });
    const rows = within(within(dialog).getByRole("table")).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
    expect(rows).toEqual([
      ["Uppgift", "Sparat nu", "Dina ändringar"],
      ["Anteckning", "Ringde tillbaka", "Mamma svarade"],
    ]);

    await user.click(within(dialog).getByRole("button", { name: "Använd den sparade versionen" }));
    await waitFor(() => expect((within(dialog).getByLabelText(/^Anteckning/) as HTMLTextAreaElement).value).toBe("Ringde tillbaka"));
    answers["PUT /api/v1/persons/2/contact-attempts/41"] = [200, theirs];
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await screen.findByText("Kontaktförsöket 2025-03-03 är rättat.");
    expect(requests.filter((r) => r.method === "PUT")[1].headers.get("If-Match")).toBe("3");
  });
});
