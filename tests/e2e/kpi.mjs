// End to end, in Debian's Chromium through playwright-core, against the demo municipality (1490, on
// 2026-11-22):
// - the unit manager `demo` opens Nyckeltal from the menu and sees the figures of the current half-year
//   (2026H2, as of the report's day), switches the breakdown to Enhet and sees a row per unit (the URL
//   keeps the choice), and downloads the CSV: UTF-8 with a byte-order mark, its first cell "Grupp";
// - the caseworker `anna`, whose caseload is her own cases and her unit's unassigned ones, sees fewer
//   registrations than her manager;
// - the statistician `statistik`, who may not read persons, sees the whole municipality's figures with the
//   small counts hidden ("–", read out as "dolt", explained under the tables), by age too, and the CSV;
// - the page passes axe-core's WCAG 2.1 AA rules (no serious or critical violation) and runs under the
//   server's CSP; a screenshot in tests/e2e/screenshots/.
// Usage: node tests/e2e/kpi.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { e2e } from "./harness.mjs";

/** The number in the "Inskrivna under perioden" column of the row `label` of the first table. */
async function registered(page, label) {
  const table = page.getByRole("table", { name: "Kännedom och insatser" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  const text = await row.getByRole("cell").first().textContent();
  return Number(text.replace(/\s/g, ""));
}

await e2e(async ({ base, page, axe, logIn, logOut, shot, noViolations }) => {
  await page.goto(base);
  await logIn("demo");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nyckeltal" }).click();
  await page.getByRole("heading", { level: 1, name: "Nyckeltal" }).waitFor();
  assert.equal(await page.getByRole("combobox", { name: "Halvår" }).inputValue(), "2026H2");
  await page.getByText("Siffrorna gäller ärendena du har tillgång till.").waitFor();
  await page.getByText(/^Perioden 2026-07-01–2026-12-31, per 2026-\d\d-\d\d \(perioden pågår\)\./).waitFor();
  const all = await registered(page, "Alla dina ärenden");
  assert.ok(all > 100, `the manager's registrations in 2026H2: ${all}`);
  const firstContact = page.getByRole("table", { name: "Första kontakt" });
  assert.match(await firstContact.getByRole("columnheader").nth(2).textContent(), /^Första försöket inom \d+ dagar$/);
  assert.match(await page.getByRole("table", { name: "Kännedom och insatser" }).getByRole("cell").nth(2).textContent(), /^\d+ \(\d+,\d %\)$/);

  // By unit: a row per unit, the choice in the URL.
  await page.getByRole("combobox", { name: "Indelning" }).selectOption({ label: "Enhet" });
  await page.getByRole("rowheader", { name: "KAA Norr" }).first().waitFor();
  assert.match(page.url(), /\/nyckeltal\?halvar=2026H2&per=enhet$/);
  const north = await registered(page, "KAA Norr");
  const south = await registered(page, "KAA Söder");
  assert.ok(north > 0 && south > 0 && north + south <= all, `by unit: ${north} + ${south} of ${all}`);
  await noViolations("Nyckeltal");
  await shot("kpi");

  // The CSV for Excel: the same figures, with a byte-order mark.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ned för Excel (CSV)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "nyckeltal-2026H2-unit.csv");
  const csv = await readFile(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  assert.ok(csv.subarray(3).toString("utf8").startsWith("Grupp;"), "the first heading");

  // A caseworker sees the KPIs of her caseload only.
  await logOut();
  await logIn("anna");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nyckeltal" }).click();
  await page.getByRole("table", { name: "Kännedom och insatser" }).waitFor();
  const anna = await registered(page, "Alla dina ärenden");
  assert.ok(anna > 0 && anna < all, `anna's registrations ${anna}, the manager's ${all}`);

  // Accessibility, on the page by unit.
  await axe.page.goto(`${base}/nyckeltal?halvar=2026H2&per=enhet`);
  await axe.logIn("demo");
  await axe.page.getByRole("rowheader", { name: "KAA Söder" }).first().waitFor();
  await axe.audit("Nyckeltal");

  // A statistician: the municipality's figures, small counts hidden and explained.
  await logOut();
  await logIn("statistik");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nyckeltal" }).click();
  await page.getByText("Siffrorna gäller hela kommunen. Små antal är dolda, så att ingen ung kan pekas ut.").waitFor();
  const municipality = await registered(page, "Hela kommunen (små tal dolda)");
  assert.ok(municipality >= all, `the municipality's registrations ${municipality}, the manager's ${all}`);
  await page.getByRole("combobox", { name: "Indelning" }).selectOption({ label: "Ålder" });
  await page.getByRole("rowheader", { name: "17 år" }).first().waitFor();
  const hidden = await page.locator(".navds-sr-only", { hasText: /^dolt$/ }).count();
  assert.ok(hidden > 0, "some small counts by age are hidden");
  await page.getByText(/^– betyder att antalet är dolt: det är 1–4/).waitFor();
  await noViolations("Nyckeltal, statistiker");
  await shot("kpi-statistician");
  const [suppressedCsv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ned för Excel (CSV)" }).click(),
  ]);
  assert.equal(suppressedCsv.suggestedFilename(), "nyckeltal-2026H2-age.csv");
  const suppressedText = (await readFile(await suppressedCsv.path())).toString("utf8");
  assert.ok(suppressedText.includes("\r\nHela kommunen (små tal dolda);"), "the whole, suppressed");
  assert.ok(suppressedText.includes(";dolt"), "a hidden cell says dolt");

  await axe.page.getByRole("button", { name: "Logga ut" }).click();
  await axe.page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await axe.page.goto(`${base}/nyckeltal?halvar=2026H2&per=alder`);
  await axe.logIn("statistik");
  await axe.page.getByRole("rowheader", { name: "17 år" }).first().waitFor();
  await axe.audit("Nyckeltal, statistiker");
});
