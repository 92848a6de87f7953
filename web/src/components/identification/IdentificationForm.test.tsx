import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import { fakeServer, renderAt, type Answers } from "../../test/render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const session: [number, unknown] = [200, { csrf_token: "tok", user: { username: "demo", role: "admin,unit_manager" } }];

const summary = (over: object) => ({
  date: "2026-11-30", municipality: "1490", target_group: 3, open_before: 2, unchanged: 1, closures_respected: 0,
  registered: { total: 1, by_reason: { never_started: 1 } }, deregistered: { total: 1, by_reason: { moved_out: 1 } },
  by_hand: { confirmed: 0, ended: 0, awaiting: 0 }, ended_elsewhere: {}, large_change: false, dry_run: true,
  changes: [
    { personal_id: "20090101-1122", first_name: "Omar", last_name: "Hussein", protected: false, change: "registered",
      reason: "never_started", reason_label: "Har inte börjat i gymnasieskolan", date: "2026-11-30", by_hand: false },
    { personal_id: "20071120-4578", first_name: "Elsa", last_name: "Berg", protected: true, change: "deregistered",
      reason: "moved_out", reason_label: "Flyttat från kommunen", date: "2026-10-01", by_hand: false },
  ],
  ...over,
});

/** Answers POST /api/v1/identification-runs with each of `answers` in turn. */
function server(answers: [number, unknown][]) {
  const all: Answers = { "GET /api/v1/session": session, "GET /api/v1/identification-runs": [200, { items: [] }] };
  let call = 0;
  Object.defineProperty(all, "POST /api/v1/identification-runs", { enumerable: true, get: () => answers[call++] });
  fakeServer(all);
  // The forms sent, field by field (jsdom's FormData cannot be read back from a Request in Node).
  const append = vi.spyOn(FormData.prototype, "append");
  const posts = async () => {
    const forms = [...new Set(append.mock.contexts)];
    return forms.map((form) =>
      Object.fromEntries(append.mock.calls.filter((_, i) => append.mock.contexts[i] === form).map(([k, v]) => [k, v])),
    );
  };
  return posts;
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  renderAt("/identifiering", <App />);
  await screen.findByRole("heading", { level: 1, name: "Identifiering ur registren" });
  await user.upload(screen.getByLabelText("Folkbokföring"), new File(["p"], "population.csv", { type: "text/csv" }));
  await user.upload(screen.getByLabelText("Inskrivningar i skolan"), new File(["e"], "enrolments.csv", { type: "text/csv" }));
  await user.type(screen.getByLabelText(/^Kommun/), "1490");
}

