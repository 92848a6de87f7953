// The first load's requests, asked for by the entry before the UI's code has started (early.ts).
import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import { createElement, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer } from "../test/render";
import { client, setApiLanguage } from "./client";
import { askEarly } from "./early";
import { pageDataPaths } from "./pageData";
import { prefetchPageData, usePerson } from "./queries";
import { makeQueryClient } from "./queryClient";

const at = (path: string) => new URL(path, globalThis.location.origin);
const asked = (requests: Request[]) => requests.map((r) => `${new URL(r.url).pathname}${new URL(r.url).search}`);

const server = () =>
  fakeServer({
    "GET /api/v1/session": [200, { csrf_token: "t", user: { username: "anna", role: "caseworker" } }],
    "GET /api/v1/worklists": [200, { today: "2026-11-30", lists: [] }],
    "GET /api/v1/worklists/first_contact?page=2": [200, { name: "first_contact", count: 0, page: 2, page_size: 100, items: [] }],
    "GET /api/v1/persons/7": [200, { id: 7, first_name: "Åsa", registrations: [] }],
    "GET /api/v1/persons/7/contact-attempts": [200, { items: [] }],
  });

describe("the first load's data", () => {
  afterEach(() => setApiLanguage("sv"));

  it("is asked for once: the page's queries take the answers the entry asked for", async () => {
    const requests = server();
    const url = at("/?lista=first_contact&sida=2");
    askEarly(url);
    expect(asked(requests)).toEqual(["/api/v1/session", "/api/v1/worklists", "/api/v1/worklists/first_contact?page=2"]);
    const queryClient = makeQueryClient();
    prefetchPageData(queryClient, url);
    const session = await client.GET("/api/v1/session");
    expect(session.response.status).toBe(200);
    await vi.waitFor(() => expect(queryClient.getQueryData(["worklists", "first_contact", 2, null])).toMatchObject({ page: 2 }));
    await vi.waitFor(() => expect(queryClient.getQueryData(["worklists"])).toMatchObject({ today: "2026-11-30" }));
    expect(requests).toHaveLength(3);
  });

  it("takes only a user id for ?handlaggare=: anything else asks for every caseworker's cases", () => {
    for (const bad of ["0", "-1", "abc", "1e3", "2.0", " 2", "99999999999999999", ""]) {
      const paths = pageDataPaths(at(`/?lista=first_contact&handlaggare=${encodeURIComponent(bad)}`)).map((p) => p.path);
      expect(paths).toContain("/api/v1/worklists/first_contact?page=1");
    }
    expect(pageDataPaths(at("/?lista=first_contact&handlaggare=12")).map((p) => p.path)).toContain(
      "/api/v1/worklists/first_contact?page=1&caseworker=12",
    );
  });

  it("is asked for once also for one caseworker's cases (?handlaggare=, a unit manager's)", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "t", user: { username: "chef", role: "unit_manager" } }],
      "GET /api/v1/worklists": [200, { today: "2026-11-30", lists: [] }],
      "GET /api/v1/worklists/first_contact": [200, { name: "first_contact", count: 0, page: 1, page_size: 100, items: [] }],
    });
    const url = at("/?lista=first_contact&handlaggare=5");
    askEarly(url);
    expect(asked(requests)).toEqual(["/api/v1/session", "/api/v1/worklists", "/api/v1/worklists/first_contact?page=1&caseworker=5"]);
    const queryClient = makeQueryClient();
    prefetchPageData(queryClient, url);
    await vi.waitFor(() => expect(queryClient.getQueryData(["worklists", "first_contact", 1, 5])).toMatchObject({ page: 1 }));
    expect(requests).toHaveLength(3);
  });

  it("is taken once: the same request asked again goes to the server", async () => {
    const requests = server();
    askEarly(at("/personer/7"));
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    await client.GET("/api/v1/persons/{id}", { params: { path: { id: 7 } } });
    await client.GET("/api/v1/persons/{id}/contact-attempts", { params: { path: { id: 7 } } });
    expect(requests).toHaveLength(3);
    await client.GET("/api/v1/persons/{id}", { params: { path: { id: 7 } } });
    expect(asked(requests)).toEqual(["/api/v1/session", "/api/v1/persons/7", "/api/v1/persons/7/contact-attempts", "/api/v1/persons/7"]);
  });

  it("asks for a person's contact attempts once the person is answered, never for a person refused", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "t", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/8": [403, { type: "urn:lotsen:problem:outside-caseload", title: "Forbidden", status: 403, detail: "x" }],
    });
    askEarly(at("/personer/8"));
    const answer = await client.GET("/api/v1/persons/{id}", { params: { path: { id: 8 } } });
    expect(answer.response.status).toBe(403);
    await new Promise((done) => setTimeout(done, 10));
    expect(asked(requests)).toEqual(["/api/v1/session", "/api/v1/persons/8"]);
  });

  it("is dropped at the first change sent, such as a login: never taken for another session", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [401, { title: "Unauthorized", status: 401, detail: "x" }],
      "GET /api/v1/worklists": [401, { title: "Unauthorized", status: 401, detail: "x" }],
      "GET /api/v1/worklists/first_contact?page=2": [200, { name: "first_contact", count: 0, page: 2, page_size: 100, items: [] }],
      "POST /api/v1/session": [200, { csrf_token: "t2", user: { username: "bo", role: "caseworker" } }],
    });
    askEarly(at("/?lista=first_contact&sida=2"));
    await client.POST("/api/v1/session", { body: { username: "bo", password: "x" } });
    await client.GET("/api/v1/worklists/{name}", { params: { path: { name: "first_contact" }, query: { page: 2 } } });
    expect(asked(requests).filter((path) => path === "/api/v1/worklists/first_contact?page=2")).toHaveLength(2);
  });

  it("in another language than the UI's is not taken: the UI asks again in its own", async () => {
    const requests = server();
    askEarly(at("/personer/7"));
    setApiLanguage("en");
    await client.GET("/api/v1/persons/{id}", { params: { path: { id: 7 } } });
    expect(requests.filter((r) => r.url.endsWith("/persons/7")).map((r) => r.headers.get("Accept-Language"))).toEqual(["sv", "en"]);
  });

  it("is nothing for a page that reads no data of its own, but the session", () => {
    const requests = server();
    askEarly(at("/sok?namn=x"));
    askEarly(at("/?lista=no_such_list"));
    expect(asked(requests)).toEqual(["/api/v1/session", "/api/v1/session", "/api/v1/worklists"]);
  });

  it("refused is what the page shows when it mounts: a refused person is asked for once, and logged once", async () => {
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "t", user: { username: "anna", role: "caseworker" } }],
      "GET /api/v1/persons/8": [403, { type: "urn:lotsen:problem:outside-caseload", title: "Forbidden", status: 403, detail: "x" }],
    });
    const url = at("/personer/8");
    askEarly(url);
    const queryClient = makeQueryClient();
    prefetchPageData(queryClient, url);
    await vi.waitFor(() => expect(queryClient.getQueryState(["persons", 8])?.status).toBe("error"));
    const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client: queryClient }, children);
    const { result } = renderHook(() => usePerson(8), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    await new Promise((done) => setTimeout(done, 20));
    expect(asked(requests).filter((path) => path === "/api/v1/persons/8")).toHaveLength(1);
  });

  it("in the language the user chose is taken: the client asks in the stored language from the start", async () => {
    localStorage.setItem("lotsen.language", "en");
    try {
      vi.resetModules();
      const fresh = { client: await import("./client"), early: await import("./early") };
      const requests = server();
      fresh.early.askEarly(at("/personer/7"));
      await fresh.client.client.GET("/api/v1/persons/{id}", { params: { path: { id: 7 } } });
      expect(requests.filter((r) => r.url.endsWith("/persons/7")).map((r) => r.headers.get("Accept-Language"))).toEqual(["en"]);
    } finally {
      localStorage.removeItem("lotsen.language");
    }
  });
});
