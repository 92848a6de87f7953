// Renders a screen as the app does, at a URL, with a stand-in for the server: `answers` maps
// "METHOD /path?query" (or "METHOD /path") to a status, a JSON body and any further headers (an ETag),
// or to a function that answers each request anew (a server whose answer changes).
import { configure, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { vi } from "vitest";
import { makeQueryClient } from "../api/queryClient";
import { Providers } from "../Providers";
import { appRoutes, providerFuture, routerFuture } from "../router";

type Answer = [number, unknown] | [number, unknown, Record<string, string>];
// A busy machine renders slowly: wait up to 5 s for what a test looks for (1 s by default).
configure({ asyncUtilTimeout: 5000 });

export type Answers = Record<string, Answer | ((request: Request) => Answer)>;

// The answer to "GET /api/v1/code-lists" made of a test's answers for single lists ("GET /api/v1/code-lists/NAME"),
// which the UI reads all at once: a test names the lists it needs one by one.
function codeLists(answers: Answers): Answer {
  const prefix = "GET /api/v1/code-lists/";
  // Only those answers are read: a test may count the reads of another (a getter).
  const items = Object.keys(answers)
    .filter((key) => key.startsWith(prefix))
    .map((key) => {
      const answer = answers[key];
      const [, body] = typeof answer === "function" ? answer(new Request(`http://test/${key.slice(4)}`)) : answer;
      return { name: key.slice(prefix.length), codes: (body as { codes?: unknown[] }).codes ?? [] };
    });
  return [200, { items }];
}

export function fakeServer(answers: Answers) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    const found = answers[`${key}${url.search}`] ?? answers[key] ?? (key === "GET /api/v1/code-lists" ? codeLists(answers) : undefined);
    if (!found) return new Response(JSON.stringify({ title: "Not Found", status: 404, detail: `no ${key}` }), { status: 404 });
    const [status, body, headers] = typeof found === "function" ? found(request) : found;
    const type = status >= 400 ? "application/problem+json" : "application/json";
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "Content-Type": type, ...headers } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return requests;
}

type InitialEntry = NonNullable<NonNullable<Parameters<typeof createMemoryRouter>[1]>["initialEntries"]>[number];

/** Renders `ui` in the app's routes at `url` (a path, or a history entry with its state). */
export function renderAt(url: InitialEntry, ui: ReactNode) {
  const queryClient = makeQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter(
    appRoutes(
      <Providers queryClient={queryClient} language="sv">
        {ui}
      </Providers>,
    ),
    { initialEntries: [url], future: routerFuture },
  );
  return render(<RouterProvider router={router} future={providerFuture} />);
}
