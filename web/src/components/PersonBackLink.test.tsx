import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { Providers } from "../Providers";
import { makeQueryClient } from "../api/queryClient";
import { PersonBackLink } from "./PersonBackLink";

afterEach(cleanup);

function backLinkWith(state: unknown) {
  render(
    <MemoryRouter initialEntries={[{ pathname: "/personer/7", state }]}>
      <Providers queryClient={makeQueryClient()} language="sv">
        <PersonBackLink />
      </Providers>
    </MemoryRouter>,
  );
  return screen.getByRole("link");
}

describe("the way back from a person", () => {
  it("leads to the search or the review (and its log) with their query", () => {
    expect(backLinkWith({ back: "/sok?q=%C3%96berg&sida=2" }).getAttribute("href")).toBe("/sok?q=%C3%96berg&sida=2");
    cleanup();
    expect(backLinkWith({ back: "/granskning/logg?user=anna" }).textContent).toBe("Tillbaka till granskningen");
  });

  // An attacker's finding: "/sok/..//evil.example/x" passed the check and the link left for another origin.
  it("leads to Today for any other path, however it begins", () => {
    for (const back of ["/sok/..//evil.example/x", "/sok/../installningar", "/granskning/..\\..\\evil.example", "/sok/%2e%2e/logga-ut", "//evil.example", "javascript:alert(1)", 7]) {
      const link = backLinkWith({ back });
      expect(link.getAttribute("href"), String(back)).toBe("/");
      expect(link.textContent).toBe("Tillbaka till Idag");
      cleanup();
    }
  });
});
