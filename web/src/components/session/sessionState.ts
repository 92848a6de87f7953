// When the session ends, and what happens to the requests that meet its end. No React here: the API
// client (src/api/client.ts) reports every answer, and SessionGuard shows the warning and the login.
//
// The server ends a session after `idle_timeout_seconds` unused and at `expires_at` whatever the user does
// (both in the session answer). Every answer but a 401 is a use; the last one is kept in localStorage so
// that the tabs of one browser (one cookie, one session) agree on it.
//
// A request answered 401 while the user is signed in (the session expired, or ended elsewhere) waits:
// the guard asks the same user to log in again, and the request is then sent again with the new CSRF
// token — so a save that met the end of the session is made after all, and no form is left.

export type SessionState = {
  /** The signed-in user (null before login and after logout). */
  username: string | null;
  idleSeconds: number | null;
  /** The hard end, ms since the epoch. */
  expiresAt: number | null;
  /** The last answer that was a use of the session, ms since the epoch. */
  lastUse: number;
  /** The session has ended and requests wait for a new login. */
  ended: boolean;
};

const storageKey = "lotsen.session.lastUse";
let state: SessionState = { username: null, idleSeconds: null, expiresAt: null, lastUse: Date.now(), ended: false };
const listeners = new Set<() => void>();
let waiting: ((signedIn: boolean) => void)[] = [];

function set(next: Partial<SessionState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === storageKey && noteUse(Number(e.newValue) || 0, false);
  globalThis.addEventListener?.("storage", onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.("storage", onStorage);
  };
}

export function sessionState(): SessionState {
  return state;
}

/** A session answer (login, GET /api/v1/session): who, and its limits. */
export function signedIn(username: string, idleSeconds: number | null, expiresAt: string | null) {
  const ends = expiresAt ? Date.parse(expiresAt) : NaN;
  set({ username, idleSeconds, expiresAt: Number.isNaN(ends) ? null : ends, ended: false });
  noteUse(Date.now());
  const resume = waiting;
  waiting = [];
  resume.forEach((r) => r(true));
}

/** Logged out, or not signed in: requests that wait get their 401. */
export function signedOut() {
  set({ username: null, idleSeconds: null, expiresAt: null, ended: false });
  const give = waiting;
  waiting = [];
  give.forEach((r) => r(false));
}

/** An answer that used the session (at `at`). */
export function noteUse(at: number, share = true) {
  if (at <= state.lastUse) return;
  if (share)
    try {
      globalThis.localStorage?.setItem(storageKey, String(at));
    } catch {
      // No storage (private mode): this tab alone keeps count.
    }
  set({ lastUse: at });
}

/** The session has ended (a 401, or its time is up). */
export function sessionEnded() {
  if (state.username && !state.ended) set({ ended: true });
}

/**
 * A request was answered 401: resolves to true once the user has logged in again (send it again), false
 * when they are not signed in or gave up (answer the 401).
 */
export function waitForLogin(): Promise<boolean> {
  if (!state.username) return Promise.resolve(false);
  sessionEnded();
  return new Promise((resolve) => waiting.push(resolve));
}

/** When the session ends unless used again (ms since the epoch), and whether that is the hard end. */
export function endOf(s: SessionState): { at: number; hard: boolean } | null {
  const idleEnd = s.idleSeconds ? s.lastUse + s.idleSeconds * 1000 : Infinity;
  const hardEnd = s.expiresAt ?? Infinity;
  if (idleEnd === Infinity && hardEnd === Infinity) return null;
  return hardEnd <= idleEnd ? { at: hardEnd, hard: true } : { at: idleEnd, hard: false };
}

/** How long before the end the warning comes: five minutes, or half the idle time when that is shorter. */
export function warningBefore(s: SessionState): number {
  return Math.min(5 * 60_000, ((s.idleSeconds ?? 600) * 1000) / 2);
}
