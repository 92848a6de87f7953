// What every end-to-end script shares: a fresh demo municipality (`lotsen demo`, 2026-11-22) served by
// `lotsen serve` on a free loopback port, Debian's Chromium through playwright-core, and the checks each
// screen must pass (no console error or unexpected HTTP error, no Content-Security-Policy violation,
// axe-core's WCAG 2.1 AA rules), with a screenshot of each screen in tests/e2e/screenshots/.
//
// Usage in a script:  await e2e(async (t) => { await t.logIn("anna"); ... });
// run as `node tests/e2e/SCRIPT.mjs LOTSEN_BINARY WEB_DIR` (WEB_DIR: web/, built into web/dist).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

export const password = "lotsen-demo-2026";
export const shots = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

// Starts the server on a fresh demo database (or on the one there, with `serveArgs` more); resolves to
// its base URL and a stop function.
export async function startServer(lotsen, webDir, work, serveArgs = []) {
  const db = join(work, "e2e.db");
  if (!existsSync(db)) {
    const demo = spawnSync(lotsen, ["demo", "--db", db, "--date", "2026-11-22"], { encoding: "utf8" });
    assert.equal(demo.status, 0, demo.stderr);
  }
  const server = spawn(lotsen, [
    "serve", "--db", db, "--listen", "127.0.0.1:0", "--metrics-listen", "off", "--web", join(webDir, "dist"), ...serveArgs,
  ]);
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
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.on("exit", resolve));
  };
  return { base, db, stop };
}

// A signed-in API session for preparing data the way another user would (fetch with cookie and CSRF);
// `secret` for a user of the test's own (the demo users share `password`).
export async function apiAs(base, username, secret = password) {
  const login = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: secret }),
  });
  assert.equal(login.status, 200, `log in ${username}`);
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const { csrf_token: csrf } = await login.json();
  const call = (method, path, body, headers = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { Cookie: cookie, "X-CSRF-Token": csrf, ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  return { cookie, csrf, call };
}

// Fails unless web/dist holds a built UI.
export function assertBuilt(webDir) {
  if (!existsSync(join(webDir, "dist", "index.html"))) throw new Error("the UI is not built: run scripts/web");
}

// Debian's Chromium (or $LOTSEN_CHROMIUM), headless, driven by the playwright-core in WEB_DIR/node_modules.
export async function launchChromium(webDir) {
  const { chromium } = createRequire(join(webDir, "package.json"))("playwright-core");
  const browserPath = process.env.LOTSEN_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(browserPath)) throw new Error(`no browser at ${browserPath}: run scripts/setup test`);
  return chromium.launch({ executablePath: browserPath, headless: true, args: ["--no-sandbox"] });
}

// Logs in through the login form shown on `page`: formLogIn(page)(username[, secret]).
export const formLogIn = (page) => async (username, secret = password) => {
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(secret);
  await page.getByRole("button", { name: "Logga in" }).click();
};

// Runs `body(t)` against a fresh server and browser and always cleans up; on failure saves
// screenshots/<script>-failure.png. `t` holds:
//   base, browser, page            the server's URL, the browser, a page under the server's CSP
//   logIn(user[, secret]), logOut() through the login form
//   shot(name)                     a full-page screenshot
//   expectProblem("409 URL")       an HTTP error the page is meant to cause (else any ≥ 400 but 401 fails)
//   noViolations(where)            no CSP violation so far
//   restartServer(args)            the server again on the same database with `lotsen serve` options
//                                  more (e.g. a short session); resolves to its new base URL (t.base)
//   axe                            a second page that bypasses the CSP (axe is an injected script):
//                                  axe.page, axe.logIn(user), axe.audit(what) — no serious or critical
//                                  violation of WCAG 2.1 A/AA
export async function e2e(body) {
  const [lotsen, webDir] = process.argv.slice(2).map((p) => p && resolve(p));
  if (!lotsen || !webDir) throw new Error("usage: SCRIPT.mjs LOTSEN_BINARY WEB_DIR");
  const script = basename(process.argv[1], ".mjs");
  mkdirSync(shots, { recursive: true });
  const axeSource = createRequire(join(webDir, "package.json")).resolve("axe-core/axe.min.js");
  assertBuilt(webDir);

  const work = mkdtempSync(join(tmpdir(), "lotsen-e2e-"));
  let server;
  let browser;
  let page;
  try {
    server = await startServer(lotsen, webDir, work);
    const { base } = server;
    browser = await launchChromium(webDir);
    const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
    // Every Content-Security-Policy violation the page sees (the console reports them too).
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    const problems = [];
    const expectedProblems = [];
    // The browser reports each 401 itself (a wrong password; GET /api/v1/session before login): expected.
    // On about:blank (where a script parks the page while the server restarts) no page of ours runs: the
    // browser's own late fetch of the last page's favicon, blocked from a blank page's null origin, is not
    // the UI's error (it failed CI once, under load).
    page.on(
      "console",
      (m) => m.type() === "error" && !/status of 401/.test(m.text()) && page.url() !== "about:blank" && problems.push(m.text()),
    );
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("response", (r) => r.status() >= 400 && r.status() !== 401 && problems.push(`${r.status()} ${r.url()}`));

    const axeContext = await browser.newContext({ bypassCSP: true, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
    const axePage = await axeContext.newPage();
    const axe = {
      page: axePage,
      logIn: formLogIn(axePage),
      audit: async (what) => {
        // Once its animations (a dialog fading in) are done: colours in mid-fade fail the contrast rule.
        await axePage.waitForFunction(() =>
          document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity),
        );
        await axePage.addScriptTag({ path: axeSource });
        const result = await axePage.evaluate(() =>
          window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
        );
        const all = result.violations.map((v) => `${what}: ${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`);
        for (const minor of result.violations.filter((v) => !["serious", "critical"].includes(v.impact)))
          console.log(`axe (${minor.impact}): ${what}: ${minor.id}: ${minor.help}`);
        const grave = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
        assert.deepEqual(grave.map((v) => v.id), [], all.join("\n"));
      },
    };
    const t = {
      base,
      browser,
      page,
      axe,
      logIn: formLogIn(page),
      logOut: async () => {
        await page.getByRole("button", { name: "Logga ut" }).click();
        await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
      },
      shot: (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }),
      expectProblem: (problem) => expectedProblems.push(problem),
      noViolations: async (where) => {
        assert.deepEqual(await page.evaluate(() => window.__csp), [], `CSP violations on ${where}`);
      },
      restartServer: async (serveArgs) => {
        await server.stop();
        server = await startServer(lotsen, webDir, work, serveArgs);
        t.base = server.base;
        return t.base;
      },
    };
    await body(t);

    // Each expected HTTP error was asked for once (the browser reports each on the console too).
    const unexpected = [...problems];
    for (const expected of expectedProblems) {
      const status = expected.split(" ")[0];
      for (const match of [(p) => p === expected, (p) => p.includes(`status of ${status}`)]) {
        const at = unexpected.findIndex(match);
        assert.ok(at >= 0, `expected: ${expected}`);
        unexpected.splice(at, 1);
      }
    }
    assert.deepEqual(unexpected, [], "no console errors, no Content-Security-Policy violations");
    console.log(`e2e ${script}: ok (screenshots in ${shots})`);
  } catch (error) {
    // What the page showed when the test failed.
    await page?.screenshot({ path: join(shots, `${script}-failure.png`), fullPage: true }).catch(() => {});
    console.error(`at ${page?.url()}`);
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
