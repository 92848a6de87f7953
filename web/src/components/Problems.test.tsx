import { Radio, RadioGroup, TextField } from "@navikt/ds-react";
import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import { ApiProblem } from "../api/client";
import { renderAt } from "../test/render";
import { FormProblems, fieldError } from "./Problems";

afterEach(cleanup);

function Form({ problem }: { problem: unknown }) {
  return (
    <form>
      <FormProblems problem={problem} fieldIds={{ date: "f-date", channel: "f-channel" }} />
      <TextField id="f-date" label="Datum" error={fieldError(problem, "date")} />
      <TextField id="f-channel" label="Sätt" error={fieldError(problem, "channel")} />
    </form>
  );
}

describe("FormProblems", () => {
  it("leads its links to the field, and into a radio group (its fieldset alone would leave the focus on <body>)", () => {
    const problem = new ApiProblem(0, {
      errors: [
        { field: "reached", detail: "Ange om den unga nåddes." },
        { field: "date", detail: "Ange datum." },
      ],
    });
    renderAt(
      "/",
      <form>
        <FormProblems problem={problem} fieldIds={{ reached: "f-reached", date: "f-date" }} />
        <TextField id="f-date" label="Datum" />
        <RadioGroup id="f-reached" legend="Nåddes den unga?">
          <Radio value="yes">Ja</Radio>
          <Radio value="no">Nej</Radio>
        </RadioGroup>
      </form>,
    );
    fireEvent.click(screen.getByRole("link", { name: "Ange om den unga nåddes." }));
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Ja" }));
    fireEvent.click(screen.getByRole("link", { name: "Ange datum." }));
    expect(document.activeElement).toBe(screen.getByLabelText("Datum"));
  });

  it("shows a 422's field errors beside their fields and in a focused summary linking to them", () => {
    const problem = new ApiProblem(422, {
      title: "Ogiltiga uppgifter",
      status: 422,
      detail: "2 fel",
      errors: [
        { field: "date", detail: "Datumet får inte ligga i framtiden." },
        { field: "channel", detail: "Okänt kontaktsätt." },
        { field: "note", detail: "Anteckningen är för lång." },
      ],
    });
    renderAt("/", <Form problem={problem} />);

    const heading = screen.getByRole("heading", { name: "Rätta följande innan du går vidare:" });
    // The focus moves to the summary (Aksel hands it on to the summary's heading).
    expect(document.activeElement).toBe(heading);
    const summary = heading.closest(".navds-error-summary")!;
    const date = within(summary as HTMLElement).getByRole("link", { name: "Datumet får inte ligga i framtiden." });
    expect(date.getAttribute("href")).toBe("#f-date");
    expect(within(summary as HTMLElement).getByRole("link", { name: "Okänt kontaktsätt." }).getAttribute("href")).toBe(
      "#f-channel",
    );
    // A field the form does not have is listed, without a link.
    within(summary as HTMLElement).getByText("Anteckningen är för lång.");
    expect(within(summary as HTMLElement).queryByRole("link", { name: "Anteckningen är för lång." })).toBeNull();

    // Beside each field, and tied to it for screen readers.
    const input = screen.getByLabelText("Datum");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described.join(" ")).toContain("Datumet får inte ligga i framtiden.");
    expect(screen.getByLabelText("Sätt").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows a problem without field errors as an alert, and a problem naming its field as a field error", () => {
    const { unmount } = renderAt("/", <Form problem={new ApiProblem(409, { detail: "Personen har ingen öppen inskrivning." })} />);
    expect(screen.getByRole("alert").textContent).toContain("Personen har ingen öppen inskrivning.");
    expect(screen.queryByRole("link")).toBeNull();
    unmount();

    renderAt("/", <Form problem={new ApiProblem(400, { detail: "Ogiltigt datum.", field: "date" })} />);
    expect(screen.getByRole("link", { name: "Ogiltigt datum." }).getAttribute("href")).toBe("#f-date");
    expect(screen.getByLabelText("Datum").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows nothing without a problem", () => {
    renderAt("/", <Form problem={null} />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });
});
