// The one way to the server: openapi-fetch typed by schema.d.ts, which `npm run api` generates from
// docs/api/openapi.yaml (`npm run build` fails when it is stale). Every call names its route as a
// literal path of that file, so that src/api/routes.test.ts can check each one against it.
// Same origin, so the browser sends the session cookie; every change carries the CSRF token that
// login (or GET /api/v1/session after a reload) answered; problems come in the chosen language. A
// request that meets the end of the session waits for a new login and is sent again (send, below).
import createClient, { type Middleware } from "openapi-fetch";
import { noteUse, waitForLogin } from "../components/session/sessionState";
import { storedLanguage } from "../language";
import { dropEarly, takeEarly } from "./early";
import type { paths } from "./schema";

// The stored choice from the start: the first load's requests (early.ts) are in it too.
let language: string = storedLanguage();
let csrfToken: string | null = null;

export function setApiLanguage(next: string) {
  language = next;
}

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", language);
    if (!["GET", "HEAD"].includes(request.method) && csrfToken) request.headers.set("X-CSRF-Token", csrfToken);
    return request;
  },
};

/**
 * Sends a request; every answer but a 401 is a use of the session. A 401 while signed in (the session
 * ended) waits for the same user to log in again and sends the request again with the new CSRF token
 * (src/components/session/sessionState.ts); the session's own route answers its 401 at once. A 403 for
 * a stale CSRF token (another tab logged in anew) reads the token again and sends the request once more.
 */
async function send(request: Request, renewed = false): Promise<Response> {
  // Looked up at each call (not once), so that tests can stand in for the server.
  const again = request.clone();
  if (!["GET", "HEAD"].includes(request.method)) dropEarly();
  const response = await (takeEarly(request) ?? globalThis.fetch(request));
  if (response.status === 403 && !renewed && (await isCsrfProblem(response)) && (await renewCsrfToken())) {
    const headers = new Headers(again.headers);
    headers.set("X-CSRF-Token", csrfToken!);
    return send(new Request(again, { headers }), true);
  }
  if (response.status !== 401) {
    noteUse(Date.now());
    return response;
  }
  if (new URL(request.url).pathname === "/api/v1/session" || !(await waitForLogin())) return response;
  const headers = new Headers(again.headers);
  if (!["GET", "HEAD"].includes(again.method) && csrfToken) headers.set("X-CSRF-Token", csrfToken);
  return send(new Request(again, { headers }));
}

async function isCsrfProblem(response: Response): Promise<boolean> {
  const body = await response.clone().json().catch(() => null);
  return body?.type === "urn:lotsen:problem:csrf";
}

/**
 * Reads the session's CSRF token anew (a login in another tab made a new session, whose cookie this tab
 * now sends with the old token). False when there is no session.
 */
async function renewCsrfToken(): Promise<boolean> {
  const response = await globalThis.fetch(new Request(`${globalThis.location?.origin ?? ""}/api/v1/session`, { credentials: "same-origin" }));
  const body = response.ok ? await response.json().catch(() => null) : null;
  if (typeof body?.csrf_token !== "string") return false;
  csrfToken = body.csrf_token;
  return true;
}

export const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  credentials: "same-origin",
  fetch: send,
});
client.use(headers);

export type FieldError = { field: string; detail: string };

/** An RFC 9457 problem the server answered (or one the UI makes for its own checks, status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  /** The problem type: about:blank, or one the UI must tell apart (see isOutsideCaseload). */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** A 409 over a stale If-Match: the thing as it is now (the Stale answer's `current`). */
  readonly current: unknown;
  /** The problem as answered, with members of its own (e.g. an identification's `error_count`). */
  readonly body: Record<string, unknown>;
  constructor(status: number, body: unknown) {
    const p = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const detail = typeof p.detail === "string" ? p.detail : "";
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.type = typeof p.type === "string" ? p.type : "about:blank";
    this.title = typeof p.title === "string" ? p.title : "";
    this.detail = detail;
    const errors: FieldError[] = Array.isArray(p.errors)
      ? p.errors.filter((e): e is FieldError => !!e && typeof e.field === "string" && typeof e.detail === "string")
      : [];
    // A problem about one field names it in `field`.
    if (errors.length === 0 && typeof p.field === "string" && detail) errors.push({ field: p.field, detail });
    this.errors = errors;
    this.current = p.current ?? null;
    this.body = p;
  }
}

/** The data of an answer, or the problem it was as an ApiProblem. */
export function unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.response.ok) return result.data as D;
  throw new ApiProblem(result.response.status, result.error);
}
