// End to end: the caseworker's whole day by keyboard alone (issue 13), in Debian's Chromium against the
// demo municipality (tests/e2e/harness.mjs). anna logs in, opens a young person from Today (of the
// registrations without a plan; one without a phone number by preference), adds a phone number, logs a
// failed call (Spara without "reached" first: the error summary's link leads into the radio group) and
// then a reached contact with an occupation, draws up a plan with a goal, a sub-goal and a measure,
// assesses the sub-goal and sees Today's count change — with page.keyboard only (Tab, Shift+Tab, Enter,
// Space, arrows, Esc, typing). Locators only assert what is shown or focused. Also:
// - the skip link "Till huvudinnehållet" is the first Tab stop and moves the focus to <main>;
// - after a dialog (by Spara or Esc), a form or a navigation the focus is on its button, the message
//   that replaced it, the new field or the page's heading; never on <body> when the next Tab begins;
// - every Tab stop on the way shows its focus (on screen, a computed outline or box-shadow; for Aksel's
//   hidden radio and checkbox inputs on the label's ::before).
// tabTo(name) presses Tab until the focused element's accessible name matches; if it never does, it
// fails with the list of what got the focus on the way (the evidence of a wrong focus order).
// Usage: node tests/e2e/keyboard.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { apiAs, e2e } from "./harness.mjs";

