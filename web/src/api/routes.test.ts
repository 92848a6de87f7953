// Every route the UI calls is a path of docs/api/openapi.yaml, with that method. The UI reaches the
// server only through `client` (openapi-fetch) with a literal path, so the calls can be read off the
// source; nothing else may call fetch, but early.ts, which asks for a page's first data before the client
// has loaded, for the client to take (its paths are checked here too).
import { describe, expect, it } from "vitest";
import spec from "../../../docs/api/openapi.yaml?raw";
import { pageDataPaths } from "./pageData";

const sources = import.meta.glob(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}", "!../test/**", "!./schema.d.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** "GET /api/v1/worklists" for each operation of the OpenAPI file. */
function specOperations(): Set<string> {
  const operations = new Set<string>();
  let path: string | null = null;
  for (const line of spec.split("\n")) {
    const p = line.match(/^ {2}(\/\S*):\s*$/);
    if (p) {
      path = p[1];
      continue;
    }
    if (/^\S/.test(line)) path = null;
    const m = line.match(/^ {4}(get|put|post|delete|patch):/);
    if (path && m) operations.add(`${m[1].toUpperCase()} ${path}`);
  }
  return operations;
}

function calls(): { call: string; file: string }[] {
  const found: { call: string; file: string }[] = [];
  for (const [file, text] of Object.entries(sources))
    for (const m of text.matchAll(/\bclient\.(GET|PUT|POST|DELETE|PATCH)\(\s*"([^"]+)"/g))
      found.push({ call: `${m[1]} ${m[2]}`, file });
  return found;
}

describe("the routes the UI calls", () => {
  it("are read from the source", () => {
    const all = calls().map((c) => c.call);
    expect(all).toContain("POST /api/v1/session");
    expect(all).toContain("GET /api/v1/worklists/{name}");
    expect(all).toContain("GET /api/v1/persons/{id}");
  });

  it("are all in docs/api/openapi.yaml", () => {
    const operations = specOperations();
    expect(operations.size).toBeGreaterThan(40);
    const unknown = calls().filter((c) => !operations.has(c.call));
    expect(unknown).toEqual([]);
  });

  it("asked for early, before the client has loaded, are all in docs/api/openapi.yaml", () => {
    const operations = specOperations();
    const early = ["/?lista=first_contact&sida=3", "/personer/7", "/sok"].flatMap((page) =>
      pageDataPaths(new URL(page, "http://localhost")).flatMap(({ path, thenAsk = [] }) => [path, ...thenAsk]).map(
        (path) => `GET ${path.split("?")[0].replace(/^\/api\/v1\/persons\/\d+/, "/api/v1/persons/{id}").replace(/^\/api\/v1\/worklists\/\w+/, "/api/v1/worklists/{name}")}`,
      ),
    );
    expect(early).toHaveLength(7);
    expect(early.filter((call) => !operations.has(call))).toEqual([]);
  });

  it("go through the client only", () => {
    const direct = Object.entries(sources)
      .filter(([file, text]) => !["./client.ts", "./early.ts"].includes(file) && /\bfetch\s*\(|XMLHttpRequest|\bclient\.request\(/.test(text))
      .map(([file]) => file);
    expect(direct).toEqual([]);
  });
});
