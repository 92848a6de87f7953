// Server state, only through TanStack Query: one hook per thing the UI reads, one mutation per
// change (which invalidates what it changed).
import { QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signedIn, signedOut } from "../components/session/sessionState";
import { ApiProblem, client, setCsrfToken, unwrap } from "./client";
import { pageData, worklistParameters } from "./pageData";
import type { components, paths } from "./schema";

export type Session = { username: string; roles: string[] };

type SessionBody = components["schemas"]["SessionAnswer"];

function session(body: SessionBody): Session {
  setCsrfToken(body.csrf_token ?? null);
  const username = body.user?.username ?? "";
  signedIn(username, body.idle_timeout_seconds ?? null, body.expires_at ?? null);
  // The API answers a user's roles comma-separated in `role` ("admin,unit_manager").
  return { username, roles: (body.user?.role ?? "").split(",").filter(Boolean) };
}

export const sessionKey = ["session"] as const;

/** The signed-in user, or null when there is no session. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      const result = await client.GET("/api/v1/session");
      if (result.response.status === 401) {
        setCsrfToken(null);
        signedOut();
        return null;
      }
      return session(unwrap(result));
    },
    staleTime: Infinity,
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) =>
      session(unwrap(await client.POST("/api/v1/session", { body: credentials }))),
    onSuccess: (signedIn) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, signedIn);
    },
  });
}

/**
 * The same user logs in again after the session ended, over the page they were on: nothing is
 * forgotten, and the requests that met the end go on (sessionState.ts).
 */
export function useLogInAgain() {
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) =>
      session(unwrap(await client.POST("/api/v1/session", { body: credentials }))),
  });
}

/** Stay signed in: any request is a use of the session; this one reads nothing personal. */
export function useStaySignedIn() {
  return useMutation({
    mutationFn: async () => session(unwrap(await client.GET("/api/v1/session"))),
  });
}

// Set while the user logs out: the login that follows starts afresh at Idag, not at the page the
// previous user was on (which is where an ended session sends the user back after login).
let loggingOut = false;
export function takeLoggingOut(): boolean {
  const was = loggingOut;
  loggingOut = false;
  return was;
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await client.DELETE("/api/v1/session");
      if (result.response.status !== 401) unwrap(result);
    },
    onSettled: () => {
      loggingOut = true;
      setCsrfToken(null);
      signedOut();
      // Nothing personal stays in memory after logout.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export type WorklistCount = {
  name: string;
  count: number;
  overdue: number;
  by_caseworker: {
    caseworker_id: number | null;
    username: string | null;
    unit?: string;
    label?: string;
    count: number;
    overdue: number;
  }[];
};
export type Worklists = { today: string; lists: WorklistCount[] };

const worklistsQuery = {
  queryKey: ["worklists"],
  queryFn: async () => unwrap(await client.GET("/api/v1/worklists")) as Worklists,
};

export function useWorklists() {
  return useQuery({ ...worklistsQuery, ...askedOnLoad(useQueryClient(), worklistsQuery.queryKey) });
}

type WorklistRoute = paths["/api/v1/worklists/{name}"]["get"];
export type WorklistName = WorklistRoute["parameters"]["path"]["name"];
type WorklistAnswer = WorklistRoute["responses"][200]["content"]["application/json"];
export type WorklistItem = NonNullable<WorklistAnswer["items"]>[number] & {
  // Sent by the server (docs/casework.md) but not in the OpenAPI file.
  detail_label?: string | null;
};
export type Worklist = {
  name: string;
  today: string;
  /** The whole list's, not the page's. */
  count: number;
  overdue: number;
  items: WorklistItem[];
  page: number;
  page_size: number;
};

const worklistQuery = (name: WorklistName | null, page: number, caseworker?: number) => ({
  queryKey: ["worklists", name, page, caseworker ?? null],
  queryFn: async () =>
    unwrap(
      await client.GET("/api/v1/worklists/{name}", { params: { path: { name: name! }, query: worklistParameters(page, caseworker) } }),
    ) as Worklist,
});

/** One page (100 items) of the worklist `name`; only the cases of `caseworker` (a user id) when given. */
export function useWorklist(name: WorklistName | null, page: number, caseworker?: number) {
  const query = worklistQuery(name, page, caseworker);
  return useQuery({ ...query, ...askedOnLoad(useQueryClient(), query.queryKey), enabled: name !== null, placeholderData: keepPreviousData });
}

export { caseworkerOf, isWorklistName, pageOf } from "./pageData";

