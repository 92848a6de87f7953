// The client's own rules about the session's CSRF token.
import { describe, expect, it } from "vitest";
import { fakeServer } from "../test/render";
import { client, setCsrfToken } from "./client";

describe("the CSRF token", () => {
  it("is read anew when a login in another tab made it stale, and the change is sent once more", async () => {
    setCsrfToken("token-of-the-old-session");
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "token-of-the-new-session", user: { username: "anna", role: "caseworker" } }],
      "POST /api/v1/persons/7/contact-attempts": (request) =>
        request.headers.get("X-CSRF-Token") === "token-of-the-new-session"
          ? [201, { id: 1 }]
          : [403, { type: "urn:lotsen:problem:csrf", title: "Forbidden", status: 403, detail: "missing or wrong X-CSRF-Token header" }],
    });
    const answer = await client.POST("/api/v1/persons/{id}/contact-attempts", {
      params: { path: { id: 7 } },
      body: { date: "2026-11-20", channel: "letter" },
    });
    expect(answer.response.status).toBe(201);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /api/v1/persons/7/contact-attempts",
      "GET /api/v1/session",
      "POST /api/v1/persons/7/contact-attempts",
    ]);
  });

  it("is read anew only once: a second refusal is the answer", async () => {
    setCsrfToken("old");
    const requests = fakeServer({
      "GET /api/v1/session": [200, { csrf_token: "still-wrong" }],
      "POST /api/v1/persons/7/contact-attempts": [403, { type: "urn:lotsen:problem:csrf", title: "Forbidden", status: 403, detail: "x" }],
    });
    const answer = await client.POST("/api/v1/persons/{id}/contact-attempts", {
      params: { path: { id: 7 } },
      body: { date: "2026-11-20", channel: "letter" },
    });
    expect(answer.response.status).toBe(403);
    expect(requests).toHaveLength(3);
  });
});
