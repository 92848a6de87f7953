// End to end, in Debian's Chromium through playwright-core, against the demo municipality (1490), which has
// imported the demo's layout (docs/examples/scb-halvar-demo.json):
// - the administrator `demo` opens SCB-fil from the menu: the half-year just ended is chosen, each of the
//   five blocks has its count, the checks are listed with a link to each person, and the file downloads as
//   the layout says (record type 1 first: "1;1490;YEAR;HALF;<twelve digits>;…", CRLF line ends);
// - ticking the corrections asks for the file as the cases stand now, and the URL keeps the choice;
// - the caseworker `anna` has no SCB-fil in her menu, and /scb-fil is not found for her;
// - the page passes axe-core's WCAG 2.1 AA rules and runs under the server's CSP; a screenshot.
// Usage: node tests/e2e/scb.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { e2e } from "./harness.mjs";

await e2e(async ({ base, page, axe, logIn, logOut, shot, noViolations }) => {
  await page.goto(base);
  await logIn("demo");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "SCB-fil" }).click();
  await page.getByRole("heading", { level: 1, name: "Halvårsfil till SCB" }).waitFor();
  const period = await page.getByRole("combobox", { name: "Halvår" }).inputValue();
  assert.match(period, /^\d{4}H[12]$/);
  const blocks = page.getByRole("table", { name: "Filens poster per block" });
  await blocks.getByRole("rowheader", { name: "Inskrivning (obligatoriska uppgifter)" }).waitFor();
  assert.equal(await blocks.getByRole("row").count(), 6, "a heading row and the five blocks");
  const registrations = Number(
    (await blocks.getByRole("row").nth(1).getByRole("cell").nth(1).textContent()).replace(/\s/g, ""),
  );
  assert.ok(registrations > 100, `registrations in ${period}: ${registrations}`);
  await page.getByText(/^Uppgifterna som de stod \d{4}-\d\d-\d\d 00:00\./).waitFor();
  await noViolations("SCB-fil");
  await shot("scb-file");

  // The file, as the layout says.
  const errors = (await page.getByText(/fel måste rättas/).count()) > 0;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: errors ? "Ladda ned filen ändå, med felen" : "Ladda ned filen till SCB" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `kaa-${period}.csv`);
  const text = (await readFile(await download.path())).toString("utf8");
  const lines = text.split("\r\n").filter(Boolean);
  assert.equal(lines.filter((l) => l.startsWith("1;")).length, registrations, "one record 1 per registration");
  assert.match(lines[0], new RegExp(`^1;1490;${period.slice(0, 4)};${period.slice(5)};\\d{12};\\d{8};\\d$`));

  // A person named by a check opens from its link.
  const checks = page.getByRole("table", { name: "Kontrollerna" });
  if ((await checks.count()) > 0) {
    const link = checks.getByRole("link").first();
    const name = await link.textContent();
    await link.click();
    await page.waitForURL(new RegExp(`/personer/${name.replace(/\D/g, "")}$`));
    await page.goBack();
    await blocks.waitFor();
  }

  // With the corrections made since the period ended. The box follows the URL (a controlled checkbox): click,
  // then wait for the URL, rather than check(), which reads the box at once and raced the navigation under load.
  await page.getByRole("checkbox", { name: "Ta med rättelser som gjorts efter halvårets slut" }).click();
  await page.waitForURL(/rattelser=ja/);
  await page.getByRole("checkbox", { name: "Ta med rättelser som gjorts efter halvårets slut", checked: true }).waitFor();
  await page.getByRole("table", { name: "Filens poster per block" }).waitFor();

  // Not a caseworker's.
  await logOut();
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "SCB-fil" }).count(), 0);
  await page.goto(`${base}/scb-fil`);
  await page.getByRole("heading", { level: 1, name: "Sidan finns inte" }).waitFor();

  await axe.page.goto(`${base}/scb-fil`);
  await axe.logIn("demo");
  await axe.page.getByRole("table", { name: "Filens poster per block" }).waitFor();
  await axe.audit("SCB-fil");
});
