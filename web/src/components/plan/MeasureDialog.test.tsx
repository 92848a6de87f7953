import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { swedishDay } from "../../format";
import { lastBody, measure, planAnswers } from "../../test/planFixtures";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openPerson() {
  const requests = fakeServer({
    ...planAnswers(),
    "POST /api/v1/persons/2/measures": [201, { ...measure, id: 32, data: { ...measure.data, content: "Studiebesök på komvux" } }],
    "PUT /api/v1/persons/2/measures/31": [200, measure],
  });
  const user = userEvent.setup();
  renderAt("/personer/2", <App />);
  const section = await screen.findByRole("region", { name: "Åtgärder" });
  await within(section).findByText("Praktik fyra veckor");
  return { requests, user, section };
}

describe("the measure form", () => {
  it("wants a kind, a content and who is responsible; names the other actor only for another actor; the reason only with an end", async () => {
    const { requests, user, section } = await openPerson();
    await user.click(within(section).getByRole("button", { name: "Ny åtgärd" }));
    const dialog = await screen.findByRole("dialog", { name: "Ny åtgärd" });
    await within(dialog).findByRole("radio", { name: "Kommunen" });
    expect((within(dialog).getByLabelText(/^Startdatum/) as HTMLInputElement).value).toBe(swedishDay());
    // Each date's hint is its own (a caseworker found "what is planned goes under Planned start" on the day declined).
    const hint = (label: RegExp) => document.getElementById(within(dialog).getByLabelText(label).getAttribute("aria-describedby")!.split(" ")[0])?.textContent;
    expect(hint(/^Startdatum/)).toMatch(/Planerad start/);
    for (const label of [/^Slutdatum/, /^Den unga avböjde/]) expect(hint(label)).toBe("ÅÅÅÅ-MM-DD, frivilligt, inte i framtiden");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    for (const text of ["Välj slag av åtgärd.", "Skriv vad åtgärden innehåller.", "Välj vem som ansvarar."])
      expect(within(dialog).getAllByText(text)).toHaveLength(2); // in the summary and beside the field
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.click(within(dialog).getByRole("radio", { name: "Annan aktör" }));
    expect(within(dialog).getByLabelText(/^Vilken aktör/)).toBeTruthy();
    await user.click(within(dialog).getByRole("radio", { name: "Kommunen" }));
    expect(within(dialog).queryByLabelText(/^Vilken aktör/)).toBeNull();
    expect(within(dialog).queryByLabelText(/^Varför avslutades den/)).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText(/^Slag av åtgärd/), "Studiebesök");
    await user.type(within(dialog).getByLabelText(/^Innehåll/), "Studiebesök på komvux");
    await user.type(within(dialog).getByLabelText(/^Planerad uppföljning/), "2027-01-15");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    await screen.findByText("Åtgärden Studiebesök på komvux är sparad.");
    const { body, url } = await lastBody(requests, "POST");
    expect(url).toBe("/api/v1/persons/2/measures");
    expect(body).toEqual({
      type: "study_visit", content: "Studiebesök på komvux", responsible: "municipality", partner: null,
      planned_start: null, start: swedishDay(), end: null, end_reason: null, follow_up: "2027-01-15", evaluation: null, declined: null,
    });
  });

  it("corrects a measure as read, with its version in If-Match", async () => {
    const { requests, user, section } = await openPerson();
    await user.click(within(section).getByRole("button", { name: "Rätta åtgärden Praktik fyra veckor" }));
    const dialog = await screen.findByRole("dialog", { name: "Rätta åtgärden" });
    expect((within(dialog).getByRole("radio", { name: "Annan aktör" }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByLabelText(/^Vilken aktör/) as HTMLInputElement).value).toBe("Coop");
    await user.type(within(dialog).getByLabelText(/^Slutdatum/), "2025-03-20");
    await user.selectOptions(within(dialog).getByLabelText(/^Varför avslutades den/), "Genomförd");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));

    await screen.findByText("Åtgärden Praktik fyra veckor är sparad.");
    const { body, ifMatch, url } = await lastBody(requests, "PUT");
    expect(url).toBe("/api/v1/persons/2/measures/31");
    expect(ifMatch).toBe("3");
    expect(body).toEqual({ ...measure.data, end: "2025-03-20", end_reason: "completed" });
  });
});
