import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { lastBody, plan, planAnswers } from "../../test/planFixtures";
import { fakeServer, renderAt, type Answers } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const voidUrl = "POST /api/v1/persons/2/plans/50/void";

async function openVoidDialog(answers: Answers) {
  const requests = fakeServer({ ...planAnswers(), ...answers });
  const user = userEvent.setup();
  renderAt("/personer/2", <App />);
  const section = await screen.findByRole("region", { name: "Handlingsplan" });
  await user.click(await within(section).findByRole("button", { name: "Makulera planen" }));
  const dialog = await screen.findByRole("dialog", { name: "Makulera planen" });
  return { requests, user, section, dialog };
}

describe("voiding the plan", () => {
  it("says what voiding the plan means, sends the reason with the version in If-Match, and then shows no plan and the way to draw up a new one", async () => {
    let voided = false;
    const answers: Answers = {
      [voidUrl]: () => {
        voided = true;
        return [200, { ...plan, version: 4, voided: true }];
      },
      "GET /api/v1/persons/2/plans": () => [200, { items: voided ? [] : [plan] }],
    };
    const { requests, user, section, dialog } = await openVoidDialog(answers);
    expect(within(dialog).getByText("Planen upprättad 2025-01-10 (version 3)")).toBeTruthy();
    expect(within(dialog).getByText(/finns kvar i ärendets historik med ditt skäl/)).toBeTruthy();
    expect(within(dialog).getByText(/Åtgärderna påverkas inte/)).toBeTruthy();
    expect(within(dialog).getByText(/Målbedömningarna av planens mål makuleras med den/)).toBeTruthy();

    await user.type(within(dialog).getByLabelText(/^Skäl till makuleringen/), "Upprättad för fel person");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    await screen.findByText("Planen upprättad 2025-01-10 (version 3) är makulerad. Den finns kvar i ärendets historik, och en ny plan kan upprättas.");
    const { body, ifMatch, url } = await lastBody(requests, "POST");
    expect(url).toBe("/api/v1/persons/2/plans/50/void");
    expect(ifMatch).toBe("3");
    expect(body).toEqual({ reason: "Upprättad för fel person" });
    await within(section).findByText("Ingen plan är upprättad för den pågående inskrivningen.");
    expect(within(section).getByRole("link", { name: "Upprätta plan" }).getAttribute("href")).toBe("/personer/2/plan");
  });

  it("shows the server's 422 beside the reason and in the summary", async () => {
    const detail = "Skälet får vara högst 500 tecken.";
    const { user, dialog } = await openVoidDialog({
      [voidUrl]: [422, { title: "Uppgifterna kan inte sparas", status: 422, detail, errors: [{ field: "reason", detail }] }],
    });
    const reason = within(dialog).getByLabelText(/^Skäl till makuleringen/);
    await user.type(reason, "Fel");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    const link = await within(dialog).findByRole("link", { name: detail });
    expect(link.getAttribute("href")).toBe(`#${reason.id}`);
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getAllByText(detail).length).toBe(2);
  });

  it("on a 409 says someone else changed the plan, reads it anew and sends the new version on the next try", async () => {
    const theirs = { ...plan, version: 4, data: { ...plan.data, agreed_on: "2025-01-12" } };
    let tries = 0;
    const { requests, user, dialog } = await openVoidDialog({
      [voidUrl]: () =>
        ++tries === 1 ? [409, { title: "Conflict", status: 409, detail: "stale", current: theirs }] : [200, { ...theirs, version: 5, voided: true }],
      "GET /api/v1/persons/2/plans": () => [200, { items: [tries === 0 ? plan : theirs] }],
    });
    await user.type(within(dialog).getByLabelText(/^Skäl till makuleringen/), "Fel person");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    const notice = await within(dialog).findByRole("alert");
    expect(notice.textContent).toContain("Någon annan har ändrat planen under tiden. Den är inläst på nytt: kontrollera och försök igen.");
    await within(dialog).findByText("Planen upprättad 2025-01-10 (version 4)");
    await user.click(within(dialog).getByRole("button", { name: "Makulera" }));
    await screen.findByText(/^Planen upprättad 2025-01-10 \(version 4\) är makulerad/);
    await waitFor(async () => expect((await lastBody(requests, "POST")).ifMatch).toBe("4"));
  });
});

describe("the planned follow-ups", () => {
  it("marks a follow-up the plan records as held for its measure, and says what makes it count", async () => {
    const held = { ...plan, data: { ...plan.data, reviews: [{ held_on: "2025-02-28", kind: "follow_up", measure_id: 31, conclusion: "Bra" }] } };
    fakeServer({ ...planAnswers(), "GET /api/v1/persons/2/plans": [200, { items: [held] }] });
    renderAt("/personer/2", <App />);
    const section = await screen.findByRole("region", { name: "Handlingsplan" });
    const item = await within(section).findByText(/^2025-03-01: uppföljning av Praktik fyra veckor/);
    expect(item.textContent).toBe("2025-03-01: uppföljning av Praktik fyra veckor – hölls 2025-02-28");
    expect(within(section).getByText(/med åtgärden vald och hållen tidigast en vecka före datumet/)).toBeTruthy();
    expect(within(item).queryByText("Försenad")).toBeNull();
  });

  it("marks a planned follow-up past its date and not held as overdue", async () => {
    fakeServer(planAnswers());
    renderAt("/personer/2", <App />);
    const section = await screen.findByRole("region", { name: "Handlingsplan" });
    const item = await within(section).findByText(/^2025-03-01: uppföljning av Praktik fyra veckor/);
    expect(within(item).getByText("Försenad")).toBeTruthy();
  });
});