type Address = { street_address: string; postal_code: string; city: string };
type Occupation = { effective_date?: string; kind: string; detail?: string | null; planned?: boolean };
export type Registration = components["schemas"]["Registration"];
export type Person = components["schemas"]["PersonSummary"] & {
  contact: { phone: string; email: string } | null;
  address: Address | null;
  municipality_code: string;
  birth_date: string;
  coordination_number: boolean;
  occupation: Occupation;
  occupation_label?: string;
  planned_occupation: Occupation | null;
  planned_occupation_label?: string;
  registrations: Registration[];
  /** The ETag the GET answered ("person/7/3"): a change sends it back in If-Match. */
  etag: string | null;
};

/** The person; once they are answered (so never for a refused one), their contact attempts are asked
 * for at once, rather than after the page has rendered the person. */
export function usePerson(id: number) {
  const queryClient = useQueryClient();
  const query = personQuery(queryClient, id);
  return useQuery({ ...query, ...askedOnLoad(queryClient, query.queryKey) });
}

const personQuery = (queryClient: QueryClient, id: number) => ({
  queryKey: ["persons", id],
  queryFn: async () => {
    const result = await client.GET("/api/v1/persons/{id}", { params: { path: { id } } });
    const person = { ...(unwrap(result) as object), etag: result.response.headers.get("ETag") } as Person;
    void queryClient.prefetchQuery(contactAttemptsQuery(id));
    return person;
  },
});

const refusalFreshMs = 5_000;

/** The options of a query the first load asks for (prefetchPageData): when it was refused or found missing
 * (403, 404) a moment ago, the page that mounts now shows that answer rather than asking again (which the
 * access log would hold as a second refused read). Later mounts ask again. */
function askedOnLoad(queryClient: QueryClient, queryKey: readonly unknown[]) {
  const state = queryClient.getQueryState(queryKey);
  const refused =
    state?.status === "error" &&
    isProblem(state.error) &&
    [403, 404].includes(state.error.status) &&
    Date.now() - state.errorUpdatedAt < refusalFreshMs;
  return { retryOnMount: !refused };
}

/** On the first load, the data of the page at `url` (Today's counts and the page of the list in ?lista=, a person) is
 * asked for at once, beside the session check rather than after it: the page's own hooks then find the
 * request under way (the same query), so nothing is asked twice. Without a session it is answered 401,
 * which (queryClient) sends the user to the login as the session check would; the login drops it. */
export function prefetchPageData(queryClient: QueryClient, url: URL) {
  const { person, today } = pageData(url);
  if (person) void queryClient.prefetchQuery(personQuery(queryClient, person));
  if (today) void queryClient.prefetchQuery(worklistsQuery);
  if (today?.list) void queryClient.prefetchQuery(worklistQuery(today.list, today.page, today.caseworker));
}

export type ContactAttempt = {
  id: number;
  /** The record's version, sent in If-Match to change or void it. */
  version: number;
  registration_id: number | null;
  data: components["schemas"]["ContactAttempt"];
  labels: { channel?: string; occupation?: string; occupation_detail?: string };
};

const contactAttemptsQuery = (id: number) => ({
  queryKey: ["persons", id, "contact-attempts"],
  queryFn: async () => {
    const body = unwrap(await client.GET("/api/v1/persons/{id}/contact-attempts", { params: { path: { id } } }));
    return (body.items ?? []) as unknown as ContactAttempt[];
  },
});

export function useContactAttempts(id: number) {
  return useQuery(contactAttemptsQuery(id));
}

export function isProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

// Identification from register extracts (an administrator), statistics, the access log (an auditor).

export type IdentificationSummary = components["schemas"]["IdentificationSummary"];
export type IdentificationChange = NonNullable<IdentificationSummary["changes"]>[number];
type RunsAnswer = paths["/api/v1/identification-runs"]["get"]["responses"][200]["content"]["application/json"];
export type IdentificationRun = NonNullable<RunsAnswer["items"]>[number];

/** The latest identification runs, newest first. */
export function useIdentificationRuns() {
  return useQuery({
    queryKey: ["identification-runs"],
    queryFn: async () => unwrap(await client.GET("/api/v1/identification-runs")).items ?? [],
  });
}

export type IdentificationUpload = {
  date: string;
  municipality: string;
  encoding: "utf-8" | "windows-1252";
  population: File;
  enrolments: File;
  completions: File | null;
  dryRun: boolean;
  confirmLargeChange: boolean;
};

/**
 * Run identification on the uploaded files: a dry run answers what would change, otherwise it is
 * applied (and the runs, the worklists and the persons are read anew). A 422 holds the files' problems.
 */
