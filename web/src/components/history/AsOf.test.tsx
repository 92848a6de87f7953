import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { caseAnswers, occupations, person } from "../../test/case";
import { assessment, codes, measure, plan } from "../../test/planFixtures";
import { fakeServer, renderAt } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const asOf = {
  as_of: "2025-02-01", id: 2,
  person: { first_name: "Malte", last_name: "Johansson", personal_id: "20070410-1234", protected: false, contact: { phone: "070-111 11 11", email: "" } },
  registrations: [person.registrations[0]],
  contact_attempts: [], occupations: [occupations[0]], measures: [], plans: [], goal_assessments: [],
};

describe("the case on a past day", () => {
  it("is opened from the date field, says it is a past view, offers nothing to change, and leads back to today", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2?as_of=2025-02-01"] = [200, asOf];
    const requests = fakeServer(answers);
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    const field = await screen.findByLabelText(/^Visa ärendet som det var den/);
    await user.type(field, "2025-02-01");
    await user.click(screen.getByRole("button", { name: "Visa" }));

    await screen.findByRole("heading", { name: "Ärendet som det var den 2025-02-01" });
    expect(requests.some((r) => r.url.endsWith("/api/v1/persons/2?as_of=2025-02-01"))).toBe(true);
    expect(screen.getByText(/Inget kan ändras här/)).toBeTruthy();
    const occupationsTable = await screen.findByRole("table", { name: "Sysselsättning över tid" });
    expect(within(occupationsTable).getAllByRole("row")[1].textContent).toContain("Studier");
    expect(screen.getByText("070-111 11 11")).toBeTruthy();
    for (const name of [/Logga kontakt/, /^Rätta/, /^Makulera/, /Ändra kontaktuppgifter/, /Avsluta inskrivningen/])
      expect(screen.queryByRole("button", { name })).toBeNull();

    await user.click(screen.getByRole("link", { name: "Till ärendet som det är i dag" }));
    await screen.findByRole("table", { name: "Kontaktförsök" });
    expect(screen.queryByText(/Inget kan ändras här/)).toBeNull();
  });

  // A caseworker's finding: the past view said "Okänd" where today's page says "skyddad".
  it("says a protected person's contact details are protected, not unknown", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2?as_of=2025-02-01"] = [
      200,
      { ...asOf, person: { ...asOf.person, protected: true, contact: { phone: null, email: null } } },
    ];
    fakeServer(answers);
    renderAt("/personer/2?per=2025-02-01", <App />);
    await screen.findByRole("heading", { name: "Ärendet som det var den 2025-02-01" });
    const identity = await screen.findByRole("region", { name: "Identitet" });
    expect(within(identity).getAllByText("skyddad")).toHaveLength(2);
    expect(within(identity).queryByText("Okänd")).toBeNull();
  });

  // A caseworker's finding: the past view gave the plan one line ("Upprättad …, 1 mål").
  it("shows the plan as it stood, whole: its goals and sub-goals, the measures serving them, the latest assessment", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2?as_of=2025-03-02"] = [
      200,
      { ...asOf, as_of: "2025-03-02", measures: [measure], plans: [plan], goal_assessments: [assessment] },
    ];
    answers["GET /api/v1/code-lists/goal_result"] = codes("goal_result", [["partly", "Delvis uppnått"]]);
    answers["GET /api/v1/code-lists/measure_type"] = codes("measure_type", [["internship", "Praktik"]]);
    fakeServer(answers);
    renderAt("/personer/2?per=2025-03-02", <App />);
    const section = await screen.findByRole("region", { name: "Åtgärder" });
    await within(section).findByText(/Börja studera/);
    expect(within(section).getByText(/Praktik$/)).toBeTruthy();
    expect(within(section).getAllByText(/Praktik fyra veckor/).length).toBeGreaterThan(0);
    expect(await within(section).findByText("Delvis uppnått")).toBeTruthy();
    expect(within(section).queryByRole("button")).toBeNull();
  });

  it("shows the server's refusal of a day ahead beside the date field", async () => {
    const answers = caseAnswers();
    answers["GET /api/v1/persons/2?as_of=2099-01-01"] = [
      400,
      { title: "Bad Request", status: 400, detail: "as_of ligger i framtiden", field: "as_of" },
    ];
    fakeServer(answers);
    renderAt("/personer/2?per=2099-01-01", <App />);
    const field = await screen.findByLabelText(/^Visa ärendet som det var den/);
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("as_of ligger i framtiden")).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe("2099-01-01");
    // No banner saying "as it was on 2099-01-01" beside the refusal.
    expect(screen.queryByText(/Ärendet som det var den/)).toBeNull();
  });

  it("refuses a day ahead of today beside the field before asking the server", async () => {
    const requests = fakeServer(caseAnswers());
    const user = userEvent.setup();
    renderAt("/personer/2", <App />);
    const field = await screen.findByLabelText(/^Visa ärendet som det var den/);
    await user.type(field, "2099-01-01");
    await user.click(screen.getByRole("button", { name: "Visa" }));
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(/framtiden finns inte i ärendet ännu/)).toBeTruthy();
    expect(requests.some((r) => new URL(r.url).searchParams.has("as_of"))).toBe(false);
  });
});
