// Which data a page of the UI asks for on its first load, read from its URL alone. Small and free of the
// app's code, so that the entry (main.tsx) can ask for it before the rest of the UI has loaded.
import type { WorklistName } from "./queries";

const worklistNames = new Set<string>([
  "first_contact",
  "contact_retry",
  "follow_up",
  "occupation",
  "plan_without_goals",
  "registration_without_plan",
  "measure_end_reason",
  "turning_20",
] satisfies WorklistName[]);

/** Whether `name` is a worklist's name. */
export const isWorklistName = (name: string | null): name is WorklistName => name !== null && worklistNames.has(name);

/** The page asked for in ?sida= (1 when none or not a page number). */
export const pageOf = (params: URLSearchParams) => Math.max(1, Math.min(100000, Math.floor(Number(params.get("sida"))) || 1));

/** The caseworker in ?handlaggare= (a user id), whose cases alone the list shows; undefined when none. */
export const caseworkerOf = (params: URLSearchParams) => {
  const id = params.get("handlaggare") ?? "";
  return /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : undefined;
};

/** A page's data: a person's (/personer/ID), or Today's (/) counts and the page of the list in ?lista=
 * (only one caseworker's cases with ?handlaggare=). */
export type PageData = { person?: number; today?: { list?: WorklistName; page: number; caseworker?: number } };

export function pageData(url: URL): PageData {
  const person = /^\/personer\/([1-9][0-9]{0,15})$/.exec(url.pathname);
  if (person) return { person: Number(person[1]) };
  if (url.pathname !== "/") return {};
  const asked = url.searchParams.get("lista");
  return {
    today: { list: isWorklistName(asked) ? asked : undefined, page: pageOf(url.searchParams), caseworker: caseworkerOf(url.searchParams) },
  };
}

/** An API path (query included, as the client writes it) the page reads first, and the paths it reads once
 * that one is answered 200: a person's contact attempts, asked for only when the person is not refused. */
export type PageDataPath = { path: string; thenAsk?: string[] };

/** The API's paths the page at `url` reads first: the session's, then the page's data. */
export function pageDataPaths(url: URL): PageDataPath[] {
  const { person, today } = pageData(url);
  const paths: PageDataPath[] = [{ path: "/api/v1/session" }];
  if (person) paths.push({ path: `/api/v1/persons/${person}`, thenAsk: [`/api/v1/persons/${person}/contact-attempts`] });
  if (today) paths.push({ path: "/api/v1/worklists" });
  if (today?.list) paths.push({ path: `/api/v1/worklists/${today.list}?${worklistQueryString(today.page, today.caseworker)}` });
  return paths;
}

/** The query of a page of a worklist, as the client writes it (the order of its parameters included). */
export function worklistParameters(page: number, caseworker?: number): { page: number; caseworker?: string } {
  return caseworker ? { page, caseworker: String(caseworker) } : { page };
}

const worklistQueryString = (page: number, caseworker?: number) =>
  new URLSearchParams(Object.entries(worklistParameters(page, caseworker)).map(([k, v]) => [k, String(v)])).toString();