export function useRunIdentification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (u: IdentificationUpload) => {
      const form = new FormData();
      form.append("date", u.date);
      form.append("municipality", u.municipality);
      form.append("encoding", u.encoding);
      form.append("dry_run", String(u.dryRun));
      if (u.confirmLargeChange) form.append("confirm_large_change", "true");
      form.append("population", u.population);
      form.append("enrolments", u.enrolments);
      if (u.completions) form.append("completions", u.completions);
      // openapi-fetch sends a FormData as it is (the browser sets the multipart boundary).
      const body = form as unknown as NonNullable<paths["/api/v1/identification-runs"]["post"]["requestBody"]>["content"]["multipart/form-data"];
      return unwrap(await client.POST("/api/v1/identification-runs", { body })) as IdentificationSummary;
    },
    onSuccess: (summary) =>
      summary.dry_run
        ? undefined
        : Promise.all(["identification-runs", "worklists", "persons", "statistics"].map((k) => queryClient.invalidateQueries({ queryKey: [k] }))),
  });
}

export type Statistics = paths["/api/v1/statistics"]["get"]["responses"][200]["content"]["application/json"];

/** The open registrations in all, per occupation and per unit; a null count is suppressed (1–4, or to protect one). */
export function useStatistics() {
  return useQuery({
    queryKey: ["statistics"],
    queryFn: async (): Promise<Statistics> => unwrap(await client.GET("/api/v1/statistics")),
  });
}

export type KpiReport = components["schemas"]["KpiReport"];
export type KpiGroup = components["schemas"]["KpiGroup"];
export type KpiDays = components["schemas"]["KpiDays"];
export type KpiOutcome = components["schemas"]["KpiOutcome"];
export type KpiBy = "all" | "unit" | "caseworker" | "reason" | "gender" | "age";

/**
 * The KPIs of a half-year ("2026H2") over the caller's caseload, in all and by `by` (docs/reports.md);
 * the figures shown stay until another half-year's or breakdown's have come.
 */
export function useKpiReport(period: string, by: KpiBy) {
  return useQuery({
    queryKey: ["kpi", period, by],
    queryFn: async () => unwrap(await client.GET("/api/v1/reports/kpi", { params: { query: { period, by } } })) as KpiReport,
    placeholderData: keepPreviousData,
  });
}

/** The same KPIs as the CSV file for Excel (a download link: the session cookie goes with it). */
export function kpiCsvUrl(period: string, by: KpiBy): string {
  return `/api/v1/reports/kpi?${new URLSearchParams({ period, by, format: "csv" })}`;
}

export type HalfYearReport = components["schemas"]["HalfYearReport"];

/** The overview of SCB's half-year file (each block's count and every problem), as of the period's end or, with
 * corrections, as the cases stand now. */
export function useHalfYearReport(period: string, withCorrections: boolean) {
  return useQuery({
    queryKey: ["half-year", period, withCorrections],
    queryFn: async () =>
      unwrap(
        await client.GET("/api/v1/reports/half-year", {
          params: { query: { period, with_corrections: withCorrections } },
        }),
      ) as HalfYearReport,
    placeholderData: keepPreviousData,
  });
}

/**
 * The file for SCB as `format` — csv, the file to send; xlsx, the same for people to read — (a download link:
 * the session cookie goes with it); `allowErrors` writes it despite errors.
 */
export function halfYearFileUrl(period: string, format: "csv" | "xlsx", withCorrections: boolean, allowErrors: boolean): string {
  const query: Record<string, string> = { period, format };
  if (withCorrections) query.with_corrections = "true";
  if (allowErrors) query.allow_errors = "true";
  return `/api/v1/reports/half-year?${new URLSearchParams(query)}`;
}

// The committee report (nämndrapport): the activity measures of a month, their targets per year and the
// unit's analyses (docs/reports.md).

export type CommitteeReport = components["schemas"]["CommitteeReport"];
export type CommitteeMeasure = components["schemas"]["CommitteeMeasure"];
export type MeasureTarget = components["schemas"]["MeasureTarget"];

/** The committee report of a month ("2026-10") for the whole municipality. */
export function useCommitteeReport(month: string) {
  return useQuery({
    queryKey: ["committee", month],
    queryFn: async () =>
      unwrap(await client.GET("/api/v1/reports/committee", { params: { query: { month } } })) as CommitteeReport,
    placeholderData: keepPreviousData,
  });
}