await e2e(async ({ base, page, shot, noViolations }) => {
  // The focused element: its tag, its accessible name (the usual sources, in the usual order) and
  // whether the focus shows (an outline or a box-shadow, on it or, for a visually hidden radio or
  // checkbox input, on its label).
  const focused = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return { tag: "body", name: "", visible: false };
      const text = (n) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
      let name = "";
      if (e.getAttribute("aria-labelledby"))
        name = e.getAttribute("aria-labelledby").split(/\s+/).map((id) => text(document.getElementById(id))).join(" ");
      else if (e.getAttribute("aria-label")) name = e.getAttribute("aria-label");
      else if (e.labels?.length) name = [...e.labels].map(text).join(" ");
      else name = text(e);
      const shows = (el, pseudo) => {
        if (!el) return false;
        const s = getComputedStyle(el, pseudo);
        return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== "none" && s.boxShadow !== "");
      };
      const label = e.labels?.[0];
      // Aksel's radios and checkboxes hide the input (opacity 0) and draw the focus on the label's ::before.
      const hidden = getComputedStyle(e).opacity === "0";
      // Aksel's error summary draws the focus of its heading on the summary (the heading's parent).
      const box = (hidden ? label : e)?.getBoundingClientRect();
      const onScreen = !!box && box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > -window.scrollY;
      const visible = onScreen && (hidden ? shows(label, "::before") : shows(e) || (e.tagName.startsWith("H") && shows(e.parentElement)));
      return { tag: e.tagName.toLowerCase() + (e.type ? `[${e.type}]` : ""), name: name.trim(), visible };
    });
  const matches = (name, f) => (name instanceof RegExp ? name.test(f.name) : f.name === name);
  // Tab (or Shift+Tab with { back: true }) until the focused element is named `name` (string: exactly;
  // RegExp). Fails with the list of what got the focus.
  const unseen = new Set(); // every Tab stop whose focus did not show
  const lost = []; // where the focus was on <body> when the next Tab began
  const tabTo = async (name, { back = false, limit = 150, fresh = false } = {}) => {
    const seen = [];
    if (!fresh && (await focused()).tag === "body") lost.push(`before the Tab to "${name}" (${new URL(page.url()).pathname})`);
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
      const f = await focused();
      if (!f.visible) unseen.add(`${f.tag} "${f.name.slice(0, 60)}" (${new URL(page.url()).pathname})`);
      if (matches(name, f)) return f;
      seen.push(`${f.tag} "${f.name.slice(0, 60)}"`);
    }
    throw new Error(`${back ? "Shift+Tab" : "Tab"} does not reach "${name}"; the focus went to:\n  ${seen.join("\n  ")}`);
  };
  // The focus is on `name` and shows.
  const expectFocus = async (name, where) => {
    const f = await focused();
    assert.ok(matches(name, f), `${where}: the focus is on ${f.tag} "${f.name}", not "${name}"`);
    return f;
  };
  const expectVisible = async (where) => {
    const f = await focused();
    assert.ok(f.tag !== "body", `${where}: the focus is lost to <body>`);
    assert.ok(f.visible, `${where}: the focus on ${f.tag} "${f.name}" does not show (no outline, no box-shadow)`);
  };
  // Esc closes a dialog at once (hidden), but the page removes it only on the browser's close event,
  // which a busy machine delivers after the next keys: Enter on the same button before that reopens a
  // dialog the late event then closes. So wait until the dialog named `name` is gone from the page.
  const removed = (name) => page.getByRole("dialog", { name, includeHidden: true }).waitFor({ state: "detached" });
  const press = (key) => page.keyboard.press(key);
  const type = (text) => page.keyboard.type(text);

  // The young person: of anna's registrations without a plan, one without a phone number (not
  // protected), preferably also on the list of occupations to find out. Read through the API as set-up.
  const anna = await apiAs(base, "anna");
  const list = async (name) => (await (await anna.call("GET", `/api/v1/worklists/${name}`)).json()).items;
  const withoutPlan = (await list("registration_without_plan")).filter((i) => !i.protected);
  const occupationIds = new Set((await list("occupation")).map((i) => i.person_id));
  const score = (i) => (i.phone ? 0 : 2) + (occupationIds.has(i.person_id) ? 1 : 0);
  const youth = [...withoutPlan].sort((a, b) => score(b) - score(a))[0];
  assert.ok(youth, "a young person without a plan");
  const name = `${youth.first_name} ${youth.last_name}`;
  const onOccupationList = occupationIds.has(youth.person_id);

  // Log in: Tab to the username, type, Tab, type the password, Enter.
  await page.goto(base);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await tabTo("Användarnamn", { fresh: true }); // a page just loaded: the focus starts on <body>
  await expectVisible("the username field");
  await type("anna");
  await press("Tab");
  await expectFocus("Lösenord", "after the username");
  await type("lotsen-demo-2026");
  await press("Enter");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await expectFocus("Idag", "Today, after logging in");
  const worklists = page.getByRole("navigation", { name: "Arbetslistor" });
  await worklists.getByRole("link").first().waitFor();

  // A fresh load (as from a bookmark): the skip link is the first Tab stop, shows, and moves the focus
  // to the main content; the next Tab is inside it.
  await page.reload();
  await worklists.getByRole("link").first().waitFor();
  await press("Tab");
  await expectFocus("Till huvudinnehållet", "the first Tab stop");
  await expectVisible("the skip link");
  await press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main", "the skip link moves the focus to <main>");
  await press("Tab");
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest("main")), "the next Tab stop is in <main>");

  // The counts before.
  const count = async (listName) => {
    const text = await worklists.getByRole("link", { name: new RegExp(`^${listName}`) }).textContent();
    return Number(text.match(/(\d+) st/)[1]);
  };
  const withoutPlanBefore = await count("Inskrivning utan plan");
  const occupationBefore = await count("Sysselsättning att ta reda på");

  // Open the young person from Today: the list of registrations without a plan, then the name.
  await tabTo(/^Inskrivning utan plan/);
  await expectVisible("a worklist link");
  await press("Enter");
  const table = page.getByRole("table", { name: "Inskrivning utan plan" });
  await table.getByRole("link", { name }).waitFor();
  await tabTo(name, { limit: 400 });
  await expectVisible("a young person's link");
  await press("Enter");
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await expectFocus(name, "a person's page, once opened");
  const personPath = new URL(page.url()).pathname;
  assert.equal(personPath, `/personer/${youth.person_id}`);
  await shot("keyboard-person");

  // Add a phone number: Ändra kontaktuppgifter, the phone field, Spara; the focus returns to the button.
  const contactCard = page.getByRole("region", { name: "Kontaktuppgifter" });
  await tabTo("Ändra kontaktuppgifter");
  await expectVisible("Ändra kontaktuppgifter");
  await press("Enter");
  await contactCard.getByLabel(/^Telefon/).waitFor();
  await expectFocus(/^Telefon/, "the contact details' form, once opened (its button has gone)");
  await expectVisible("the phone field");
  await press("Control+A"); // (none in the demo's choice; replaced if there were one)
  await type("070-123 45 67");
  await tabTo("Spara");
  await press("Enter");
  await contactCard.getByText("Kontaktuppgifterna är sparade.").waitFor();
  await contactCard.getByText("070-123 45 67").waitFor();
  await expectFocus("Ändra kontaktuppgifter", "after saving the contact details");
  await expectVisible("Ändra kontaktuppgifter, again");

  // Avbryt leaves the details as they were, the focus on the button again.
  await press("Enter");
  await expectFocus(/^Telefon/, "the contact details' form, opened again");
  await tabTo("Avbryt");
  await press("Enter");
  await expectFocus("Ändra kontaktuppgifter", "after Avbryt in the contact details");

  // A failed call: Logga kontakt, "Nej" by the arrow keys, Spara. Esc first: the focus returns.
  const dialog = page.getByRole("dialog", { name: `Logga kontakt med ${name}` });
  const logButton = `Logga kontakt med ${name}`;
  await tabTo(logButton, { back: true });
  await press("Enter");
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await press("Escape");
  await removed(`Logga kontakt med ${name}`);
  await expectFocus(logButton, "after Esc in the contact dialog");
  await press("Enter");
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  // Spara without saying whether she was reached: the error summary takes the focus; its link leads
  // to the field.
  await tabTo("Spara");
  await press("Enter");
  const summaryLink = dialog.getByRole("link", { name: "Ange om den unga nåddes." });
  await summaryLink.waitFor();
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest(".navds-error-summary")), "the error summary takes the focus");
  await expectVisible("the error summary");
  await tabTo("Ange om den unga nåddes.");
  await expectVisible("the error summary's link");
  await press("Enter");
  await expectFocus("Ja", "the error summary's link followed");
  await expectVisible("the Ja radio");
  await press("ArrowDown");
  assert.ok(await dialog.getByRole("radio", { name: "Nej" }).isChecked());
  await tabTo("Spara");
  await expectVisible("the dialog's Spara");
  await press("Enter");
  await page.getByText(`Kontakten med ${name} är loggad.`).waitFor();
  await dialog.waitFor({ state: "detached" });
  await expectFocus(logButton, "after logging a failed call");
  const contacts = page.getByRole("region", { name: "Kontaktförsök" });
  await contacts.getByRole("cell", { name: "Nej" }).first().waitFor();

  // A reached contact with an occupation: Ja (Space), the occupation by the arrow keys, its detail.
  await press("Enter");
  await dialog.getByRole("option", { name: "Telefon" }).waitFor({ state: "attached" });
  await tabTo("Ja");
  await press("Space");
  assert.ok(await dialog.getByRole("radio", { name: "Ja" }).isChecked());
  await tabTo(/^Sysselsättning/);
  await expectVisible("the occupation select");
  const options = await dialog.getByLabel(/^Sysselsättning/).evaluate((s) => [...s.options].map((o) => o.textContent));
  const studies = options.indexOf("Studier");
  assert.ok(studies > 0, options.join(" | "));
  for (let i = 0; i < studies; i++) await press("ArrowDown");
  assert.equal(await dialog.getByLabel(/^Sysselsättning/).evaluate((s) => s.selectedOptions[0].textContent), "Studier");
  await tabTo(/^Närmare om sysselsättningen/);
  await type("komvux");
  await tabTo(/^Anteckning/);
  await type("Läser på komvux sedan augusti.");
  await shot("keyboard-contact");
  await tabTo("Spara");
  await press("Enter");
  await dialog.waitFor({ state: "detached" });
  await page.getByText(`Kontakten med ${name} är loggad.`).waitFor();
  await expectFocus(logButton, "after logging a reached contact");
  await page.getByRole("region", { name: "Sysselsättning" }).getByText(/Studier \(komvux\)/).waitFor();

  // A plan: Upprätta plan, the goal's title, a sub-goal, a measure for it (in its dialog), Spara planen.
  await tabTo("Upprätta plan");
  await expectVisible("Upprätta plan");
  await press("Enter");
  await page.getByRole("heading", { level: 1, name: `Upprätta plan för ${name}` }).waitFor();
  await expectFocus(`Upprätta plan för ${name}`, "the plan editor, once opened");
  await tabTo(/^Rubrik/);
  await expectVisible("the goal's title");
  await type("Börja studera på komvux");
  await tabTo(/^Måldatum/);
  await type("2027-06-30");
  await tabTo("Lägg till delmål i Mål 1");
  await expectVisible("Lägg till delmål");
  await press("Enter");
  const sub = page.getByRole("group", { name: "Delmål 1.1" });
  await sub.waitFor();
  await expectFocus(/^Rubrik/, "a new sub-goal");
  await type("Träffa studievägledaren");
  await tabTo(/^Måldatum/);
  await type("2027-01-31");
  await tabTo("Ny åtgärd för Delmål 1.1");
  await press("Enter");
  const measureDialog = page.getByRole("dialog", { name: "Ny åtgärd" });
  await measureDialog.waitFor();
  await press("Escape");
  await removed("Ny åtgärd");
  await expectFocus("Ny åtgärd för Delmål 1.1", "after Esc in the measure dialog");
  await press("Enter");
  await measureDialog.getByRole("option", { name: "Studie- och yrkesvägledning" }).waitFor({ state: "attached" });
  await tabTo(/^Slag av åtgärd/);
  await expectVisible("the kind of measure");
  const kinds = await measureDialog.getByLabel(/^Slag av åtgärd/).evaluate((s) => [...s.options].map((o) => o.textContent));
  const guidance = kinds.indexOf("Studie- och yrkesvägledning");
  assert.ok(guidance > 0, kinds.join(" | "));
  for (let i = 0; i < guidance; i++) await press("ArrowDown");
  await tabTo(/^Innehåll/);
  await type("Samtal med studievägledare om komvux");
  await tabTo("Den unga");
  await expectVisible("the responsible (radio)");
  await press("ArrowDown");
  assert.ok(await measureDialog.getByRole("radio", { name: "Kommunen" }).isChecked());
  await tabTo(/^Planerad uppföljning/);
  await type("2027-01-15");
  await tabTo("Spara");
  await press("Enter");
  await measureDialog.waitFor({ state: "detached" });
  const box = sub.getByRole("checkbox", { name: "Samtal med studievägledare om komvux (Studie- och yrkesvägledning)" });
  await box.waitFor();
  assert.ok(await box.isChecked(), "the new measure serves the sub-goal");
  await expectVisible("after the measure dialog closed");
  await tabTo("Spara planen");
  await expectVisible("Spara planen");
  await press("Enter");
  await page.getByText("Planen är sparad.").waitFor();
  assert.equal(new URL(page.url()).pathname, personPath);
  assert.ok(
    await page.getByText("Planen är sparad.").evaluate((e) => e.closest('[tabindex="-1"]') === document.activeElement),
    "the saved plan's message takes the focus",
  );
  await expectVisible("the saved plan's message");

  // Assess the sub-goal: Bedöm, the result by Space (Uppnått, the first), Spara.
  const planSection = page.getByRole("region", { name: "Handlingsplan" });
  await planSection.getByRole("heading", { name: "Delmål 1.1: Träffa studievägledaren" }).waitFor();
  const assessButton = "Bedöm Delmål 1.1: Träffa studievägledaren";
  await tabTo(assessButton);
  await expectVisible("Bedöm");
  await press("Enter");
  const assess = page.getByRole("dialog", { name: "Bedöm måluppfyllelse" });
  await assess.waitFor();
  await press("Escape");
  await removed("Bedöm måluppfyllelse");
  await expectFocus(assessButton, "after Esc in the assessment dialog");
  await press("Enter");
  await assess.waitFor();
  await tabTo("Uppnått");
  await expectVisible("the result (radio)");
  await press("ArrowDown"); // Uppnått → Delvis uppnått
  assert.ok(await assess.getByRole("radio", { name: "Delvis uppnått" }).isChecked());
  await tabTo(/^Kommentar/);
  await type("Tid bokad, samtalet återstår");
  await tabTo("Spara");
  await press("Enter");
  const assessed = "Bedömningen av Delmål 1.1: Träffa studievägledaren är sparad.";
  await page.getByText(assessed).waitFor();
  await assess.waitFor({ state: "detached" });
  const subGoal = planSection.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Delmål 1.1: Träffa studievägledaren" }) }).last();
  await subGoal.getByText("Delvis uppnått").first().waitFor();
  await expectVisible("after the assessment");
  await shot("keyboard-plan");

  // Back to Today (Shift+Tab to the main menu's Idag): the counts have changed.
  await tabTo("Idag", { back: true, limit: 300 });
  await expectVisible("the main menu's Idag");
  await press("Enter");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await expectFocus("Idag", "Today, from the main menu");
  await worklists.getByRole("link").first().waitFor();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll(".worklist-link")].some((a) => a.textContent.startsWith("Inskrivning utan plan") && a.textContent.includes(`${n} st`)),
    withoutPlanBefore - 1,
  );
  assert.equal(await count("Inskrivning utan plan"), withoutPlanBefore - 1, "one registration fewer without a plan");
  if (onOccupationList) assert.equal(await count("Sysselsättning att ta reda på"), occupationBefore - 1, "one occupation fewer to find out");
  assert.deepEqual([...unseen], [], "every Tab stop on the way shows its focus");
  assert.deepEqual(lost, [], "the focus is never left on <body>");
  await noViolations("the day by keyboard");
  await shot("keyboard-today-after");
});
