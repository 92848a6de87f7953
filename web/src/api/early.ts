// The first load's requests, sent by the entry (main.tsx) while the rest of the UI's code loads and
// starts: the client's send (client.ts) takes each answer for the same GET in the same language, once,
// instead of asking again. Answers nobody took are dropped after a few seconds, and at the first change the
// client sends (a login or logout among them: an answer is never taken for another session).
import { storedLanguage } from "../language";
import { pageDataPaths } from "./pageData";

type Early = { response: Promise<Response>; language: string };
const early = new Map<string, Early>();
const keptMs = 10_000;

/** Asks for the data the page at `url` reads first (pageDataPaths), in the stored language. */
export function askEarly(url: URL): void {
  const language = storedLanguage();
  const ask = (path: string) => {
    const target = new URL(path, url).href;
    const response = fetch(new Request(target, { credentials: "same-origin", headers: { "Accept-Language": language } }));
    response.catch(() => undefined); // a network error reaches whoever takes it, never the console unhandled
    early.set(target, { response, language });
    return response;
  };
  for (const { path, thenAsk = [] } of pageDataPaths(url)) {
    const response = ask(path);
    if (thenAsk.length > 0) void response.then((answer) => answer.status === 200 && thenAsk.forEach(ask), () => undefined);
  }
  setTimeout(() => early.clear(), keptMs);
}

/** The early answer to `request` (a GET of the same URL in the same language), once; else undefined. */
export function takeEarly(request: Request): Promise<Response> | undefined {
  const found = early.get(request.url);
  if (!found || request.method !== "GET" || request.headers.get("Accept-Language") !== found.language) return undefined;
  early.delete(request.url);
  return found.response;
}

/** Drops every early answer not yet taken (the client sends a change). */
export function dropEarly(): void {
  early.clear();
}