/** The same report as a PDF or XLSX file (a download link: the session cookie goes with it). */
export function committeeFileUrl(month: string, format: "pdf" | "xlsx"): string {
  return `/api/v1/reports/committee?${new URLSearchParams({ month, format })}`;
}

/** Every activity measure with its target for `year` (null when none is set). */
export function useTargets(year: number) {
  return useQuery({
    queryKey: ["targets", year],
    queryFn: async () => unwrap(await client.GET("/api/v1/targets", { params: { query: { year } } })),
  });
}

/**
 * Set one measure's target for a year (a share as a fraction 0–1), at the version it was read at: a target
 * changed meanwhile is refused (409) and read anew.
 */
export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ year, measure, value, version }: { year: number; measure: string; value: number; version: number }) =>
      unwrap(
        await client.PUT("/api/v1/targets/{year}/{measure}", { params: { path: { year, measure } }, body: { value, version } }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["targets"] }),
        queryClient.invalidateQueries({ queryKey: ["committee"] }),
      ]),
  });
}

/** Write (or, with an empty text, remove) the unit's analysis of one measure for a month, at the version read. */
export function useSetAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ month, measure, text, version }: { month: string; measure: string; text: string; version: number }) =>
      unwrap(
        await client.PUT("/api/v1/analyses/{month}/{measure}", { params: { path: { month, measure } }, body: { text, version } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["committee"] }),
  });
}

// First-contact letters: the caller's first-contact list as letters to print, confirmed as sent (a contact
// attempt by letter each), and the letter's template (docs/reports.md).

export type FirstContactLetters = components["schemas"]["FirstContactLetters"];
export type LetterTemplate = components["schemas"]["LetterTemplate"];

/** Who on the caller's first-contact list gets a letter, and who is listed apart (protected, no address). */
export function useFirstContactLetters() {
  return useQuery({
    queryKey: ["letters"],
    queryFn: async () => unwrap(await client.GET("/api/v1/letters/first-contact")) as FirstContactLetters,
  });
}

/** The letters as a PDF to print (a download link: the session cookie goes with it). */
export function firstContactLettersPdfUrl(): string {
  return `/api/v1/letters/first-contact?${new URLSearchParams({ format: "pdf" })}`;
}

/** Record the letters to `personIds` as sent: a contact attempt by letter each, dated today, all or none. */
export function useConfirmLettersSent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (personIds: number[]) =>
      unwrap(await client.POST("/api/v1/letters/first-contact/sent", { body: { person_ids: personIds } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["letters"] }),
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
      ]),
  });
}

/** The letter's template in use (the default until one is saved). */
export function useLetterTemplate() {
  return useQuery({
    queryKey: ["letter-template"],
    queryFn: async () => unwrap(await client.GET("/api/v1/letters/template")) as LetterTemplate,
  });
}

/**
 * Replace the letter's template, at the version it was read at: a template changed meanwhile is refused
 * (409) and read anew.
 */
export function useSaveLetterTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { text: string; phone: string; version: string }) =>
      unwrap(await client.PUT("/api/v1/letters/template", { body })) as LetterTemplate,
    onSuccess: (saved) => queryClient.setQueryData(["letter-template"], saved),
    onError: () => queryClient.invalidateQueries({ queryKey: ["letter-template"] }),
  });
}

export type AccessEntry = components["schemas"]["AccessEntry"];
export type AccessLogFilter = { from: string; to: string; username?: string; personId?: number };

/** Access-log entries of a period (both days included), by one user and/or naming one person. */
export function useAccessLog(filter: AccessLogFilter) {
  return useQuery({
    queryKey: ["access-log", filter],
    queryFn: async () => {
      const query = { from: filter.from, to: filter.to, username: filter.username, person_id: filter.personId };
      return unwrap(await client.GET("/api/v1/access-log", { params: { query } })) as { items: AccessEntry[]; truncated: boolean };
    },
  });
}
export type Code = { code: string; label: string; valid_from?: string; valid_to?: string | null };

export type CodeList = components["schemas"]["CodeList"];

/** Every code list (labels in Swedish) in one request; they change seldom, so they are kept for the session. */
const codeListsQuery = {
  queryKey: ["code-lists"],
  staleTime: Infinity,
  queryFn: async () => (unwrap(await client.GET("/api/v1/code-lists")).items ?? []) as CodeList[],
};

export function useCodeLists() {
  return useQuery(codeListsQuery);
}

/** One code list, read with all the others (a page needs several: one request rather than one each);
 * empty for a list there is not. */
export function useCodeList(name: string) {
  return useQuery({ ...codeListsQuery, select: (lists) => (lists.find((l) => l.name === name)?.codes ?? []) as Code[] });
}

