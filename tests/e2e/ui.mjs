// End to end, in Debian's Chromium through playwright-core, against the demo municipality:
// - the auditor logs in and reviews the access log (/granskning); a reload keeps the session;
// - the caseworker anna logs in, sees Idag (Today) with her worklists' counts, opens a young person from
//   the list by keyboard (Tab, Enter) and sees the person's page; Back returns to the list; a bookmark of
//   a person's page leads there after login; a protected person is marked; unknown URLs are not found;
// - anna logs contacts from Today: Esc closes the dialog and the focus returns to its button; a failed
//   call by keyboard alone (refused first without "reached"); a reached contact with an occupation, after
//   which the occupation list is one shorter;
// - she edits a person's contact details while someone else saves them: the 409 shows theirs beside
//   hers, she loads theirs again and saves;
// - anna searches by a name with Swedish letters (the page says every search is logged) and opens a
//   person; nobody found offers registering by hand; another unit's person, found by the whole
//   personnummer, is refused until she breaks the glass with a reason (a too short one first: the 422);
//   opened as a bookmark, that person is asked for once (one refused read, not two);
// - a reload in English asks for each of the first load's data once, in English;
// - on a person's page anna logs a contact by mistake and voids it (a reason wanted first); the close
//   dialog offers only the reasons a caseworker may choose;
// - the unit manager sees the counts per caseworker, reassigns a case from Today to another caseworker
//   (a checkbox per row, "Fördela valda") and sees the row reported and the counts change, then one
//   caseworker's cases alone from their name in the counts;
// - Login, Today, the contact dialog, Person, the close and void dialogs, the search, the
//   register-by-hand, break-the-glass and reassign dialogs and the review pass axe-core's WCAG 2.1 AA rules (no serious or critical
//   violation) and the UI runs under the server's Content-Security-Policy without a single violation.
// A screenshot of every screen is saved in tests/e2e/screenshots/ (not committed).
// Usage: node tests/e2e/ui.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { apiAs, e2e } from "./harness.mjs";

