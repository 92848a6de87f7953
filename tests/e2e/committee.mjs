// End to end, in Debian's Chromium through playwright-core, against the demo municipality (1490, on
// 2026-11-22):
// - the unit manager `demo` opens Nämndrapport from the menu, picks October 2026 and sees the measures in the
//   municipal layout (direction, last year, target, this month);
// - sets the target of "Andel med känd sysselsättning" to 90 % and writes an analysis: the table shows the
//   target, and the PDF and the XLSX downloads are a PDF and a zip;
// - the caseworker `anna` has no Nämndrapport in her menu;
// - the page passes axe-core's WCAG 2.1 AA rules (no serious or critical violation) and runs under the
//   server's CSP; a screenshot in tests/e2e/screenshots/.
// Usage: node tests/e2e/committee.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { e2e } from "./harness.mjs";

const knownLabel = "Andel med känd sysselsättning";

/** The cells of the row `label` in the report's table. */
async function cells(page, label) {
  const table = page.getByRole("table", { name: "Verksamhetsmått oktober 2026" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  return row.getByRole("cell").allTextContents();
}

await e2e(async ({ base, page, axe, logIn, logOut, shot, noViolations }) => {
  await page.goto(base);
  await logIn("demo");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nämndrapport" }).click();
  await page.getByRole("heading", { level: 1, name: "Nämndrapport" }).waitFor();
  await page.getByRole("combobox", { name: "Månad" }).selectOption("2026-10");
  await page.getByRole("table", { name: "Verksamhetsmått oktober 2026" }).waitFor();
  assert.match(page.url(), /\/namndrapport\?manad=2026-10$/);
  const before = await cells(page, knownLabel);
  assert.equal(before[0], "↗högre är bättre");
  assert.match(before[3], /^\d+,\d %$/, `this month: ${before[3]}`);

  // The year's target and the month's analysis.
  const target = page.getByRole("textbox", { name: `${knownLabel} (procent)` });
  await target.fill("90");
  await page.getByRole("button", { name: "Spara målen" }).click();
  await page.getByText("Målen är sparade.").waitFor();
  await page.getByRole("textbox", { name: knownLabel, exact: true }).fill("Fler kontakter via skolorna i oktober.");
  await page.getByRole("button", { name: "Spara analyserna" }).click();
  await page.getByText("Analyserna är sparade.").waitFor();
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll("tr")].some((tr) => tr.textContent.startsWith(label) && tr.textContent.includes("90,0 %")),
    knownLabel,
  );
  await noViolations("Nämndrapport");
  await shot("committee");

  // The downloads.
  for (const [name, file, magic] of [
    ["Ladda ned som PDF", "namndrapport-2026-10.pdf", "%PDF-"],
    ["Ladda ned för Excel (XLSX)", "namndrapport-2026-10.xlsx", "PK"],
  ]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    assert.equal(download.suggestedFilename(), file);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, magic.length).toString("latin1"), magic, file);
  }

  // A caseworker may not make the report.
  await logOut();
  await logIn("anna");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nyckeltal" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nämndrapport" }).count(), 0);

  // Accessibility.
  await axe.page.goto(`${base}/namndrapport?manad=2026-10`);
  await axe.logIn("demo");
  await axe.page.getByRole("table", { name: "Verksamhetsmått oktober 2026" }).waitFor();
  await axe.audit("Nämndrapport");
});