/** The codes valid on a day (YYYY-MM-DD), as a record of that day may take them. */
export function validOn(codes: Code[], day: string): Code[] {
  return codes.filter((c) => (!c.valid_from || c.valid_from <= day) && (!c.valid_to || day <= c.valid_to));
}

export type NewContactAttempt = components["schemas"]["ContactAttempt"];

/** Log a contact attempt; the worklists and the person (with their contact attempts) are read anew. */
export function useLogContact(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewContactAttempt) =>
      unwrap(await client.POST("/api/v1/persons/{id}/contact-attempts", { params: { path: { id: personId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
        queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
      ]),
  });
}

export type ContactDetails = { phone: string | null; email: string | null };

/** Set the person's own phone and e-mail, with the ETag of the person as read (a 409 holds `current`). */
export function useSetContactDetails(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag, details }: { etag: string; details: ContactDetails }) =>
      unwrap(
        await client.PUT("/api/v1/persons/{id}/contact-details", {
          params: { path: { id: personId }, header: { "If-Match": etag } },
          body: details,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
      ]),
  });
}

export type PersonSummary = components["schemas"]["PersonSummary"];
export type SearchAnswer = { items: PersonSummary[]; page: number; page_size: number; total: number };

/** A search by name or personnummer (every search is access-logged); null runs none. */
export function useSearchPersons(query: string | null, page: number) {
  return useQuery({
    queryKey: ["persons", "search", query, page],
    enabled: query !== null,
    queryFn: async () =>
      unwrap(await client.GET("/api/v1/persons", { params: { query: { query: query!, page } } })) as SearchAnswer,
  });
}

/** The 403 of a case outside the user's caseload, which a break-the-glass grant opens (its problem type). */
export function isOutsideCaseload(error: unknown): boolean {
  return isProblem(error, 403) && error.type === "urn:lotsen:problem:outside-caseload";
}

export type AccessGrant = { id: number; person_id: number; reason: string; granted_at: string; expires_at: string };

/** Break the glass: a grant for the stated reason; the person is read anew. */
export function useGrantAccess(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await client.POST("/api/v1/persons/{id}/access-grants", { params: { path: { id: personId } }, body: { reason } }),
      ) as AccessGrant,
    onSuccess: (grant) => {
      // Kept before the person is read anew: the dialog that asked is gone by the time that is done.
      queryClient.setQueryData(grantKey(personId), grant);
      return queryClient.invalidateQueries({ queryKey: ["persons", personId] });
    },
  });
}

const grantKey = (personId: number) => ["access-grants", personId] as const;

/** The grant this session made for the person (from its 201), or null. */
export function useGrant(personId: number) {
  return useQuery({
    queryKey: grantKey(personId),
    queryFn: () => null as AccessGrant | null,
    enabled: false,
    staleTime: Infinity,
  });
}

type RegistrationRoute = paths["/api/v1/registrations"]["post"];
export type NewRegistration = NonNullable<RegistrationRoute["requestBody"]>["content"]["application/json"];

/** Register a young person by hand; the answer is the registration (with person_id and a notice). */
export function useRegisterByHand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewRegistration) =>
      unwrap(await client.POST("/api/v1/registrations", { body })) as Registration & { notice?: string },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["persons"] }),
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
      ]),
  });
}

export type ClosedRegistration = Registration & { measures_ended?: number[]; measures_resumed?: number[] };

/** The If-Match of a registration as the person's page read it. */
export function registrationEtag(r: Registration): string {
  return `"registration/${r.id}/${r.version ?? 0}"`;
}

/** Close a registration by hand (the measures under way end with it, listed in `measures_ended`). */
export function useCloseRegistration(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ registration, body }: { registration: Registration; body: { end_date: string; end_reason: string } }) =>
      unwrap(
        await client.POST("/api/v1/persons/{id}/registrations/{registration}/close", {
          params: { path: { id: personId, registration: registration.id! }, header: { "If-Match": registrationEtag(registration) } },
          body,
        }),
      ) as ClosedRegistration,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
      ]),
  });
}

/** Reopen the latest registration, closed by mistake (the measures it ended go on: `measures_resumed`). */
export function useReopenRegistration(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ registration, reason }: { registration: Registration; reason: string }) =>
      unwrap(
        await client.POST("/api/v1/persons/{id}/registrations/{registration}/reopen", {
          params: { path: { id: personId, registration: registration.id! }, header: { "If-Match": registrationEtag(registration) } },
          body: { reason },
        }),
      ) as ClosedRegistration,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
        queryClient.invalidateQueries({ queryKey: ["worklists"] }),
      ]),
  });
}