await e2e(async ({ base, page, axe, logIn, logOut, shot, expectProblem, noViolations }) => {
  // Something to review: the auditor breaks the glass on one person and reads the case.
  const revisor = await apiAs(base, "revisor");
  const reason = "Granskning av ärende efter klagomål från vårdnadshavare";
  const grant = await revisor.call("POST", "/api/v1/persons/1/access-grants", { reason });
  assert.equal(grant.status, 201, await grant.text());
  assert.equal((await revisor.call("GET", "/api/v1/persons/1")).status, 200);

  await page.goto(base);
  await page.waitForURL(`${base}/logga-in`);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "sv");
  // Empty fields: the error summary takes the focus.
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("link", { name: "Skriv ditt användarnamn." }).waitFor();
  await shot("login-errors");
  await logIn("revisor", "wrong-password-1");
  await page.getByRole("alert").filter({ hasText: "Fel användarnamn eller lösenord." }).waitFor();
  await shot("login");

  // The auditor lands on the review.
  await logIn("revisor");
  await page.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/granskning");
  const breakGlass = page.getByRole("region", { name: /Nödåtkomst/ });
  await breakGlass.getByRole("heading", { name: "Nödåtkomst (bryta glaset): 1" }).waitFor();
  await breakGlass.getByText("Visa posterna").click();
  await breakGlass.getByRole("cell", { name: reason }).waitFor();
  // Both the grant and the read that followed were made under it.
  const outside = page.getByRole("region", { name: /utanför ärendelistan/ });
  await outside.getByRole("heading", { name: "Läsningar utanför ärendelistan: 2" }).waitFor();
  await outside.getByText("Visa posterna").click();
  assert.equal(await outside.getByRole("cell", { name: reason }).count(), 2);
  await shot("review");

  // A reload keeps the session, and the CSRF token with it: logging out still works.
  await page.reload();
  await page.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  await noViolations("the review");
  await logOut();

  // The caseworker: Idag with her worklists and their counts.
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/");
  const worklists = page.getByRole("navigation", { name: "Arbetslistor" });
  await worklists.getByRole("link").first().waitFor();
  const counts = await worklists.getByRole("link").allTextContents();
  assert.ok(counts.length === 8, counts.join(" | "));
  assert.match(counts[0], /varav \d+ försenade/, "lists with overdue items first");
  const table = page.getByRole("table").first();
  await table.getByRole("link").first().waitFor();
  assert.ok((await page.getByText(/Försenad \d+ dag/).count()) > 0, "overdue items are marked in words");
  assert.equal(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Granskning" }).count(), 0);
  await noViolations("Today");
  await shot("today");

  // Logging contacts from Today, in the list of occupations to find out (the first: it has overdue items).
  const tabTo = async (what, test) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(test)) return;
    }
    throw new Error(`Tab does not reach ${what}`);
  };
  const occupationLink = worklists.getByRole("link", { name: /Sysselsättning att ta reda på/ });
  await occupationLink.click();
  const occupationCount = async () => Number((await occupationLink.textContent()).match(/(\d+) st/)[1]);
  const listed = page.getByRole("table", { name: "Sysselsättning att ta reda på" });
  await listed.getByRole("button", { name: /^Logga kontakt/ }).first().waitFor();
  const before = await occupationCount();
  assert.ok(before > 0);
  const dialog = page.getByRole("dialog", { name: /^Logga kontakt med / });

  // Esc closes the dialog and gives the focus back to the button.
  const firstButton = listed.getByRole("button", { name: /^Logga kontakt/ }).first();
  await firstButton.click();
  await dialog.waitFor();
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.ok(await firstButton.evaluate((b) => b === document.activeElement), "the focus returns to the button");

  // A failed call, by keyboard alone: Tab to the row's button, Enter; Save without saying whether the
  // young person was reached is refused in the error summary; "Nej" by the arrow keys; Save.
  await page.getByRole("heading", { level: 1, name: "Idag" }).focus();
  await tabTo("a Logga kontakt button", () => document.activeElement?.textContent?.startsWith("Logga kontakt") ?? false);
  const called = (await page.evaluate(() => document.activeElement.textContent)).replace(/^Logga kontakt med /, "");
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: `Logga kontakt med ${called}` }).waitFor();
  assert.match(await dialog.getByLabel(/^Tid/).inputValue(), /^\d{2}:\d{2}$/);
  assert.equal(await dialog.getByLabel(/^Kontaktsätt/).inputValue(), "phone");
  const onSave = () => document.activeElement?.textContent === "Spara";
  await tabTo("Spara", onSave);
  await page.keyboard.press("Enter");
  await dialog.getByRole("link", { name: "Ange om den unga nåddes." }).waitFor();
  await shot("log-contact-errors");
  await tabTo("the Ja radio", () => document.activeElement?.getAttribute("type") === "radio");
  await page.keyboard.press("ArrowDown");
  assert.ok(await dialog.getByRole("radio", { name: "Nej" }).isChecked());
  await tabTo("Spara", onSave);
  await page.keyboard.press("Enter");
  await page.getByText(`Kontakten med ${called} är loggad.`).waitFor();
  await dialog.waitFor({ state: "detached" });

  // A contact that reached the young person, who told their occupation: the list is one shorter.
  const reachedButton = listed.getByRole("button", { name: /^Logga kontakt/ }).first();
  const reachedName = (await reachedButton.textContent()).replace(/^Logga kontakt med /, "");
  await reachedButton.click();
  await dialog.waitFor();
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await dialog.getByRole("radio", { name: "Ja" }).check();
  await dialog.getByLabel(/^Sysselsättning/).selectOption({ label: "Studier" });
  await dialog.getByLabel(/^Närmare om sysselsättningen/).fill("komvux");
  await dialog.getByLabel(/^Anteckning/).fill("Läser på komvux sedan augusti.");
  await shot("log-contact");
  await dialog.getByRole("button", { name: "Spara" }).click();
  await page.getByText(`Kontakten med ${reachedName} är loggad.`).waitFor();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll(".worklist-link")].some((a) => a.textContent.startsWith("Sysselsättning att ta reda på") && a.textContent.includes(`${n} st`)),
    before - 1,
  );
  assert.equal(await occupationCount(), before - 1, "the occupation list is one shorter");
  await noViolations("logging contacts");
  await worklists.getByRole("link").first().click();

  // Open the first young person of the list by keyboard: Tab to the link, Enter.
  const firstName = (await table.getByRole("link").first().textContent()).trim();
  await page.getByRole("heading", { level: 1, name: "Idag" }).focus();
  let onLink = false;
  for (let i = 0; i < 80 && !onLink; i++) {
    await page.keyboard.press("Tab");
    onLink = await page.evaluate(() => document.activeElement?.getAttribute("href")?.startsWith("/personer/") ?? false);
  }
  assert.ok(onLink, "Tab reaches a person's link");
  const focused = (await page.evaluate(() => document.activeElement.textContent)).trim();
  assert.equal(focused, firstName);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/personer\/\d+$/);
  const personPath = new URL(page.url()).pathname;
  for (const section of ["Identitet", "Kontaktuppgifter", "Sysselsättning", "Inskrivningar", "Kontaktförsök"])
    await page.getByRole("heading", { level: 2, name: section, exact: true }).waitFor();
  await page.getByRole("region", { name: "Kontaktförsök" }).getByRole("table").or(page.getByText("Inga kontaktförsök ännu.")).waitFor();
  await noViolations("Person");
  await shot("person");

  // anna logs a contact on the person's page by mistake and voids it: a reason is wanted, the dialog
  // says it stays in the history, and the list is one shorter afterwards.
  const contactsCard = page.getByRole("region", { name: "Kontaktförsök" });
  const voidButtons = contactsCard.getByRole("button", { name: /^Makulera kontakten / });
  const contactsBefore = await voidButtons.count();
  await page.getByRole("button", { name: /^Logga kontakt/ }).first().click();
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await dialog.getByRole("radio", { name: "Nej" }).check();
  await dialog.getByRole("button", { name: "Spara" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction((n) => document.querySelectorAll('button[aria-label^="Makulera kontakten "]').length === n, contactsBefore + 1);
  await voidButtons.first().click();
  const voidDialog = page.getByRole("dialog", { name: "Makulera kontaktförsöket" });
  await voidDialog.getByText(/finns kvar i ärendets historik/).waitFor();
  await voidDialog.getByRole("button", { name: "Makulera" }).click();
  await voidDialog.getByRole("link", { name: "Skriv varför kontaktförsöket makuleras." }).waitFor();
  await shot("void-contact");
  await voidDialog.getByLabel(/^Skäl till makuleringen/).fill("Loggat av misstag i testet");
  await voidDialog.getByRole("button", { name: "Makulera" }).click();
  await page.getByText(/^Kontaktförsöket .* är makulerat\. Det finns kvar i historiken\.$/).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('button[aria-label^="Makulera kontakten "]').length === n, contactsBefore);

  // The close dialog offers only the reasons a caseworker may choose (not moving out, which the
  // population register reports); Esc leaves the registration as it was.
  await page.getByRole("button", { name: "Avsluta inskrivningen" }).first().click();
  const closeDialog = page.getByRole("dialog", { name: "Avsluta inskrivningen" });
  await closeDialog.getByRole("radio", { name: /Flyttat utomlands/ }).waitFor();
  assert.equal(await closeDialog.getByRole("radio", { name: /Flyttat från kommunen/ }).count(), 0);
  await closeDialog.getByRole("button", { name: "Avsluta" }).click();
  await closeDialog.getByRole("link", { name: "Välj varför inskrivningen avslutas." }).waitFor();
  await shot("close-registration");
  await page.keyboard.press("Escape");
  await closeDialog.waitFor({ state: "detached" });

  // The contact details: someone else (anna in another session) saves while she edits; the 409 shows
  // what she changed beside what is saved, she keeps her phone number over the saved details (the e-mail,
  // which she did not touch, is theirs) and saves.
  const personId = Number(personPath.split("/").pop());
  const other = await apiAs(base, "anna");
  const contactCard = page.getByRole("region", { name: "Kontaktuppgifter" });
  await contactCard.getByRole("button", { name: "Ändra kontaktuppgifter" }).click();
  await contactCard.getByLabel(/^Telefon/).fill("070-555 12 34");
  const read = await other.call("GET", `/api/v1/persons/${personId}`);
  const theirs = await other.call("PUT", `/api/v1/persons/${personId}/contact-details`,
    { phone: "070-999 88 77", email: "ny.adress@example.se" }, { "If-Match": read.headers.get("etag") });
  assert.equal(theirs.status, 200, await theirs.text());
  await contactCard.getByRole("button", { name: "Spara" }).click();
  await contactCard.getByRole("heading", { name: "Någon annan har ändrat uppgifterna" }).waitFor();
  await contactCard.getByRole("cell", { name: "070-999 88 77" }).waitFor();
  await contactCard.getByRole("cell", { name: "070-555 12 34" }).waitFor();
  expectProblem(`409 ${base}/api/v1/persons/${personId}/contact-details`);
  await shot("contact-details-conflict");
  await contactCard.getByRole("button", { name: "Behåll mina ändringar" }).click();
  await contactCard.getByRole("heading", { name: "Någon annan har ändrat uppgifterna" }).waitFor({ state: "detached" });
  assert.equal(await contactCard.getByLabel(/^E-post/).inputValue(), "ny.adress@example.se");
  assert.equal(await contactCard.getByLabel(/^Telefon/).inputValue(), "070-555 12 34");
  await contactCard.getByRole("button", { name: "Spara" }).click();
  await contactCard.getByText("Kontaktuppgifterna är sparade.").waitFor();
  await contactCard.getByText("070-555 12 34").waitFor();
  await contactCard.getByText("ny.adress@example.se").waitFor();

  // Back returns to Today, forward to the person again.
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await page.goForward();
  await page.getByRole("heading", { level: 1, name: firstName }).waitFor();

  // A protected person (in anna's caseload: an ended registration) is marked, without address.
  const search = await page.evaluate(async () => (await fetch("/api/v1/persons?query=")).json());
  const shielded = search.items.find((p) => p.protected);
  if (shielded) {
    await page.goto(`${base}/personer/${shielded.id}`);
    await page.getByRole("heading", { level: 1, name: `${shielded.first_name} ${shielded.last_name}` }).waitFor();
    await page.getByText("Skyddad identitet", { exact: true }).first().waitFor();
    await shot("person-protected");
  }

  // Search (said to be logged): a name with Swedish letters, a person opened from the results; the query
  // stays in the URL, so Back returns to the results.
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök" }).click();
  await page.getByRole("heading", { level: 1, name: "Sök person" }).waitFor();
  await page.getByText(/^Varje sökning loggas/).waitFor();
  await page.getByLabel(/^Namn eller personnummer/).fill("Örjan");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  const results = page.getByRole("table", { name: "Sökresultat för ”Örjan”" });
  await results.getByRole("link").first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get("q"), "Örjan");
  const found = (await results.getByRole("link").allTextContents()).map((s) => s.trim());
  assert.ok(found.length > 0 && found.every((n) => n.startsWith("Örjan ")), found.join(" | "));
  await noViolations("the search");
  await shot("search");
  await results.getByRole("link").first().click();
  await page.getByRole("heading", { level: 1, name: found[0] }).waitFor();
  await page.goBack();
  await results.getByRole("link", { name: found[0] }).waitFor();

  // Nobody found: registering by hand, whose own checks come first.
  await page.getByLabel(/^Namn eller personnummer/).fill("20090505-1231");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByText("Ingen hittades.").waitFor();
  await page.getByRole("button", { name: "Skriv in för hand" }).click();
  const registerDialog = page.getByRole("dialog", { name: "Skriv in för hand" });
  await registerDialog.getByRole("option", { name: "Den unga hörde själv av sig" }).waitFor({ state: "attached" });
  assert.equal(await registerDialog.getByLabel(/^Personnummer/).inputValue(), "20090505-1231");
  await registerDialog.getByRole("button", { name: "Skriv in" }).click();
  await registerDialog.getByRole("link", { name: "Välj skäl." }).waitFor();
  await shot("register-by-hand-errors");
  await page.keyboard.press("Escape");
  await registerDialog.waitFor({ state: "detached" });

  // Another unit's young person's page opened as a bookmark (a first load): refused once — the page shows
  // the refusal its first load was answered, rather than asking again (a second refused read in the log).
  await page.goto(`${base}/personer/2`);
  await page.getByRole("heading", { level: 2, name: "Ärendet ligger utanför dina ärenden" }).waitFor();
  expectProblem(`403 ${base}/api/v1/persons/2`);
  await page.goBack();
  await page.getByLabel(/^Namn eller personnummer/).waitFor();

  // Another unit's young person, found by the whole personnummer: refused, anna breaks the glass (a
  // reason too short first: the server's 422 beside the field) and then sees the case.
  const manager = await apiAs(base, "demo");
  const outsider = await (await manager.call("GET", "/api/v1/persons/2")).json();
  const outsiderName = `${outsider.first_name} ${outsider.last_name}`;
  await page.getByLabel(/^Namn eller personnummer/).fill(outsider.personal_id);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("table").getByRole("link", { name: outsiderName }).click();
  await page.getByRole("heading", { level: 2, name: "Ärendet ligger utanför dina ärenden" }).waitFor();
  expectProblem(`403 ${base}/api/v1/persons/2`);
  await shot("person-outside-caseload");
  await page.getByRole("button", { name: "Öppna ärendet tillfälligt" }).click();
  const glass = page.getByRole("dialog", { name: "Öppna ärendet tillfälligt" });
  await glass.getByLabel(/^Skäl/).fill("Ringde");
  await glass.getByRole("button", { name: "Öppna ärendet" }).click();
  await glass.getByRole("link", { name: /minst 10 bokstäver/ }).waitFor();
  assert.equal(await glass.getByLabel(/^Skäl/).getAttribute("aria-invalid"), "true");
  expectProblem(`422 ${base}/api/v1/persons/2/access-grants`);
  await shot("break-glass-errors");
  await glass.getByLabel(/^Skäl/).fill("Vårdnadshavaren ringde och bad om hjälp med gymnasieval");
  await shot("break-glass");
  await glass.getByRole("button", { name: "Öppna ärendet" }).click();
  await page.getByRole("heading", { level: 1, name: outsiderName }).waitFor();
  await page.getByText(/^Du har tillfällig åtkomst till ärendet i 8 timmar, till \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/).waitFor();
  await page.getByRole("heading", { level: 2, name: "Inskrivningar", exact: true }).waitFor();
  await noViolations("breaking the glass");
  await shot("person-after-break-glass");

  // Not found, and the English UI.
  await page.goto(`${base}/finns-inte`);
  await page.getByRole("heading", { level: 1, name: "Sidan finns inte" }).waitFor();
  await shot("not-found");
  await page.goto(base);
  await page.getByRole("button", { name: "In English" }).click();
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // Reloaded in English: each API request of the first load is sent once, in English.
  // A request asked again after its answer failed (a 5xx or a broken connection on a loaded machine) is the
  // client's retry, not a second asking: it is told apart by what the earlier one was answered.
  const asked = [];
  const answered = new Map();
  const key = (r) => {
    const url = new URL(r.url());
    return url.pathname.startsWith("/api/") ? `${r.method()} ${url.pathname}${url.search} ${r.headers()["accept-language"]}` : null;
  };
  const onRequest = (r) => key(r) && asked.push(key(r));
  const onAnswer = (r) => key(r.request()) && answered.set(r.request(), r.status());
  const onFailed = (r) => key(r) && answered.set(r, `failed: ${r.failure()?.errorText}`);
  page.on("request", onRequest);
  page.on("response", onAnswer);
  page.on("requestfailed", onFailed);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  await page.locator("table.worklist-table tbody tr").first().waitFor();
  page.off("request", onRequest);
  page.off("response", onAnswer);
  page.off("requestfailed", onFailed);
  const outcomes = [...answered].map(([r, outcome]) => `${key(r)} → ${outcome}`).join("\n");
  assert.ok(asked.length >= 3 && asked.every((a) => a.endsWith(" en")), asked.join("\n"));
  const retried = new Set([...answered].filter(([, outcome]) => outcome !== 200 && outcome !== 304).map(([r]) => key(r)));
  const twice = asked.filter((a, i) => asked.indexOf(a) !== i && !retried.has(a));
  assert.deepEqual(twice, [], `no request asked twice; the answers:\n${outcomes}`);
  await shot("today-english");
  await page.getByRole("button", { name: "På svenska" }).click();
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await logOut();

  // A bookmark of a person's page leads there after login.
  await page.goto(`${base}${personPath}`);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
  assert.equal(new URL(page.url()).pathname, personPath);
  await logOut();

  // The unit manager sees who has what.
  await logIn("demo");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  const perCaseworker = page.getByRole("table", { name: /per handläggare/ });
  await perCaseworker.waitFor();
  assert.ok((await perCaseworker.getByRole("row").count()) > 1);
  await shot("today-unit-manager");
  await noViolations("Today (unit manager)");

  // ... and reassigns the first case of the chosen list to a caseworker who does not have it.
  const listName = new URL(await page.getByRole("navigation", { name: "Arbetslistor" }).locator("a[aria-current=page]").getAttribute("href"), base).searchParams.get("lista");
  const api = async (path) => {
    const r = await page.request.get(`${base}${path}`);
    assert.equal(r.status(), 200, path);
    return r.json();
  };
  const [firstItem] = (await api(`/api/v1/worklists/${listName}`)).items;
  const team = (await api("/api/v1/team")).items;
  const to = team.find((m) => ["bengt", "anna"].includes(m.username) && m.id !== firstItem.caseworker_id);
  assert.ok(to, "bengt or anna can take the case");
  const countsBefore = await perCaseworker.innerText();
  const firstName2 = `${firstItem.first_name} ${firstItem.last_name}`;
  await page.getByRole("checkbox", { name: `Välj ${firstName2}` }).check();
  await page.getByRole("button", { name: "Fördela valda (1)" }).click();
  const reassign = page.getByRole("dialog", { name: "Fördela ärenden" });
  await reassign.getByText(new RegExp(`^${firstName2} \\(nu: .+\\)$`)).waitFor();
  await reassign.getByLabel(/^Ny ansvarig/).selectOption({ label: `${to.username} (${to.units[0]})` });
  await shot("reassign-dialog");
  await reassign.getByRole("button", { name: "Fördela", exact: true }).click();
  await reassign.getByText(`${firstName2}: fördelat till ${to.username} (${to.units[0]}).`).waitFor();
  await reassign.getByText("1 av 1 ärenden är fördelade.").waitFor();
  await shot("reassign-done");
  await reassign.getByRole("button", { name: "Klar" }).click();
  await reassign.waitFor({ state: "detached" });
  await page.waitForFunction(
    (before) => document.querySelector("[aria-labelledby^='by-caseworker-']")?.innerText !== before,
    countsBefore,
  );
  assert.equal((await api(`/api/v1/worklists/${listName}`)).items.find((i) => i.registration_id === firstItem.registration_id)?.caseworker_id ?? to.id, to.id);
  await noViolations("the reassign dialog");
  // The caseworker's name in the counts shows their cases alone, each row naming them as responsible.
  await perCaseworker.getByRole("link", { name: to.username, exact: true }).click();
  await page.getByText(`Visar bara ärenden där ${to.username} är ansvarig handläggare.`).waitFor();
  await page.getByRole("link", { name: firstName2 }).waitFor();
  const rows = await page.locator("table.worklist-table tbody tr").allInnerTexts();
  assert.ok(rows.length > 0 && rows.every((row) => row.includes(to.username)), rows.join("\n"));
  assert.equal(new URL(page.url()).searchParams.get("handlaggare"), String(to.id));
  await shot("today-one-caseworker");
  await page.getByRole("link", { name: "Visa alla handläggares ärenden" }).click();
  await page.getByText(/^Visar bara ärenden där/).waitFor({ state: "detached" });
  // The person's page names who is responsible now.
  await page.goto(`${base}/personer/${firstItem.person_id}`);
  const registrations = page.getByRole("table", { name: "Inskrivningar" });
  const open = registrations.getByRole("row").filter({ hasText: "pågår" });
  await open.getByRole("cell", { name: to.username, exact: true }).waitFor();
  await logOut();
  // Accessibility: axe-core's WCAG 2.1 AA rules on every screen and dialog above.
  const axePage = axe.page;
  const audit = axe.audit;
  const axeLogIn = axe.logIn;
  await axePage.goto(base);
  await axePage.getByRole("heading", { name: "Logga in" }).waitFor();
  await audit("login");
  await axePage.getByRole("button", { name: "Logga in" }).click();
  await axePage.getByRole("link", { name: "Skriv ditt användarnamn." }).waitFor();
  await audit("login with errors");
  await axeLogIn("anna");
  await axePage.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await axePage.getByRole("table").first().getByRole("link").first().waitFor();
  await audit("today");
  await axePage.getByRole("button", { name: /^Logga kontakt/ }).first().click();
  const axeDialog = axePage.getByRole("dialog", { name: /^Logga kontakt med / });
  await axeDialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await axeDialog.getByRole("radio", { name: "Ja" }).check();
  await axeDialog.getByLabel(/^Sysselsättning/).selectOption({ label: "Arbete" });
  await audit("the contact dialog");
  await axeDialog.getByRole("button", { name: "Spara" }).waitFor();
  await axePage.keyboard.press("Escape");
  await axeDialog.waitFor({ state: "detached" });
  await axePage.goto(`${base}${personPath}`);
  await axePage.getByRole("heading", { level: 2, name: "Kontaktförsök" }).waitFor();
  await axePage.getByRole("region", { name: "Kontaktförsök" }).getByRole("table").or(axePage.getByText("Inga kontaktförsök ännu.")).waitFor();
  await audit("person");
  await axePage.getByRole("button", { name: "Avsluta inskrivningen" }).first().click();
  const axeClose = axePage.getByRole("dialog", { name: "Avsluta inskrivningen" });
  await axeClose.getByRole("radio", { name: /Flyttat utomlands/ }).waitFor();
  await axeClose.getByRole("button", { name: "Avsluta" }).click();
  await axeClose.getByRole("link", { name: "Välj varför inskrivningen avslutas." }).waitFor();
  await audit("the close dialog");
  await axePage.keyboard.press("Escape");
  await axeClose.waitFor({ state: "detached" });
  const axeVoidButton = axePage.getByRole("button", { name: /^Makulera kontakten / }).first();
  if (await axeVoidButton.count()) {
    await axeVoidButton.click();
    const axeVoid = axePage.getByRole("dialog", { name: "Makulera kontaktförsöket" });
    await axeVoid.getByRole("button", { name: "Makulera" }).click();
    await axeVoid.getByRole("link", { name: "Skriv varför kontaktförsöket makuleras." }).waitFor();
    await audit("the void dialog");
    await axePage.keyboard.press("Escape");
    await axeVoid.waitFor({ state: "detached" });
  }
  await axePage.goto(`${base}/sok?q=${encodeURIComponent("Örjan")}`);
  await axePage.getByRole("table", { name: "Sökresultat för ”Örjan”" }).getByRole("link").first().waitFor();
  await audit("search");
  await axePage.goto(`${base}/sok?q=20090505-1231`);
  await axePage.getByRole("button", { name: "Skriv in för hand" }).click();
  const axeRegister = axePage.getByRole("dialog", { name: "Skriv in för hand" });
  await axeRegister.getByRole("option", { name: "Den unga hörde själv av sig" }).waitFor({ state: "attached" });
  await axeRegister.getByRole("button", { name: "Skriv in" }).click();
  await axeRegister.getByRole("link", { name: "Välj skäl." }).waitFor();
  await audit("the register-by-hand dialog");
  await axePage.keyboard.press("Escape");
  await axePage.goto(`${base}/personer/4`);
  await axePage.getByRole("button", { name: "Öppna ärendet tillfälligt" }).click();
  const axeGlass = axePage.getByRole("dialog", { name: "Öppna ärendet tillfälligt" });
  await axeGlass.getByLabel(/^Skäl/).fill("kort");
  await axeGlass.getByRole("button", { name: "Öppna ärendet" }).click();
  await axeGlass.getByRole("link", { name: /minst 10 bokstäver/ }).waitFor();
  await audit("the break-the-glass dialog");
  await axePage.keyboard.press("Escape");
  await axeGlass.waitFor({ state: "detached" });
  await axePage.getByRole("button", { name: "Logga ut" }).click();
  await axePage.getByRole("heading", { name: "Logga in" }).waitFor();
  await axeLogIn("demo");
  await axePage.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await axePage.getByRole("checkbox", { name: /^Välj / }).first().check();
  await axePage.getByRole("button", { name: "Fördela valda (1)" }).click();
  const axeReassign = axePage.getByRole("dialog", { name: "Fördela ärenden" });
  await axeReassign.getByRole("button", { name: "Fördela", exact: true }).click();
  await axeReassign.getByRole("link", { name: "Välj vem som ska ta över ärendena." }).waitFor();
  await audit("the reassign dialog");
  await axePage.keyboard.press("Escape");
  await axeReassign.waitFor({ state: "detached" });
  await axePage.getByRole("button", { name: "Logga ut" }).click();
  await axePage.getByRole("heading", { name: "Logga in" }).waitFor();
  await axeLogIn("revisor");
  await axePage.getByRole("heading", { name: "Granskning av åtkomstloggen" }).waitFor();
  for (const summary of await axePage.getByText("Visa posterna").all()) await summary.click();
  await audit("review");
});
