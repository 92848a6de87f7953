// Unsaved changes are not lost by leaving the page: while a form is dirty, a navigation within the app
// (a link in the header, the back link, the browser's Back) first asks in a dialog — "Stanna kvar" (the
// focus, and Esc) or leave without saving — and reloading or closing the tab gets the browser's own
// question (beforeunload). Logging out, and giving up the login when the session has ended, go to
// /logga-in unasked: the user chose that, and the session is over anyway.
import { BodyShort, Button, Modal } from "@navikt/ds-react";
import { useEffect, useRef, type ReactNode } from "react";
import { useBlocker } from "react-router-dom";
import { useT } from "../i18n";

/**
 * Guards a page whose form differs from what was loaded (`dirty`). Returns the dialog to render (null
 * unless a navigation waits on it) and `leave`, to call just before a navigation the user chose that
 * drops the changes on purpose (after a save, Avbryt): that one is not asked about.
 */
export function useLeaveGuard(dirty: boolean, texts: { heading: string; text: string }): { dialog: ReactNode; leave: () => void } {
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && nextLocation.pathname !== currentLocation.pathname && nextLocation.pathname !== "/logga-in",
  );
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // what older browsers need to ask
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);
  return {
    dialog: blocker.state === "blocked" && <LeaveDialog texts={texts} onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />,
    leave: () => {
      leaving.current = true;
    },
  };
}

function LeaveDialog({
  texts,
  onStay,
  onLeave,
}: {
  texts: { heading: string; text: string };
  onStay: () => void;
  onLeave: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  // No close button in the header: the first button, "Stanna kvar", takes the focus; Esc closes = stays.
  return (
    <Modal
      ref={dialog}
      open
      onClose={onStay}
      header={{ heading: texts.heading, size: "small", closeButton: false }}
      width="small"
      role="alertdialog"
    >
      <Modal.Body>
        <BodyShort>{texts.text}</BodyShort>
      </Modal.Body>
      <Modal.Footer>
        <Button type="button" onClick={() => dialog.current?.close()}>
          {t.leaveStay}
        </Button>
        <Button type="button" variant="danger" onClick={onLeave}>
          {t.leaveAnyway}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
