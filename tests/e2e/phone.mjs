// End to end: a caseworker's pages on a phone (390 px wide), in Debian's Chromium against the demo.
// - anna opens Today, a young person from her list, the full history, the plan editor and the search;
// - none of them scrolls sideways: a table wider than the screen scrolls within its own section
//   (a caseworker's finding: the person's plan tables and the history widened the whole page).
// Usage: node tests/e2e/phone.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { e2e } from "./harness.mjs";

await e2e(async (t) => {
  const { page, logIn, shot } = t;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(t.base);
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();

  /** What sticks out of the screen and is not inside something that scrolls on its own. */
  const sideways = (where) =>
    page.evaluate((where) => {
      const width = document.documentElement.clientWidth;
      const scrolls = (e) => ["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX);
      const out = [];
      for (const e of document.querySelectorAll("body *")) {
        let inside = false;
        for (let a = e.parentElement; a && !inside; a = a.parentElement) inside = scrolls(a);
        if (!inside && e.getBoundingClientRect().right > width + 1) out.push(`${where}: <${e.tagName.toLowerCase()} class="${e.className}">`);
      }
      return { wide: document.documentElement.scrollWidth > width, out: out.slice(0, 5) };
    }, where);
  const noSideways = async (where) => {
    const found = await sideways(where);
    assert.ok(!found.wide && found.out.length === 0, `${where} scrolls sideways on a phone:\n${found.out.join("\n")}`);
  };

  await page.locator("table.worklist-table tbody tr").first().waitFor();
  await noSideways("Today");
  // A young person with a plan and measures: from the follow-up list.
  await page.getByRole("navigation", { name: "Arbetslistor" }).getByRole("link", { name: /Uppföljning av åtgärd/ }).click();
  await page.getByRole("table", { name: "Uppföljning av åtgärd" }).getByRole("link").first().click();
  await page.getByRole("heading", { level: 2, name: "Åtgärder", exact: true }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Handlingsplan", exact: true }).waitFor();
  await page.locator("table.plan-table").first().waitFor();
  await noSideways("the person's page");
  await shot("phone-person");

  await page.getByRole("link", { name: "Hela historiken" }).click();
  await page.getByRole("table").first().waitFor();
  await noSideways("the full history");
  await shot("phone-history");
  await page.goBack();

  await page.getByRole("link", { name: /^Ändra planen/ }).click();
  await page.getByRole("heading", { level: 1, name: /^Ändra planen för/ }).waitFor();
  await noSideways("the plan editor");

  await page.goto(`${t.base}/sok?q=${encodeURIComponent("a")}`);
  await page.getByRole("table", { name: /^Sökresultat/ }).waitFor();
  await noSideways("the search");
});
