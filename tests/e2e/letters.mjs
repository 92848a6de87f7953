// End to end, in Debian's Chromium through playwright-core, against the demo municipality (1490, on
// 2026-11-22):
// - the unit manager `demo` opens Brev from the first-contact list on Idag (Brev is in the menu too) and sees how many first-contact letters there are to
//   print; the PDF download is a PDF named for the day;
// - marks them as sent after the confirmation: the page says how many contact attempts by letter were
//   recorded, and nobody is left to write to;
// - saves a template with an unknown field and is refused beside the text, naming the field;
// - the page passes axe-core's WCAG 2.1 AA rules (no serious or critical violation) and runs under the
//   server's CSP; a screenshot in tests/e2e/screenshots/.
// Usage: node tests/e2e/letters.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { e2e } from "./harness.mjs";

await e2e(async ({ base, page, axe, logIn, shot, noViolations, expectProblem }) => {
  // Accessibility first, while the list still has letters on it.
  await axe.page.goto(`${base}/brev`);
  await axe.logIn("demo");
  await axe.page.getByRole("heading", { level: 1, name: "Brev för första kontakt" }).waitFor();
  await axe.page.getByText(/brev att skriva ut/).waitFor();
  await axe.audit("Brev för första kontakt");

  await page.goto(base);
  await logIn("demo");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Brev" }).waitFor();
  // From the first-contact list on Idag.
  await page.goto(`${base}/?lista=first_contact`);
  await page.getByRole("link", { name: "Skriv ut brev för första kontakt" }).click();
  await page.getByRole("heading", { level: 1, name: "Brev för första kontakt" }).waitFor();
  const count = await page.getByText(/brev att skriva ut, daterade? \d{4}-\d{2}-\d{2}\./).textContent();
  const letters = Number(count.match(/^(\d+)/)[1]);
  assert.ok(letters > 0, `the demo's first-contact list has letters: ${count}`);
  assert.match(page.url(), /\/brev$/);
  await noViolations("Brev för första kontakt");
  await shot("letters");

  // The PDF.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Skriv ut brev för första kontakt (PDF)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^brev-forsta-kontakt-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");

  // Marked as sent.
  await page.getByRole("button", { name: "Markera som skickade" }).click();
  const question = page.getByRole("heading", { name: /^Markera \d+ brev som skicka(t|de)\?$/ });
  await question.waitFor();
  assert.equal(await question.evaluate((h) => h === document.activeElement), true, "the question takes the focus");
  await page.getByRole("button", { name: "Ja, markera som skickade" }).click();
  await page.getByText(/brev (är registrerade som kontaktförsök|är registrerat som kontaktförsök) med brev\./).waitFor();
  await page.getByText("0 brev att skriva ut", { exact: false }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Markera som skickade" }).count(), 0);

  // A template with an unknown field.
  const text = page.getByRole("textbox", { name: "Brevets text" });
  await text.fill("Hej {namn}, vi skriver till {adress}.");
  expectProblem(`422 ${base}/api/v1/letters/template`);
  await page.getByRole("button", { name: "Spara mallen" }).click();
  await page.getByText("Rätta följande innan du går vidare:").waitFor();
  assert.ok((await page.getByText(/fältet \{adress\}, som inte finns/).count()) >= 1);
  await text.fill("Hej {namn}! Ring {handläggare} på {telefon}.");
  await page.getByRole("button", { name: "Spara mallen" }).click();
  await page.getByText("Brevmallen är sparad.").waitFor();
  await noViolations("Brev för första kontakt, mallen sparad");
});
