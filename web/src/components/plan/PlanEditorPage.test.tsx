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
    const detail = "Rubrik i delmål 2 i mål 1 måste anges.";
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

  // A caseworker's finding: a follow-up recorded without its measure stayed on the worklist.
  it("fills a new follow-up in with the measure whose follow-up is due, so that it counts as held", async () => {
    const { requests, user } = await openEditor({ ...planAnswers(), "PUT /api/v1/persons/2/plans/50": [200, plan] });
    await user.click(screen.getByRole("button", { name: "Lägg till uppföljning eller utvärdering" }));
    const review = screen.getByRole("group", { name: "Uppföljning eller utvärdering 1" });
    expect((within(review).getByLabelText(/^Gällde åtgärden/) as HTMLSelectElement).value).toBe("31");
    expect(within(review).getByText("Välj åtgärden: då räknas dess planerade uppföljning som gjord.")).toBeTruthy();
    await user.type(within(review).getByLabelText(/^Vad kom ni fram till/), "Praktiken går bra");
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    const { body } = await lastBody(requests, "PUT");
    expect(body.reviews).toEqual([expect.objectContaining({ kind: "follow_up", measure_id: 31, conclusion: "Praktiken går bra" })]);
  });

  it("keeps the way back to the search the person was opened from, through the editor and a save", async () => {
    fakeServer({ ...planAnswers(), "PUT /api/v1/persons/2/plans/50": [200, plan] });
    const user = userEvent.setup();
    renderAt({ pathname: "/personer/2", state: { back: "/sok?q=Malte" } }, <App />);
    await user.click(await screen.findByRole("link", { name: /^Ändra planen/ }));
    await screen.findByRole("heading", { level: 1, name: "Ändra planen för Malte Johansson" });
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    await waitFor(() => expect(screen.getByRole("link", { name: "Tillbaka till sökningen" }).getAttribute("href")).toBe("/sok?q=Malte"));
  });

  // An attacker's finding: a goal removed and another added in its place took the removed goal's id, so a
  // merge after a 409 took the two for one goal (and one user's new goal was lost).
  it("never gives a new goal the id of a goal the plan had when it was opened", async () => {
    const { requests, user } = await openEditor({ ...planAnswers(), "PUT /api/v1/persons/2/plans/50": [200, plan] });
    await user.click(screen.getByRole("button", { name: "Ta bort Mål 1" }));
    await user.click(screen.getByRole("button", { name: "Lägg till mål" }));
    await user.type(within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/), "Praktik på Ica");
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    const { body } = await lastBody(requests, "PUT");
    expect(body.goals.map((g: { id: string }) => g.id)).toEqual(["g2"]);
  });

  // The saved plan (version 4) has a new title for goal 1 and the day the young person agreed.
  const theirs = { ...plan, version: 4, data: { ...plan.data, agreed_on: "2025-01-12", goals: [{ ...plan.data.goals[0], title: "Börja arbeta" }] } };
  async function saveOverTheirs(retitle: boolean) {
    const answers = planAnswers();
    let puts = 0;
    Object.defineProperty(answers, "PUT /api/v1/persons/2/plans/50", {
      enumerable: true,
      get: () => (++puts === 1 ? [409, { title: "Conflict", status: 409, detail: "stale", current: theirs }] : [200, theirs]),
    });
    const opened = await openEditor(answers);
    const { user } = opened;
    if (retitle) {
      const title = within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/);
      await user.clear(title);
      await user.type(title, "Börja på komvux");
    }
    await user.click(screen.getByRole("button", { name: "Lägg till uppföljning eller utvärdering" }));
    await user.type(screen.getByLabelText("Vad kom ni fram till?"), "Träffades på biblioteket");
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    const heading = await screen.findByRole("heading", { name: "Någon annan har sparat planen" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    return { ...opened, table: screen.getByRole("table", { name: "Någon annan har sparat planen" }) };
  }

  // Goes on from the conflict with `button`: the form then holds the saved title and day agreed, and
  // saving sends the plan with the saved version; resolves to the plan sent.
  async function goOnAndSave(user: ReturnType<typeof userEvent.setup>, requests: Request[], button: string) {
    await user.click(screen.getByRole("button", { name: button }));
    expect(screen.queryByRole("heading", { name: "Någon annan har sparat planen" })).toBeNull();
    expect((within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe("Börja arbeta");
    expect((screen.getByLabelText(/^Den unga godkände planen den/) as HTMLInputElement).value).toBe("2025-01-12");
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    const { ifMatch, body } = await lastBody(requests, "PUT");
    expect(ifMatch).toBe("4");
    expect(body.goals[0].title).toBe("Börja arbeta");
    expect(body.agreed_on).toBe("2025-01-12");
    return body;
  }

  it("on a 409 lists only what you changed beside what is saved, and takes the saved plan with its version", async () => {
    const { requests, user, table } = await saveOverTheirs(true);
    const goalRow = within(table).getByRole("row", { name: /^Mål 1/ });
    expect(within(goalRow).getByText("Börja arbeta")).toBeTruthy();
    expect(within(goalRow).getByText("Börja på komvux")).toBeTruthy();
    expect(within(table).getByRole("row", { name: /Träffades på biblioteket/ })).toBeTruthy();
    // What only the other one changed (the day agreed) and what nobody changed are not "your changes".
    expect(within(table).queryByRole("row", { name: /^Godkänd av den unga/ })).toBeNull();
    expect(within(table).queryByRole("row", { name: /^Delmål 1\.1/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Spara planen" }).hasAttribute("disabled")).toBe(true);

    const body = await goOnAndSave(user, requests, "Använd den sparade planen");
    expect(body.reviews).toEqual([]);
  });

  it("Behåll mina ändringar puts your changes on the saved plan and keeps what the other one changed", async () => {
    const { requests, user } = await saveOverTheirs(false);
    // Their title and day agreed, which you did not touch, are kept; your review too.
    const body = await goOnAndSave(user, requests, "Behåll mina ändringar");
    expect(body.reviews.map((r: { conclusion: string }) => r.conclusion)).toEqual(["Träffades på biblioteket"]);
  });
});

describe("leaving the plan editor", () => {
  const goalTitle = () => within(screen.getByRole("group", { name: "Mål 1" })).getByLabelText(/^Rubrik/) as HTMLInputElement;
  const typeInGoal = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.clear(goalTitle());
    await user.type(goalTitle(), "Börja på komvux");
  };
  const personPage = () => screen.findByRole("heading", { level: 1, name: "Malte Johansson" });

  it("asks before a link leaves unsaved changes, and Stanna kvar (which has the focus) keeps what was typed", async () => {
    const { user } = await openEditor(planAnswers());
    await typeInGoal(user);
    await user.click(screen.getByRole("link", { name: "Idag" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Lämna planen utan att spara?" });
    expect(within(dialog).getByText(/ändringarna förlorade/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Stanna kvar" })));
    await user.click(within(dialog).getByRole("button", { name: "Stanna kvar" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("heading", { level: 1, name: "Ändra planen för Malte Johansson" })).toBeTruthy();
    expect(goalTitle().value).toBe("Börja på komvux");
  });

  it("leaves without saving when the user says so, sending nothing", async () => {
    const { requests, user } = await openEditor(planAnswers());
    await typeInGoal(user);
    await user.click(screen.getByRole("link", { name: "Tillbaka till personen" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Lämna planen utan att spara?" });
    await user.click(within(dialog).getByRole("button", { name: "Lämna utan att spara" }));
    await personPage();
    expect(requests.some((r) => r.method === "PUT")).toBe(false);
  });

  it("leaves a form without changes unasked", async () => {
    const { user } = await openEditor(planAnswers());
    await user.type(goalTitle(), "x");
    await user.type(goalTitle(), "{Backspace}");
    await user.click(screen.getByRole("link", { name: "Tillbaka till personen" }));
    await personPage();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("does not ask after a save, nor after Avbryt", async () => {
    const { user } = await openEditor({ ...planAnswers(), "PUT /api/v1/persons/2/plans/50": [200, { ...plan, version: 4 }] });
    await typeInGoal(user);
    await user.click(screen.getByRole("button", { name: "Spara planen" }));
    await screen.findByText("Planen är sparad.");
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await user.click(screen.getByRole("link", { name: "Ändra planen" }));
    await screen.findByRole("heading", { level: 1, name: "Ändra planen för Malte Johansson" });
    await typeInGoal(user);
    await user.click(screen.getByRole("link", { name: "Avbryt" }));
    await personPage();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("lets logging out go unasked", async () => {
    const { user } = await openEditor({ ...planAnswers(), "DELETE /api/v1/session": [204, null] });
    await typeInGoal(user);
    await user.click(screen.getByRole("button", { name: "Logga ut" }));
    await screen.findByRole("heading", { level: 1, name: "Logga in" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("has the browser ask on a reload or closing the tab (beforeunload) only while there are unsaved changes", async () => {
    const { user } = await openEditor(planAnswers());
    const unload = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await typeInGoal(user);
    expect(unload()).toBe(true);
    await user.clear(goalTitle());
    await user.type(goalTitle(), "Börja studera");
    expect(unload()).toBe(false);
  });
});