/** Correct a registration's reason (one the registers contradict), with the version the page showed. */
export function useCorrectRegistrationReason(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ registration, reason }: { registration: Registration; reason: string }) =>
      unwrap(
        await client.POST("/api/v1/persons/{id}/registrations/{registration}/reason", {
          params: { path: { id: personId, registration: registration.id! }, header: { "If-Match": registrationEtag(registration) } },
          body: { reason },
        }),
      ) as Registration,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
  });
}

/** The kinds of case record, as the API names them (`kind`). */
export type RecordKind = "contact_attempt" | "occupation" | "measure" | "plan" | "goal_assessment";

/** Void a record made by mistake, with the version the list showed (it stays in the history). */
export function useVoidRecord(personId: number, kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ record, version, reason }: { record: number; version: number; reason: string }) => {
      const params = { path: { id: personId, record }, header: { "If-Match": String(version) } };
      const body = { reason };
      switch (kind) {
        case "contact_attempt":
          return unwrap(await client.POST("/api/v1/persons/{id}/contact-attempts/{record}/void", { params, body }));
        case "occupation":
          return unwrap(await client.POST("/api/v1/persons/{id}/occupations/{record}/void", { params, body }));
        case "measure":
          return unwrap(await client.POST("/api/v1/persons/{id}/measures/{record}/void", { params, body }));
        case "plan":
          return unwrap(await client.POST("/api/v1/persons/{id}/plans/{record}/void", { params, body }));
        case "goal_assessment":
          return unwrap(await client.POST("/api/v1/persons/{id}/goal-assessments/{record}/void", { params, body }));
      }
    },
    onSettled: () => readCaseAnew(queryClient, personId),
  });
}

/** After a change of a case record: the person (with their records and history) and the worklists. */
function readCaseAnew(queryClient: ReturnType<typeof useQueryClient>, personId: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["persons", personId] }),
    queryClient.invalidateQueries({ queryKey: ["worklists"] }),
  ]);
}

export type TeamMember = { id: number; username: string; roles: string[]; units: string[] };

/** The caseworkers and unit managers of the user's units, whom cases may be assigned to (a unit manager). */
export function useTeam(enabled = true) {
  return useQuery({
    queryKey: ["team"],
    enabled,
    queryFn: async () => (unwrap(await client.GET("/api/v1/team")) as { items?: TeamMember[] }).items ?? [],
  });
}

/**
 * Assign one registration: its current version is read first (the person's registrations), then sent
 * bare in If-Match. `caseworker_id` null without a unit leaves it in its unit with nobody responsible.
 */
export async function assignRegistration(
  personId: number,
  registrationId: number,
  target: { caseworker_id: number | null; unit?: string },
): Promise<{ registration: Registration; changed: boolean }> {
  const person = unwrap(await client.GET("/api/v1/persons/{id}", { params: { path: { id: personId } } })) as Person;
  const version = person.registrations.find((r) => r.id === registrationId)?.version ?? 0;
  const registration = unwrap(
    await client.PUT("/api/v1/persons/{id}/registrations/{registration}/assignment", {
      params: { path: { id: personId, registration: registrationId }, header: { "If-Match": String(version) } },
      body: target,
    }),
  ) as Registration;
  // The same assignment again is no change: the server answers the registration with its version as it was.
  return { registration, changed: registration.version !== version };
}

// Administration (an administrator: users, units, settings; anyone signed in reads units and code lists).

export type Account = components["schemas"]["Account"];

/** Every account, or (inactiveDays) only the active ones nobody has logged in to for that many days. */
export function useUsers(inactiveDays: number | null = null) {
  return useQuery({
    queryKey: ["users", inactiveDays],
    queryFn: async () =>
      (
        unwrap(
          await client.GET("/api/v1/users", { params: { query: inactiveDays ? { inactive_days: inactiveDays } : {} } }),
        ).items ?? []
      ) as Account[],
  });
}

type NewUserRoute = paths["/api/v1/users"]["post"];
export type NewUser = NonNullable<NewUserRoute["requestBody"]>["content"]["application/json"];

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await client.POST("/api/v1/users", { body })) as Account,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

type ChangeUserRoute = paths["/api/v1/users/{id}"]["patch"];
export type UserChange = NonNullable<ChangeUserRoute["requestBody"]>["content"]["application/json"];

