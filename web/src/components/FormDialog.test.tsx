import { useMutation } from "@tanstack/react-query";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../api/client";
import { renderAt } from "../test/render";
import { FormDialog, ReasonField, useFormDialog } from "./FormDialog";

afterEach(cleanup);

type Saved = { id: number };

/** A dialog as the real ones are made: a reason, the form's own check, one request. */
function Probe({
  send,
  onClose,
  on409,
}: {
  send: (reason: string) => Promise<Saved>;
  onClose: (saved: Saved | null) => void;
  on409?: (current: object) => void;
}) {
  const dialog = useFormDialog<Saved | null>(onClose, null);
  const save = useMutation({ mutationFn: send });
  const [reason, setReason] = useState("");
  const submit = () => {
    if (!dialog.check(reason.trim() ? [] : [{ field: "reason", detail: "Skriv ett skäl." }])) return;
    save.mutate(reason.trim(), { onSuccess: dialog.done, onError: dialog.failed(on409) });
  };
  return (
    <FormDialog
      dialog={dialog}
      id="probe"
      heading="Prova"
      submitLabel="Spara"
      pending={save.isPending}
      intro={<p>Inledningen</p>}
      fieldIds={{ reason: "probe-reason" }}
      onSubmit={submit}
    >
      <ReasonField id="probe-reason" label="Skäl" hint="Högst 500 tecken." value={reason} onChange={setReason} problem={dialog.problem} />
    </FormDialog>
  );
}

describe("FormDialog", () => {
  it("checks the form first, shows the server's 422 beside the field and in the summary, and closes with the answer", async () => {
    const send = vi
      .fn<(reason: string) => Promise<Saved>>()
      .mockRejectedValueOnce(new ApiProblem(422, { errors: [{ field: "reason", detail: "Skälet är för kort." }] }))
      .mockResolvedValueOnce({ id: 7 });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderAt("/", <Probe send={send} onClose={onClose} />);
    const dialog = await screen.findByRole("dialog", { name: "Prova" });
    expect(within(dialog).getByText("Inledningen")).toBeTruthy();
    const reason = within(dialog).getByLabelText("Skäl");
    expect(reason.getAttribute("aria-describedby")).toBeTruthy();
    expect(within(dialog).getByText("Högst 500 tecken.")).toBeTruthy();

    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    expect(within(dialog).getAllByText("Skriv ett skäl.").length).toBe(2);
    expect(send).not.toHaveBeenCalled();

    await user.type(reason, "kort");
    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(within(dialog).getAllByText("Skälet är för kort.").length).toBe(2));
    expect(within(dialog).getByRole("link", { name: "Skälet är för kort." }).getAttribute("href")).toBe("#probe-reason");

    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ id: 7 }));
    expect(send).toHaveBeenLastCalledWith("kort", expect.anything());
  });

  it("hands a 409 with what is saved now to the dialog's notice, shows any other, and closes with nothing on cancel", async () => {
    const send = vi
      .fn<(reason: string) => Promise<Saved>>()
      .mockRejectedValueOnce(new ApiProblem(409, { detail: "Ändrad av någon annan.", current: { version: 3 } }))
      .mockRejectedValueOnce(new ApiProblem(409, { detail: "Det går inte nu." }));
    const on409 = vi.fn();
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderAt("/", <Probe send={send} onClose={onClose} on409={on409} />);
    const dialog = await screen.findByRole("dialog", { name: "Prova" });
    await user.type(within(dialog).getByLabelText("Skäl"), "Registrerad på fel person");

    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(on409).toHaveBeenCalledWith({ version: 3 }));
    expect(within(dialog).queryByText("Ändrad av någon annan.")).toBeNull();

    await user.click(within(dialog).getByRole("button", { name: "Spara" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Det går inte nu.");
    expect(on409).toHaveBeenCalledTimes(1);

    await user.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(null));
  });
});
