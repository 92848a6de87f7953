import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { lastBody, plan, planAnswers } from "../../test/planFixtures";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openEditor(answers: Record<string, [number, unknown]>) {
  const requests = fakeServer(answers);
  const user = userEvent.setup();
  renderAt("/personer/2/plan", <App />);
  await screen.findByRole("heading", { level: 1, name: "Ändra planen för Malte Johansson" });
  return { requests, user };
}

describe("the plan editor", () => {
  it("puts the server's error on a sub-goal's title beside that sub-goal's field and in the summary, and keeps it there when the form changes", async () => {
    const detail = "Mål 1 delmål 2 rubrik måste anges.";
    const { requests, user } = await openEditor({
      ...planAnswers(),
      "PUT /api/v1/persons/2/plans/50": [422, { title: "Uppgifterna kan inte sparas", status: 422, detail, errors: [{ field: "goals[0].sub_goals[1].title", detail }] }],
    });
    await user.click(screen.getByRole("button", { name: "Lägg till delmål i Mål 1" }));
    const added = screen.getByRole("group", { name: "Delmål 1.2" });
    expect(document.activeElement).toBe(within(added).getByLabelText(/^Rubrik/));
    await user.click(screen.getByRole("button", { name: "Spara planen" }));

    const summaryLink = await screen.findByRole("link", { name: detail });
    const title = within(added).getByLabelText(/^Rubrik/);
    expect(summaryLink.getAttribute("href")).toBe(`#${title.id}`);
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(within(added).getByText(detail)).toBeTruthy();
    for (const other of [screen.getByRole("group", { name: "Mål 1" }), screen.getByRole("group", { name: "Delmål 1.1" })])
      expect(within(other).getByLabelText(/^Rubrik/).getAttribute("aria-invalid")).not.toBe("true");

    // The revision was sent with the version read, the new sub-goal with an id of its own.
    const { body, ifMatch } = await lastBody(requests, "PUT");
    expect(ifMatch).toBe("3");
    expect(body.goals[0].sub_goals.map((s: { id: string }) => s.id)).toEqual(["g1.1", "g1.2"]);

    // Adding a goal above does not move the error off the field it is about.
    await user.click(screen.getByRole("button", { name: "Lägg till mål" }));
    expect(within(screen.getByRole("group", { name: "Delmål 1.2" })).getByText(detail)).toBeTruthy();
  });

  it("on a 409 shows the saved plan beside yours, and takes the saved one with its version", async () => {
    const theirs = { ...plan, version: 4, data: { ...plan.data, agreed_on: "2025-01-12", goals: [{ ...plan.data.goals[0], title: "Börja arbeta" }] } };
    const answers = planAnswers();
    let puts = 0;
    Object.defineProperty(answers, "PUT /api/v1/persons/2/plans/50", {
      enumerable: true,
      get: () => (++puts === 1 ? [409, { title: "Conflict", status: 409, detail: "stale", current: theirs }] : [200, theirs]),
    });
    const { requests, user } = await openEditor(answers);
    const title = within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/);
    await user.clear(title);
    await user.type(title, "Börja på komvux");
    await user.click(screen.getByRole("button", { name: "Spara planen" }));

    const heading = await screen.findByRole("heading", { name: "Någon annan har sparat planen" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const table = screen.getByRole("table", { name: "Någon annan har sparat planen" });
    const goalRow = within(table).getByRole("row", { name: /^Mål 1/ });
    expect(within(goalRow).getByText("Börja arbeta")).toBeTruthy();
    expect(within(goalRow).getByText("Börja på komvux")).toBeTruthy();
    const agreedRow = within(table).getByRole("row", { name: /^Godkänd av den unga/ });
    expect(within(agreedRow).getByText("2025-01-12")).toBeTruthy();
    // Rows that do not differ are left out.
    expect(within(table).queryByRole("row", { name: /^Delmål 1\.1/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Spara planen" }).hasAttribute("disabled")).toBe(true);

    await user.click(screen.getByRole("button", { name: "Använd den sparade planen" }));
    expect(screen.queryByRole("heading", { name: "Någon annan har sparat planen" })).toBeNull();
    expect((within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe("Börja arbeta");
    expect((screen.getByLabelText(/^Den unga godkände planen den/) as HTMLInputElement).value).toBe("2025-01-12");

    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    const { ifMatch, body } = await lastBody(requests, "PUT");
    expect(ifMatch).toBe("4");
    expect(body.goals[0].title).toBe("Börja arbeta");
  });
});