/** Change an account with the version it was read at; a 409 is a change made meanwhile or the last administrator. */
export function useChangeUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ account, change }: { account: Account; change: UserChange }) =>
      unwrap(
        await client.PATCH("/api/v1/users/{id}", {
          params: { path: { id: account.id! }, header: { "If-Match": String(account.version ?? 0) } },
          body: change,
        }),
      ) as Account,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** Set a new password for a user (every session of theirs ends). */
export function useResetPassword() {
  return useMutation({
    mutationFn: async ({ id, password }: { id: number; password: string }) => {
      unwrap(await client.PUT("/api/v1/users/{id}/password", { params: { path: { id } }, body: { password } }));
    },
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ["units"],
    queryFn: async () => (unwrap(await client.GET("/api/v1/units")).items ?? []).map((u) => u.name ?? ""),
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      unwrap(await client.POST("/api/v1/units", { body: { name } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["units"] }),
  });
}

export type Settings = components["schemas"]["Settings"];
export type VersionedSettings = { values: Settings; etag: string };

export const settingsKey = ["settings"] as const;

/** The municipality's settings with the ETag of their version. */
export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async (): Promise<VersionedSettings> => {
      const result = await client.GET("/api/v1/settings");
      return { values: unwrap(result), etag: result.response.headers.get("ETag") ?? "" };
    },
  });
}

/** Change settings with the ETag they were read at (a 409 holds them as they are now in `current`). */
export function useChangeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag, changes }: { etag: string; changes: Settings }): Promise<VersionedSettings> => {
      const result = await client.PATCH("/api/v1/settings", { params: { header: { "If-Match": etag } }, body: changes });
      return { values: unwrap(result), etag: result.response.headers.get("ETag") ?? "" };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // The worklists follow the deadlines.
      return queryClient.invalidateQueries({ queryKey: ["worklists"] });
    },
  });
}

// The individual plan, its measures and the goal assessments (docs/api/openapi.yaml: Plan, Measure,
// GoalAssessment). Each record comes with its version (sent back in If-Match to correct or void it) and
// the Swedish labels of its codes.

export type MeasureData = components["schemas"]["Measure"];
export type PlanData = components["schemas"]["Plan"];
export type PlanGoal = components["schemas"]["PlanGoal"];
export type AssessmentData = components["schemas"]["GoalAssessment"];

type CaseRecordOf<D, L> = { id: number; version: number; registration_id: number | null; voided?: boolean; data: D; labels: L };
export type MeasureRecord = CaseRecordOf<MeasureData, { type?: string; end_reason?: string; responsible?: string }>;
export type PlanRecord = CaseRecordOf<PlanData, { reviews?: { kind: string }[] }>;
export type AssessmentRecord = CaseRecordOf<AssessmentData, { result?: string }>;

/** The person's measures, oldest first (voided ones left out). */
export function useMeasures(personId: number) {
  return useQuery({
    queryKey: ["persons", personId, "measures"],
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/measures", { params: { path: { id: personId } } }));
      return (body.items ?? []) as unknown as MeasureRecord[];
    },
  });
}

/** The person's plans, one per registration, oldest first. */
export function usePlans(personId: number) {
  return useQuery({
    queryKey: ["persons", personId, "plans"],
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/plans", { params: { path: { id: personId } } }));
      return (body.items ?? []) as unknown as PlanRecord[];
    },
  });
}

/** The person's goal assessments, oldest first. */
export function useGoalAssessments(personId: number) {
  return useQuery({
    queryKey: ["persons", personId, "goal-assessments"],
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/goal-assessments", { params: { path: { id: personId } } }));
      return (body.items ?? []) as unknown as AssessmentRecord[];
    },
  });
}

/** A record to correct: its id and the version the form was filled from (null: a new record). */
export type Editing = { id: number; version: number } | null;

/** Add a measure (in the open registration), or correct one with its version in If-Match. */
export function useSaveMeasure(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ editing, data }: { editing: Editing; data: MeasureData }) =>
      (editing
        ? unwrap(
            await client.PUT("/api/v1/persons/{id}/measures/{record}", {
              params: { path: { id: personId, record: editing.id }, header: { "If-Match": String(editing.version) } },
              body: data,
            }),
          )
        : unwrap(await client.POST("/api/v1/persons/{id}/measures", { params: { path: { id: personId } }, body: data }))) as unknown as MeasureRecord,
    onSuccess: () => readCaseAnew(queryClient, personId),
  });
}

// The case over time: the occupation history, correcting and voiding records, the full history and the
// case as it stood on a day.

export type OccupationData = components["schemas"]["Occupation"];
export type OccupationRecord = {
  id: number;
  version: number;
  registration_id: number | null;
  data: OccupationData;
  labels: { kind?: string; source?: string; detail?: string };
};

