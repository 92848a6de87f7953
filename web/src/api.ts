// Talks to Lotsen's HTTP API (docs/api/openapi.yaml). Every change sends the session's CSRF token.

export type SignedIn = { username: string; roles: string[]; csrfToken: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, csrfToken?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail ?? detail;
    } catch {
      // not a problem+json body: keep the status text
    }
    throw new ApiError(response.status, detail);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

type SessionBody = { csrf_token: string; user: { username: string; role: string } };

function signedIn(body: SessionBody): SignedIn {
  return { username: body.user.username, roles: body.user.role.split(","), csrfToken: body.csrf_token };
}

export async function logIn(username: string, password: string): Promise<SignedIn> {
  return signedIn(await request<SessionBody>("POST", "/api/v1/session", undefined, { username, password }));
}

/** The current session, or null when there is none (401). */
export async function currentSession(): Promise<SignedIn | null> {
  try {
    return signedIn(await request<SessionBody>("GET", "/api/v1/session"));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function logOut(session: SignedIn): Promise<void> {
  await request<void>("DELETE", "/api/v1/session", session.csrfToken);
}

export type AccessEntry = {
  id: number;
  time: string;
  username: string;
  role: string;
  route: string;
  person_ids: number[];
  count: number;
  purpose: string;
  refused: boolean;
};
export type Finding<T> = { count: number; truncated: boolean; items: T[] };
export type Grant = {
  id: number;
  username: string;
  person_id: number;
  reason: string;
  granted_at: string;
  expires_at: string;
};
export type ReaderCount = { username: string; persons: number; entries: number };
export type AccessReview = {
  from: string;
  to: string;
  entries: number;
  break_glass: Finding<Grant>;
  outside_caseload: Finding<AccessEntry>;
  bulk: Finding<AccessEntry> & { threshold: number };
  off_hours: Finding<AccessEntry> & { office_hours: string };
  many_persons: Finding<ReaderCount> & { threshold: number };
  refused: Finding<AccessEntry>;
  auditor_reads: Finding<AccessEntry>;
};

export async function accessReview(from: string, to: string): Promise<AccessReview> {
  const query = new URLSearchParams({ from, to });
  return request<AccessReview>("GET", `/api/v1/access-log/review?${query}`);
}
