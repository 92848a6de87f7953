// End to end: the case over time and the end of the session, in Debian's Chromium against the demo.
// - anna corrects an occupation entered by hand and voids another (a reason wanted first) on a young
//   person's page; she logs a contact; the full history (/personer/:id/historik) lists every event with
//   who and when, the voided occupation and the corrected one marked, the void's reason named;
// - she views the case as it stood yesterday (?per=…): a banner says it is a past view, the contact she
//   logged today is not there, nothing can be changed; a day ahead is refused by the server (400) beside
//   the field; "Till ärendet som det är i dag" leads back, the contact there;
// - the server again with 1-minute sessions (`lotsen serve --session-idle-minutes 1`): anna types in the
//   correction dialog and waits; a warning comes before the end, then the login over the page; she logs
//   in again, her text is still there and the correction is saved;
// - the person's page with the timeline, the correction dialogs, the history, the past view, the warning
//   and the login pass axe-core (no serious or critical WCAG 2.1 AA violation), and no CSP violation.
// Usage: node tests/e2e/history.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { apiAs, e2e } from "./harness.mjs";

/** Today (or `daysAgo` before) in Swedish time, YYYY-MM-DD. */
const day = (daysAgo = 0) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() - daysAgo * 86_400_000));

await e2e(async (t) => {
  const { page, axe, logIn, logOut, shot, expectProblem, noViolations } = t;
  const base = t.base;

  // Two occupations entered by hand for one of anna's young persons (a follow-up on her list).
  const anna = await apiAs(base, "anna");
  const followUp = await (await anna.call("GET", "/api/v1/worklists/follow_up")).json();
  const personId = followUp.items[0].person_id;
  const work = { effective_date: day(20), kind: "work", detail: "deltid", source: "other", planned: false, contact_id: null };
  const internship = { ...work, effective_date: day(10), kind: "internship", detail: null };
  for (const occupation of [work, internship])
    assert.equal((await anna.call("POST", `/api/v1/persons/${personId}/occupations`, occupation)).status, 201);
  const workName = `Arbete från ${work.effective_date}`;
  const internshipName = `Praktik från ${internship.effective_date}`;

  await page.goto(`${base}/personer/${personId}`);
  await logIn("anna");
  const timeline = page.getByRole("region", { name: "Sysselsättning över tid" });
  await timeline.getByRole("table").waitFor();
  await shot("history-person");

  // She corrects the work: part time was full time.
  await page.getByRole("button", { name: `Rätta sysselsättningen ${workName}` }).click();
  const correct = page.getByRole("dialog", { name: "Rätta sysselsättningen" });
  assert.equal(await correct.getByLabel(/^Detalj/).inputValue(), "deltid");
  await correct.getByLabel(/^Detalj/).fill("heltid");
  await shot("history-correct-occupation");
  await correct.getByRole("button", { name: "Spara" }).click();
  await page.getByText(`Sysselsättningen ${workName} är rättad.`).waitFor();
  await timeline.getByRole("row", { name: new RegExp(`^${work.effective_date} `) }).filter({ hasText: "heltid" }).waitFor();

  // She voids the internship, logged on the wrong person: a reason is wanted first.
  await page.getByRole("button", { name: `Makulera sysselsättningen ${internshipName}` }).click();
  const voiding = page.getByRole("dialog", { name: "Makulera sysselsättningen" });
  await voiding.getByRole("button", { name: "Makulera" }).click();
  await voiding.getByRole("link", { name: "Skriv varför sysselsättningen makuleras." }).waitFor();
  await voiding.getByLabel(/^Skäl till makuleringen/).fill("Registrerad på fel person");
  await voiding.getByRole("button", { name: "Makulera" }).click();
  await page.getByText(`Sysselsättningen ${internshipName} är makulerad. Den finns kvar i historiken.`).waitFor();
  assert.equal(await page.getByRole("button", { name: `Makulera sysselsättningen ${internshipName}` }).count(), 0);

  // She logs a failed call today.
  const note = "Ringde, inget svar (e2e)";
  await page.getByRole("button", { name: /^Logga kontakt/ }).first().click();
  const contact = page.getByRole("dialog", { name: /^Logga kontakt med / });
  await contact.getByRole("radio", { name: "Nej" }).check();
  await contact.getByLabel(/^Anteckning/).fill(note);
  await contact.getByRole("button", { name: "Spara" }).click();
  const contacts = page.getByRole("region", { name: "Kontaktförsök", exact: true });
  await contacts.getByText(note).waitFor();

  // The full history: every event, who and when; the voided and the corrected occupation marked.
  await page.getByRole("link", { name: "Hela historiken" }).click();
  await page.waitForURL(`${base}/personer/${personId}/historik`);
  await page.getByRole("heading", { level: 1, name: /^Historik för / }).waitFor();
  const events = page.getByRole("row");
  const created = (name) => events.filter({ hasText: "Sysselsättning registrerad" }).filter({ hasText: name });
  assert.match(await created(internshipName).innerText(), /anna[\s\S]*Makulerad/);
  assert.match(await created(workName).innerText(), /Rättad senare/);
  assert.match(await events.filter({ hasText: "Sysselsättning makulerad" }).innerText(), /Skäl: Registrerad på fel person/);
  assert.match(await events.filter({ hasText: "Sysselsättning rättad" }).innerText(), /heltid/);
  await events.filter({ hasText: "Kontaktförsök loggat" }).filter({ hasText: note }).waitFor();
  await noViolations("History");
  await shot("history-full");

  // The case as it stood yesterday: a past view, without the contact of today, nothing to change.
  await page.goBack();
  await page.getByLabel(/^Visa ärendet som det var den/).fill(day(1));
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await page.waitForURL(`${base}/personer/${personId}?per=${day(1)}`);
  await page.getByRole("heading", { name: `Ärendet som det var den ${day(1)}` }).waitFor();
  await page.getByRole("region", { name: "Kontaktförsök", exact: true }).waitFor();
  assert.equal(await page.getByText(note).count(), 0, "the contact of today is not in yesterday's case");
  for (const name of [/^Logga kontakt/, /^Rätta/, /^Makulera/, /^Ändra/, /^Avsluta/])
    assert.equal(await page.getByRole("button", { name }).count(), 0, `no ${name} in a past view`);
  await noViolations("As of");
  await shot("history-as-of");
  // A day ahead, typed: refused beside the field before anything is asked.
  await page.getByLabel(/^Visa ärendet som det var den/).fill("2099-01-01");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await page.locator('input[aria-invalid="true"]').waitFor();
  await page.getByText(/framtiden finns inte i ärendet ännu/).waitFor();
  await shot("history-as-of-future");
  // In a URL: the server's 400 beside the field, and no banner saying "the case as it was" on that day.
  expectProblem(`400 ${base}/api/v1/persons/${personId}?as_of=2099-01-01`);
  await page.goto(`${base}/personer/${personId}?per=2099-01-01`);
  await page.locator('input[aria-invalid="true"]').waitFor();
  assert.equal(await page.getByText(/Ärendet som det var den/).count(), 0, "no past-view banner for a refused day");
  await page.getByRole("link", { name: "Tillbaka till Idag" }).waitFor();
  await page.goto(`${base}/personer/${personId}`);
  await contacts.getByText(note).waitFor();

  // axe: the person's page with the case over time, both correction dialogs, the history, a past view.
  const audit = axe.audit;
  await axe.page.goto(`${base}/personer/${personId}`);
  await axe.logIn("anna");
  await axe.page.getByRole("region", { name: "Sysselsättning över tid" }).getByRole("table").waitFor();
  await axe.page.getByRole("table", { name: "Inskrivningarnas historik" }).waitFor();
  await audit("Person with the case over time");
  await axe.page.getByRole("button", { name: `Rätta sysselsättningen ${workName}` }).click();
  await axe.page.getByRole("dialog", { name: "Rätta sysselsättningen" }).waitFor();
  await audit("Correct an occupation");
  await axe.page.keyboard.press("Escape");
  await axe.page.getByRole("button", { name: /^Rätta kontakten / }).first().click();
  await axe.page.getByRole("dialog", { name: "Rätta kontaktförsöket" }).waitFor();
  await audit("Correct a contact attempt");
  await axe.page.keyboard.press("Escape");
  await axe.page.goto(`${base}/personer/${personId}/historik`);
  await axe.page.getByRole("heading", { level: 1, name: /^Historik för / }).waitFor();
  await audit("The full history");
  await axe.page.goto(`${base}/personer/${personId}?per=${day(1)}`);
  await axe.page.getByRole("heading", { name: `Ärendet som det var den ${day(1)}` }).waitFor();
  await audit("The case on a past day");

  // The end of the session: the server again, with sessions that end after one idle minute.
  await logOut();
  await page.goto("about:blank"); // nothing asks the server while it restarts
  const short = await t.restartServer(["--session-idle-minutes", "1"]);
  await axe.page.context().clearCookies(); // its session of before would go on
  const start = async (p, signIn) => {
    await p.goto(`${short}/personer/${personId}`);
    await signIn("anna");
    await p.getByRole("button", { name: `Rätta sysselsättningen ${workName}` }).click();
  };
  await Promise.all([start(page, logIn), start(axe.page, axe.logIn)]);
  const form = page.getByRole("dialog", { name: "Rätta sysselsättningen" });
  await form.getByLabel(/^Detalj/).fill("heltid, sommarjobb");
  // Half a minute later a warning; it has not ended yet.
  const warning = page.getByRole("alertdialog", { name: "Du loggas snart ut" });
  await warning.waitFor({ timeout: 60_000 });
  assert.equal(await page.getByRole("dialog", { name: "Du har loggats ut" }).count(), 0);
  assert.match(await warning.innerText(), /loggas du ut kl\. \d\d:\d\d/);
  // The answer most want has the focus, not the close button (a tester's finding).
  await page.waitForFunction(() => document.activeElement?.textContent === "Fortsätt vara inloggad");
  await shot("session-warning");
  await axe.page.getByRole("alertdialog", { name: "Du loggas snart ut" }).waitFor({ timeout: 60_000 });
  await audit("The session's warning");
  // At the end, the login over the page; what she typed is still in the form.
  const login = page.getByRole("dialog", { name: "Du har loggats ut" });
  await login.waitFor({ timeout: 60_000 });
  await shot("session-ended");
  await axe.page.getByRole("dialog", { name: "Du har loggats ut" }).waitFor({ timeout: 60_000 });
  await audit("Log in again");
  assert.equal(await form.getByLabel(/^Detalj/).inputValue(), "heltid, sommarjobb");
  await login.getByLabel(/^Lösenord/).fill("lotsen-demo-2026");
  await login.getByRole("button", { name: "Logga in" }).click();
  await login.waitFor({ state: "detached" });
  assert.equal(await form.getByLabel(/^Detalj/).inputValue(), "heltid, sommarjobb");
  // The focus is back where it was before the warning: in the field she was typing in (it was on <body>).
  const focusedAgain = await form.getByLabel(/^Detalj/).evaluate(async (field) => {
    for (let i = 0; i < 100 && document.activeElement !== field; i++) await new Promise((r) => setTimeout(r, 20));
    return document.activeElement === field;
  });
  assert.ok(focusedAgain, "the focus is back in the field");
  await form.getByRole("button", { name: "Spara" }).click();
  await page.getByText(`Sysselsättningen ${workName} är rättad.`).waitFor();
  const after = await apiAs(short, "anna");
  const saved = await (await after.call("GET", `/api/v1/persons/${personId}/occupations`)).json();
  assert.ok(saved.items.some((o) => o.data.detail === "heltid, sommarjobb"), "the correction typed before the end is saved");
  await noViolations("Session");
});