/** The occupation history, oldest first (voided ones left out). */
export function useOccupations(personId: number) {
  return useQuery({
    queryKey: ["persons", personId, "occupations"],
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/occupations", { params: { path: { id: personId } } }));
      return (body.items ?? []) as unknown as OccupationRecord[];
    },
  });
}

/** Correct an occupation entered by hand (one learnt at a contact is corrected through the contact). */
export function useCorrectOccupation(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ record, version, data }: { record: number; version: number; data: OccupationData }) =>
      unwrap(
        await client.PUT("/api/v1/persons/{id}/occupations/{record}", {
          params: { path: { id: personId, record }, header: { "If-Match": String(version) } },
          body: data,
        }),
      ) as unknown as OccupationRecord,
    onSuccess: () => readCaseAnew(queryClient, personId),
  });
}

/** Draw up the plan of the open registration, or save a revision of one with its version in If-Match. */
export function useSavePlan(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ editing, data }: { editing: Editing; data: PlanData }) =>
      (editing
        ? unwrap(
            await client.PUT("/api/v1/persons/{id}/plans/{record}", {
              params: { path: { id: personId, record: editing.id }, header: { "If-Match": String(editing.version) } },
              body: data,
            }),
          )
        : unwrap(await client.POST("/api/v1/persons/{id}/plans", { params: { path: { id: personId } }, body: data }))) as unknown as PlanRecord,
    onSuccess: () => readCaseAnew(queryClient, personId),
  });
}

/** Assess a goal or sub-goal of the current plan, or correct an assessment with its version in If-Match. */
export function useSaveAssessment(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ editing, data }: { editing: Editing; data: AssessmentData }) =>
      (editing
        ? unwrap(
            await client.PUT("/api/v1/persons/{id}/goal-assessments/{record}", {
              params: { path: { id: personId, record: editing.id }, header: { "If-Match": String(editing.version) } },
              body: data,
            }),
          )
        : unwrap(
            await client.POST("/api/v1/persons/{id}/goal-assessments", { params: { path: { id: personId } }, body: data }),
          )) as unknown as AssessmentRecord,
    onSuccess: () => readCaseAnew(queryClient, personId),
  });
}

/** Correct a contact attempt (the occupation learnt at it follows). */
export function useCorrectContact(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ record, version, data }: { record: number; version: number; data: NewContactAttempt }) =>
      unwrap(
        await client.PUT("/api/v1/persons/{id}/contact-attempts/{record}", {
          params: { path: { id: personId, record }, header: { "If-Match": String(version) } },
          body: data,
        }),
      ) as unknown as ContactAttempt,
    onSuccess: () => readCaseAnew(queryClient, personId),
  });
}

/** One event of a person's history (`before` and `after` as the journal holds them). */
export type HistoryEvent = { id: number; time: string; actor: string; type: string; before: unknown; after: unknown };

/** Every event about the person, oldest first (read only when asked for: `enabled`). */
export function useHistory(personId: number, enabled = true) {
  return useQuery({
    queryKey: ["persons", personId, "history"],
    enabled,
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/history", { params: { path: { id: personId } } }));
      return (body.items ?? []) as HistoryEvent[];
    },
  });
}

type JournalRecord<D> = { id: number; kind: string; version: number; registration_id: number | null; data: D };
/** The case as it stood at the end of a day (PersonAsOf): each entry as the journal holds it, no labels. */
export type PersonAsOf = {
  as_of: string;
  id: number;
  person: {
    first_name: string;
    last_name: string;
    personal_id: string;
    protected: boolean;
    municipality_code?: string;
    contact?: { phone: string; email: string };
  };
  registrations: Registration[];
  contact_attempts: JournalRecord<NewContactAttempt>[];
  occupations: JournalRecord<OccupationData>[];
  measures: JournalRecord<components["schemas"]["Measure"]>[];
  plans: JournalRecord<components["schemas"]["Plan"]>[];
  goal_assessments: JournalRecord<components["schemas"]["GoalAssessment"]>[];
};

/** The case as it stood at the end of `day` (YYYY-MM-DD); a day ahead of today is the server's 400. */
export function usePersonAsOf(personId: number, day: string | null) {
  return useQuery({
    queryKey: ["persons", personId, "as-of", day],
    enabled: day !== null,
    queryFn: async () =>
      unwrap(
        await client.GET("/api/v1/persons/{id}", { params: { path: { id: personId }, query: { as_of: day! } } }),
      ) as unknown as PersonAsOf,
  });
}