describe("identification", () => {
  it("asks for the files first, then shows the dry run's changes with names, reasons and dates, then applies the same files", async () => {
    const posts = server([[200, summary({})], [201, summary({ dry_run: false, id: 7 })]]);
    const user = userEvent.setup();
    renderAt("/identifiering", <App />);
    await user.click(await screen.findByRole("button", { name: "Provkör" }));
    expect(screen.getByRole("link", { name: "Välj filen Folkbokföring." })).toBeTruthy();
    cleanup();

    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Provkör" }));
    await screen.findByRole("heading", { name: "Provkörning: så här skulle registret ändras" });
    const registered = screen.getByRole("table", { name: "Skrivs in (1)" });
    const omar = within(registered).getByRole("rowheader", { name: "Omar Hussein" }).closest("tr")!;
    expect(within(omar).getByText("Har inte börjat i gymnasieskolan")).toBeTruthy();
    expect(within(omar).getByText("2026-11-30")).toBeTruthy();
    const deregistered = screen.getByRole("table", { name: "Skrivs ut (1)" });
    const elsa = within(deregistered).getByText("Elsa Berg").closest("tr")!;
    expect(within(elsa).getByText("Skyddad identitet")).toBeTruthy();
    expect(within(elsa).getByText("Flyttat från kommunen")).toBeTruthy();
    expect(within(elsa).getByText("2026-10-01")).toBeTruthy();
    const [dry] = await posts();
    expect(dry).toMatchObject({ dry_run: "true", municipality: "1490", encoding: "utf-8" });
    expect((dry.population as File).name).toBe("population.csv");

    await user.click(screen.getByRole("button", { name: "Genomför körningen" }));
    await screen.findByText("Körning 7 är sparad: 1 inskrivna, 1 utskrivna.");
    const [, applied] = await posts();
    expect(applied).toMatchObject({ dry_run: "false", municipality: "1490" });
    expect(applied.confirm_large_change).toBeUndefined();
    expect((applied.enrolments as File).name).toBe("enrolments.csv");
  });

  it("lists the files' problems readably with their count", async () => {
    server([
      [422, { title: "Unprocessable Content", status: 422, detail: "150 problem(s) in the files; nothing was saved", error_count: 150,
        errors: ["population.csv:3: bad check digit in 20080312-2382", "enrolments.csv:7: unknown skolform XX"] }],
    ]);
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Provkör" }));
    await screen.findByRole("heading", { name: "Filerna har 150 fel" });
    expect(screen.getByText("Visar de första 2 av 150.")).toBeTruthy();
    expect(screen.getByText("population.csv:3: bad check digit in 20080312-2382")).toBeTruthy();
    expect(screen.getByText("enrolments.csv:7: unknown skolform XX")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Genomför körningen" })).toBeNull();
  });

  it("asks to confirm a large change: the server's 422 on confirm_large_change offers the box, ticked it is sent", async () => {
    const refused = {
      title: "Uppgifterna kan inte sparas", status: 422, detail: "Körningen skulle avsluta 344 av 344 öppna inskrivningar.",
      errors: [{ field: "confirm_large_change", detail: "Körningen skulle avsluta 344 av 344 öppna inskrivningar." }],
      error_count: 1, field: "confirm_large_change", // as the server answers it
    };
    const posts = server([[200, summary({})], [422, refused], [201, summary({ dry_run: false, id: 8, large_change: true })]]);
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Provkör" }));
    await screen.findByRole("heading", { name: "Provkörning: så här skulle registret ändras" });
    expect(screen.queryByLabelText(/^Jag har kontrollerat/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Genomför körningen" }));
    await screen.findByRole("heading", { name: "Stor ändring" });
    expect(screen.getAllByText("Körningen skulle avsluta 344 av 344 öppna inskrivningar.").length).toBe(2);

    // Not ticked: refused without asking the server.
    await user.click(screen.getByRole("button", { name: "Genomför körningen" }));
    await screen.findAllByText("Kryssa i att du har kontrollerat filerna innan du genomför körningen.");
    expect((await posts()).length).toBe(2);

    await user.click(screen.getByLabelText("Jag har kontrollerat att filerna är hela och att ändringen stämmer"));
    await user.click(screen.getByRole("button", { name: "Genomför körningen" }));
    await screen.findByText("Körning 8 är sparad: 1 inskrivna, 1 utskrivna.");
    const sent = await posts();
    expect(sent[2]).toMatchObject({ dry_run: "false", confirm_large_change: "true" });
  });

  it("shows a dry run's large change before applying", async () => {
    server([[200, summary({ large_change: true })]]);
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Provkör" }));
    await screen.findByRole("heading", { name: "Stor ändring" });
    expect(screen.getByLabelText("Jag har kontrollerat att filerna är hela och att ändringen stämmer")).toBeTruthy();
  });

  it("offers applying only while the files are those of the dry run", async () => {
    server([[200, summary({})]]);
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Provkör" }));
    await screen.findByRole("button", { name: "Genomför körningen" });
    await user.upload(screen.getByLabelText("Folkbokföring"), new File(["q"], "other.csv", { type: "text/csv" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Genomför körningen" })).toBeNull());
    expect(screen.getByText(/^Du har ändrat filerna/)).toBeTruthy();
  });
});
