import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { swedishDay } from "../../format";
import { assessment, lastBody, planAnswers } from "../../test/planFixtures";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openPlan(extra: Record<string, [number, unknown]> = {}) {
  const requests = fakeServer({ ...planAnswers(), ...extra });
  const user = userEvent.setup();
  renderAt("/personer/2", <App />);
  const section = await screen.findByRole("region", { name: "Handlingsplan" });
  await within(section).findByRole("heading", { name: "Delmål 1.1: Praktik" });
  return { requests, user, section };
}

describe("the assessment form", () => {
  it("assesses the goal it was opened for: a result wanted, then sent with the day", async () => {
    const saved = { ...assessment, id: 61, version: 1, data: { goal_id: "g1.1", assessed_on: swedishDay(), result: "achieved", comment: null } };
    const { requests, user, section } = await openPlan({ "POST /api/v1/persons/2/goal-assessments": [201, saved] });
    // The latest assessment stands beside the sub-goal; the goal has none.
    const sub = within(section).getByRole("heading", { name: "Delmål 1.1: Praktik" }).closest("li")!;
    expect(within(sub as HTMLElement).getByText("Delvis uppnått")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Bedöm Delmål 1.1: Praktik" }));
    const dialog = await screen.findByRole("dialog", { name: "Bedöm måluppfyllelse" });
    await within(dialog).findByRole("radio", { name: "Uppnått" });
    expect((within(dialog).getByLabelText(/^Mål eller delmål/) as HTMLSelectElement).value).toBe("g1.1");
    expect((within(dialog).getByLabelText(/^Datum/) as HTMLInputElement).value).toBe(swedishDay());
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    expect(within(dialog).getAllByText("Välj bedömning.")).toHaveLength(2);

    await user.click(within(dialog).getByRole("radio", { name: "Uppnått" }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await screen.findByText("Bedömningen av Delmål 1.1: Praktik är sparad.");
    const { body } = await lastBody(requests, "POST");
    expect(body).toEqual({ goal_id: "g1.1", assessed_on: swedishDay(), result: "achieved", comment: null });
  });

  it("corrects an assessment with its version; a 409 shows the saved one beside yours", async () => {
    const theirs = { ...assessment, version: 3, data: { ...assessment.data, comment: "Klar med praktiken" } };
    const { requests, user, section } = await openPlan({
      "PUT /api/v1/persons/2/goal-assessments/60": [409, { title: "Conflict", status: 409, detail: "stale", current: theirs }],
    });
    await user.click(within(section).getByRole("button", { name: "Rätta bedömningen 2025-03-01 Delmål 1.1: Praktik" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta bedömningen" });
    expect((within(dialog).getByRole("radio", { name: "Delvis uppnått" }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole("radio", { name: "Uppnått" }));
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    await within(dialog).findByRole("heading", { name: "Någon annan har ändrat uppgiften" });
    const { ifMatch } = await lastBody(requests, "PUT");
    expect(ifMatch).toBe("2");
    const row = within(dialog).getByRole("row", { name: /^Hur långt/ });
    expect(within(row).getByText("Delvis uppnått")).toBeTruthy();
    expect(within(row).getByText("Uppnått")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Använd den sparade versionen" }));
    expect((within(dialog).getByLabelText(/^Kommentar/) as HTMLTextAreaElement).value).toBe("Klar med praktiken");
    expect((within(dialog).getByRole("radio", { name: "Delvis uppnått" }) as HTMLInputElement).checked).toBe(true);
  });

  it("voids an assessment with a reason and its version", async () => {
    const { requests, user, section } = await openPlan({
      "POST /api/v1/persons/2/goal-assessments/60/void": [200, { ...assessment, version: 3, voided: true }],
    });
    await user.click(within(section).getByRole("button", { name: "Makulera bedömningen 2025-03-01 Delmål 1.1: Praktik" }));
    const dialog = await screen.findByRole("dialog", { name: "Makulera målbedömningen" });
    await user.type(within(dialog).getByLabelText(/^Skäl till makuleringen/), "Fel delmål");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    await screen.findByText("Målbedömningen 2025-03-01 är makulerad. Den finns kvar i historiken.");
    const { body, ifMatch, url } = await lastBody(requests, "POST");
    expect(url).toBe("/api/v1/persons/2/goal-assessments/60/void");
    expect(ifMatch).toBe("2");
    expect(body).toEqual({ reason: "Fel delmål" });
  });
});
