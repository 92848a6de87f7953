// End to end, in Debian's Chromium through playwright-core: the auditor logs in to the browser UI and
// reviews the access log; other roles do not see it; the page passes axe-core's accessibility rules and
// runs under the server's Content-Security-Policy without a single violation.
// Usage: node tests/e2e/access_review.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";

const [lotsen, webDir] = process.argv.slice(2).map((p) => p && resolve(p));
if (!lotsen || !webDir) throw new Error("usage: access_review.mjs LOTSEN_BINARY WEB_DIR");
const require = createRequire(join(webDir, "package.json"));
const { chromium } = require("playwright-core");
const axeSource = require.resolve("axe-core/axe.min.js");
const browserPath = process.env.LOTSEN_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(browserPath)) throw new Error(`no browser at ${browserPath}: run scripts/setup test`);
if (!existsSync(join(webDir, "dist", "index.html"))) throw new Error("the UI is not built: run scripts/web");

const password = "lotsen-demo-2026";
const work = mkdtempSync(join(tmpdir(), "lotsen-e2e-"));
const db = join(work, "e2e.db");
const demo = spawnSync(lotsen, ["demo", "--db", db, "--date", "2026-11-22"], { encoding: "utf8" });
assert.equal(demo.status, 0, demo.stderr);

const server = spawn(lotsen, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--metrics-listen", "off", "--web", join(webDir, "dist")]);
let log = "";
server.stdout.on("data", (chunk) => (log += chunk));
server.stderr.on("data", (chunk) => (log += chunk));
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 20_000);
  const check = setInterval(() => {
    const found = log.match(/(http:\/\/127\.0\.0\.1:\d+)\n/); // the whole line: a write may end mid-port
    if (found) {
      clearTimeout(timer);
      clearInterval(check);
      resolve(found[1]);
    }
  }, 50);
});

let browser;
try {
  // Something to review: the auditor breaks the glass on one person and reads the case.
  const login = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "revisor", password }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const { csrf_token: csrf } = await login.json();
  const reason = "Granskning av ärende efter klagomål från vårdnadshavare";
  const grant = await fetch(`${base}/api/v1/persons/1/access-grants`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie, "X-CSRF-Token": csrf },
    body: JSON.stringify({ reason }),
  });
  assert.equal(grant.status, 201, await grant.text());
  assert.equal((await fetch(`${base}/api/v1/persons/1`, { headers: { Cookie: cookie } })).status, 200);

  browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ["--no-sandbox"] });
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));

  await page.goto(base);
  await page.getByLabel("Användarnamn").fill("revisor");
  await page.getByLabel("Lösenord").fill("wrong-password-1");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("alert").filter({ hasText: "Fel användarnamn eller lösenord." }).waitFor();
  problems.length = 0; // the browser reports the 401 itself

  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  const breakGlass = page.getByRole("region", { name: /Nödåtkomst/ });
  await breakGlass.getByRole("heading", { name: "Nödåtkomst (bryta glaset): 1" }).waitFor();
  await breakGlass.getByText("Visa posterna").click();
  await breakGlass.getByRole("cell", { name: reason }).waitFor();
  // Both the grant and the read that followed were made under it.
  const outside = page.getByRole("region", { name: /utanför ärendelistan/ });
  await outside.getByRole("heading", { name: "Läsningar utanför ärendelistan: 2" }).waitFor();
  await outside.getByText("Visa posterna").click();
  assert.equal(await outside.getByRole("cell", { name: reason }).count(), 2);

  // A reload keeps the session, and the CSRF token with it: logging out still works.
  await page.reload();
  await page.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.getByRole("heading", { name: "Logga in" }).waitFor();
  assert.deepEqual(problems, [], "no console errors, no Content-Security-Policy violations");

  // A caseworker gets no review.
  await page.getByLabel("Användarnamn").fill("anna");
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText("visar ännu bara granskningen").waitFor();
  assert.equal(await page.getByRole("heading", { name: "Granskning av åtkomstloggen" }).count(), 0);

  // Accessibility: axe-core's WCAG 2.1 AA rules on the login page and on the review with its entries
  // open. axe is injected as a script, which the policy would refuse, so this context bypasses it.
  const axeContext = await browser.newContext({ bypassCSP: true, locale: "sv-SE" });
  const axePage = await axeContext.newPage();
  const audit = async (what) => {
    await axePage.addScriptTag({ path: axeSource });
    const result = await axePage.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    const found = result.violations.map((v) => `${what}: ${v.id} (${v.nodes.length}): ${v.help}`);
    assert.deepEqual(found, [], found.join("\n"));
  };
  await axePage.goto(base);
  await axePage.getByRole("heading", { name: "Logga in" }).waitFor();
  await audit("login");
  await axePage.getByLabel("Användarnamn").fill("revisor");
  await axePage.getByLabel("Lösenord").fill(password);
  await axePage.getByRole("button", { name: "Logga in" }).click();
  await axePage.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  for (const summary of await axePage.getByText("Visa posterna").all()) await summary.click();
  await audit("review");
  console.log("e2e access review: ok");
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  rmSync(work, { recursive: true, force: true });
}
