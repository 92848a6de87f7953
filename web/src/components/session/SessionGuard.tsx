// The end of the session, on every signed-in page (Layout). Some minutes before the session ends a
// dialog says when: after idle time, with a button to stay signed in (any request is a use); at the hard
// end, that it cannot be extended. Once it has ended (its time is up, or a request met a 401) the same
// user logs in again in a dialog over the page: the page and any open form stay as they were (the
// backdrop hides them meanwhile), and the requests that met the end are sent again (sessionState.ts).
// Logging out instead forgets everything and leads to the login page.
import { BodyShort, Button, Modal, TextField, VStack } from "@navikt/ds-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { ApiProblem } from "../../api/client";
import { isProblem, useLogInAgain, useLogOut, useStaySignedIn } from "../../api/queries";
import { useT } from "../../i18n";
import { FormProblems, fieldError } from "../Problems";
import { endOf, sessionEnded, sessionState, signedOut, subscribe, warningBefore } from "./sessionState";

const clock = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });

/** Re-renders at `at` (ms since the epoch), once. */
function useWakeAt(at: number | null) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (at === null || at === Infinity) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, at - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [at]);
}

export function SessionGuard() {
  const state = useSyncExternalStore(subscribe, sessionState);
  const end = endOf(state);
  const now = Date.now();
  const warnAt = end ? end.at - warningBefore(state) : null;
  // The hard end's warning, once dismissed, stays away (its end does not move).
  const [dismissed, setDismissed] = useState<number | null>(null);
  useWakeAt(end === null || state.ended ? null : now < (warnAt ?? 0) ? warnAt : end.at);
  useEffect(() => {
    if (end && now >= end.at) sessionEnded();
  });
  const warning = end && warnAt !== null && now >= warnAt && !(end.hard && dismissed === end.at);
  const showing = !!state.username && (state.ended || !!warning);
  useFocusBack(showing);
  if (!state.username) return null;
  if (state.ended) return <LogInAgain username={state.username} />;
  if (warning) return <Warning end={end} onDismiss={() => setDismissed(end.at)} />;
  return null;
}

/** While the session's dialogs show (a warning, then perhaps the login), the focus is theirs; once the last
 * has gone it goes back where it was before the first (a field of an open form), else to the page's heading. */
function useFocusBack(showing: boolean) {
  const before = useRef<HTMLElement | null>(null);
  // Read as the first dialog renders, before it takes the focus.
  if (showing && !before.current) before.current = (document.activeElement as HTMLElement | null) ?? document.body;
  useEffect(() => {
    if (showing || !before.current) return;
    const target = before.current;
    before.current = null;
    // After the dialog's own ending, which leaves the focus on <body>.
    const timer = setTimeout(() => {
      const back = target.isConnected && target !== document.body ? target : document.querySelector<HTMLElement>("h1.page-heading");
      back?.focus();
    });
    return () => clearTimeout(timer);
  }, [showing]);
}

function Warning({ end, onDismiss }: { end: { at: number; hard: boolean }; onDismiss: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useStaySignedIn();
  const logOut = useLogOut();
  const navigate = useNavigate();
  const time = clock.format(new Date(end.at));
  // The answer most want takes the focus, not the dialog's close button, once the dialog has opened.
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => primary.current?.focus());
    return () => clearTimeout(timer);
  }, []);
  return (
    <Modal
      ref={dialog}
      open
      onClose={() => (end.hard ? onDismiss() : stay.mutate())}
      header={{ heading: end.hard ? t.sessionHardHeading : t.sessionWarningHeading, size: "small" }}
      width="small"
      role="alertdialog"
    >
      <Modal.Body>
        <BodyShort>{end.hard ? t.sessionHardText(time) : t.sessionWarningText(time)}</BodyShort>
      </Modal.Body>
      <Modal.Footer>
        {end.hard ? (
          <Button type="button" ref={primary} onClick={onDismiss}>
            {t.understood}
          </Button>
        ) : (
          <Button
            type="button"
            ref={primary}
            loading={stay.isPending}
            onClick={() => stay.mutate(undefined, { onError: (e) => isProblem(e, 401) && sessionEnded() })}
          >
            {t.staySignedIn}
          </Button>
        )}
        <Button
          type="button"
          variant="secondary"
          onClick={() => logOut.mutate(undefined, { onSettled: () => navigate("/logga-in", { replace: true }) })}
        >
          {t.logOut}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

const passwordId = "relogin-password";

function LogInAgain({ username }: { username: string }) {
  const t = useT();
  const logIn = useLogInAgain();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setProblem(new ApiProblem(0, { errors: [{ field: "password", detail: t.passwordRequired }] }));
      return;
    }
    setProblem(null);
    // Signed in again (sessionState.signedIn, through the answer): the waiting requests go on.
    logIn.mutate({ username, password }, { onError: (error) => setProblem(error) });
  };
  const giveUp = () => {
    signedOut();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
    queryClient.setQueryData(["session"], null);
    navigate("/logga-in", { replace: true, state: { from: location } });
  };
  return (
    <Modal
      open
      onBeforeClose={() => false}
      onClose={() => undefined}
      header={{ heading: t.reloginHeading, size: "small", closeButton: false }}
      width="small"
      className="relogin"
    >
      <Modal.Body>
        <form id="relogin" onSubmit={submit} noValidate>
          <VStack gap="4">
            <BodyShort>{t.reloginText(username)}</BodyShort>
            <FormProblems problem={problem} fieldIds={{ password: passwordId }} />
            <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
            <TextField
              id={passwordId}
              label={t.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError(problem, "password")}
            />
            <BodyShort size="small" className="subtle">
              {t.reloginGiveUpHint}
            </BodyShort>
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="relogin" loading={logIn.isPending}>
          {t.logIn}
        </Button>
        <Button type="button" variant="secondary" onClick={giveUp}>
          {t.reloginGiveUp}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
