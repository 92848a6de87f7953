import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { caseAnswers, occupations } from "../../test/case";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));

describe("the occupation timeline", () => {
  it("shows each occupation newest first with its end, and where it came from; one learnt at a contact follows the contact", async () => {
    fakeServer(caseAnswers());
    renderAt("/personer/2", <App />);
    const table = await screen.findByRole("table", { name: "Sysselsättning över tid" });
    expect(rowsOf(table)).toEqual([
      ["Från", "Till", "Sysselsättning", "Detalj", "Källa", "Ändra"],
      ["2025-08-20", "", "Studier Planerad", "", "Anmälan från skola, för hand", "RättaMakulera"],
      ["2025-06-01", "tills vidare", "Arbete", "deltid", "Annan källa, för hand", "RättaMakulera"],
      ["2025-03-03", "2025-06-01", "Studier", "Komvux", "Kontakt med den unga, vid kontakten 2025-03-03", "Rättas via kontaktförsöket"],
    ]);
    expect(screen.queryByRole("button", { name: "Rätta sysselsättningen Studier från 2025-03-03" })).toBeNull();
  });

  it("sends a correction with the version shown; a 409 shows theirs beside yours, and theirs can be taken", async () => {
    const answers = caseAnswers();
    const theirs = { ...occupations[1], version: 4, data: { ...occupations[1].data, detail: "heltid" } };
    answers["PUT /api/v1/persons/2/occupations/50"] = [409, { title: "Konflikt", status: 409, detail: "ändrad", current: theirs }];
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Rätta sysselsättningen Arbete från 2025-06-01" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta sysselsättningen" });
    const detail = within(dialog).getByLabelText(/^Detalj/) as HTMLInputElement;
    expect(detail.value).toBe("deltid");
    await user.clear(detail);
    await user.type(detail, "sommarjobb");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    const heading = await within(dialog).findByRole("heading", { name: "Någon annan har ändrat uppgiften" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const put = requests.find((r) => r.method === "PUT")!;
    expect(put.headers.get("If-Match")).toBe("3");
    expect(JSON.parse(await put.clone().text())).toEqual({ ...occupations[1].data, detail: "sommarjobb" });
    expect(rowsOf(within(dialog).getByRole("table"))).toEqual([
      ["Uppgift", "Sparat nu", "Dina ändringar"],
      ["Detalj (frivilligt)", "heltid", "sommarjobb"],
    ]);

    await user.click(within(dialog).getByRole("button", { name: "Använd den sparade versionen" }));
    expect((within(dialog).getByLabelText(/^Detalj/) as HTMLInputElement).value).toBe("heltid");
    answers["PUT /api/v1/persons/2/occupations/50"] = [200, theirs];
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await screen.findByText("Sysselsättningen Arbete från 2025-06-01 är rättad.");
    expect(requests.filter((r) => r.method === "PUT")[1].headers.get("If-Match")).toBe("4");
  });

  it("shows the server's refusal beside the field", async () => {
    const answers = caseAnswers();
    answers["PUT /api/v1/persons/2/occupations/50"] = [
      422,
      { title: "Ogiltig", status: 422, detail: "1 fel", errors: [{ field: "effective_date", detail: "Datumet får inte ligga i framtiden." }] },
    ];
    fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Rätta sysselsättningen Arbete från 2025-06-01" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta sysselsättningen" });
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(within(dialog).getAllByText("Datumet får inte ligga i framtiden.").length).toBe(2));
  });

  it("voids an occupation with the one void dialog, its version in If-Match", async () => {
    const answers = caseAnswers();
    answers["POST /api/v1/persons/2/occupations/50/void"] = [200, { ...occupations[1], voided: true }];
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    await user.click(await screen.findByRole("button", { name: "Makulera sysselsättningen Arbete från 2025-06-01" }));
    const dialog = await screen.findByRole("dialog", { name: "Makulera sysselsättningen" });
    await user.type(within(dialog).getByLabelText(/^Skäl till makuleringen/), "Fel person");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    await screen.findByText("Sysselsättningen Arbete från 2025-06-01 är makulerad. Den finns kvar i historiken.");
    const post = requests.find((r) => r.method === "POST")!;
    expect(new URL(post.url).pathname).toBe("/api/v1/persons/2/occupations/50/void");
    expect(post.headers.get("If-Match")).toBe("3");
  });
});
