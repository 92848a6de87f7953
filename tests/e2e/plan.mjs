// End to end: the individual plan, its measures and goal assessments, in Debian's Chromium against the
// demo municipality (tests/e2e/harness.mjs):
// - anna opens a young person from Today's list of registrations without a plan and draws up a plan:
//   a goal and a sub-goal; saved with the sub-goal's title empty, the server's 422 stands beside that
//   title and in the summary; she adds a measure for the sub-goal (the municipality responsible), which
//   is linked to it, saves, and sees the goal, the sub-goal and the measure on the person's page; she
//   assesses the sub-goal (partly achieved) and sees it beside the sub-goal;
// - she corrects the measure (a new follow-up date) and voids the assessment (a reason wanted first);
// - the same flow by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows) for a second young person,
//   one who called in today and was registered by hand (on Today's first-contact list);
// - while she revises a plan someone else saves it: the 409 shows the saved plan beside hers, and she
//   takes theirs; again, she keeps her changes: her new goal and their new title for the sub-goal are both
//   in the plan saved (the three-way merge on the real server);
// - she types in the plan and clicks Idag in the header: asked whether to leave without saving, she
//   stays (the focus on Stanna kvar) and her text is there; Back asks too (Esc stays); the back link,
//   then Lämna utan att spara, leaves the plan as it was;
// - she voids the plan (a reason wanted first): the section says there is no plan, offers to draw one
//   up, and the full history has the void with its reason;
// - axe-core on the Plan section (with an earlier version shown), the editor (with errors) and every
//   dialog (a new measure, a correction, an assessment, the voids of a measure, an assessment and the
//   plan, leaving unsaved changes); screenshots of each.
// Usage: node tests/e2e/plan.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { apiAs, e2e } from "./harness.mjs";

// A personnummer (12 digits, YYYYMMDD-NNNC) with its Luhn check digit.
function personalId(date, serial) {
  const digits = `${date.slice(2)}${serial}`.split("").map(Number);
  const sum = digits.reduce((s, d, i) => s + (i % 2 === 0 ? ((d * 2) % 10) + Math.floor((d * 2) / 10) : d), 0);
  return `${date.slice(0, 4)}${date.slice(4)}-${serial}${(10 - (sum % 10)) % 10}`;
}

await e2e(async ({ base, page, axe, logIn, shot, expectProblem, noViolations }) => {
  const anna = await apiAs(base, "anna");
  // A young person who called in today, registered by hand (anna's unit; on her first-contact list).
  let called = null;
  for (let serial = 101; serial < 140 && !called; serial++) {
    const answer = await anna.call("POST", "/api/v1/registrations", {
      personal_id: personalId("20090315", String(serial)),
      start_date: new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }),
      reason: "dropout_national_programme",
      by_hand: "called_in",
      person: { first_name: "Tindra", last_name: "Planström", street_address: "Allégatan 1", postal_code: "50330", city: "Borås", municipality_code: "1490" },
    });
    if (answer.status === 201) called = await answer.json();
  }
  assert.ok(called, "a young person registered by hand");

  // Tab until `test(arg)` holds in the page for the focused element.
  const tabTo = async (what, test, arg = null) => {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(test, arg)) return;
    }
    throw new Error(`Tab does not reach ${what}`);
  };
  // The focused element's text or accessible label is `name`.
  const named = (name) => {
    const e = document.activeElement;
    return !!e && (e.getAttribute("aria-label") === name || e.textContent?.trim() === name);
  };
  const tabToNamed = (name) => tabTo(name, named, name);

  await page.goto(base);
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  const worklists = page.getByRole("navigation", { name: "Arbetslistor" });

  // 1. By mouse: a young person of the list of registrations without a plan.
  await worklists.getByRole("link", { name: /^Inskrivning utan plan/ }).click();
  const withoutPlan = page.getByRole("table", { name: "Inskrivning utan plan" });
  const youth = withoutPlan.getByRole("link").first();
  await youth.waitFor();
  const name = (await youth.textContent()).trim();
  await youth.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const personPath = new URL(page.url()).pathname;
  const planSection = page.getByRole("region", { name: "Handlingsplan" });
  await planSection.getByText("Ingen plan är upprättad för den pågående inskrivningen.").waitFor();
  await shot("plan-none");
  await planSection.getByRole("link", { name: "Upprätta plan" }).click();
  await page.getByRole("heading", { level: 1, name: `Upprätta plan för ${name}` }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${personPath}/plan`);
  const goal = page.getByRole("group", { name: "Mål 1", exact: true });
  await goal.getByLabel(/^Rubrik/).fill("Börja studera på komvux");
  await goal.getByLabel(/^Måldatum/).fill("2027-06-30");
  await page.getByRole("button", { name: "Lägg till delmål i Mål 1" }).click();
  const sub = page.getByRole("group", { name: "Delmål 1.1" });
  // The new sub-goal's title takes the focus; saved empty, the server refuses it beside that field.
  assert.ok(await sub.getByLabel(/^Rubrik/).evaluate((e) => e === document.activeElement), "the new sub-goal's title is focused");
  expectProblem(`422 ${base}/api/v1/persons/${personPath.split("/")[2]}/plans`);
  await page.getByRole("button", { name: "Spara planen" }).click();
  const summary = page.getByRole("link", { name: /rubrik i delmål 1 i mål 1 måste anges/i });
  await summary.waitFor();
  await sub.getByText(/rubrik i delmål 1 i mål 1 måste anges/i).waitFor();
  assert.equal(await goal.getByText(/måste anges/).count(), 0, "the goal's own title is not at fault");
  await shot("plan-editor-errors");
  await summary.click();
  assert.ok(await sub.getByLabel(/^Rubrik/).evaluate((e) => e === document.activeElement), "the summary leads to the sub-goal's title");
  await sub.getByLabel(/^Rubrik/).fill("Träffa studievägledaren");
  await sub.getByLabel(/^Måldatum/).fill("2027-01-31");

  // A measure for the sub-goal: the municipality responsible; it comes back linked.
  await sub.getByRole("button", { name: "Ny åtgärd för Delmål 1.1" }).click();
  const measureDialog = page.getByRole("dialog", { name: "Ny åtgärd" });
  await measureDialog.getByRole("option", { name: "Studie- och yrkesvägledning" }).waitFor({ state: "attached" });
  await measureDialog.getByLabel(/^Slag av åtgärd/).selectOption({ label: "Studie- och yrkesvägledning" });
  await measureDialog.getByLabel(/^Innehåll/).fill("Samtal med studievägledare om komvux");
  await measureDialog.getByRole("radio", { name: "Kommunen" }).check();
  await measureDialog.getByLabel(/^Planerad uppföljning/).fill("2027-01-15");
  await shot("plan-measure-dialog");
  await measureDialog.getByRole("button", { name: "Spara" }).click();
  await measureDialog.waitFor({ state: "detached" });
  const measureBox = sub.getByRole("checkbox", { name: "Samtal med studievägledare om komvux (Studie- och yrkesvägledning)" });
  await measureBox.waitFor();
  assert.ok(await measureBox.isChecked(), "the new measure serves the sub-goal");
  await shot("plan-editor");
  await page.getByRole("button", { name: "Spara planen" }).click();
  await page.getByText("Planen är sparad.").waitFor();
  assert.equal(new URL(page.url()).pathname, personPath);
  await planSection.getByRole("heading", { name: "Mål 1: Börja studera på komvux" }).waitFor();
  // The innermost list item holding the sub-goal's heading (the goal's item holds it too).
  const subGoal = planSection.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Delmål 1.1: Träffa studievägledaren" }) }).last();
  await subGoal.getByText("Samtal med studievägledare om komvux").waitFor();
  await subGoal.getByText(/Ansvarig: Kommunen/).waitFor();
  await subGoal.getByText(/planerad uppföljning 2027-01-15/).waitFor();
  const measures = page.getByRole("region", { name: "Åtgärder" });
  await measures.getByRole("cell", { name: "Kommunen" }).waitFor();

  // The sub-goal assessed: partly achieved, beside the sub-goal.
  await planSection.getByRole("button", { name: "Bedöm Delmål 1.1: Träffa studievägledaren" }).click();
  const assess = page.getByRole("dialog", { name: "Bedöm måluppfyllelse" });
  await assess.getByRole("radio", { name: "Delvis uppnått" }).check();
  await assess.getByLabel(/^Kommentar/).fill("Tid bokad, samtalet återstår");
  await shot("plan-assess-dialog");
  await assess.getByRole("button", { name: "Spara" }).click();
  await page.getByText("Bedömningen av Delmål 1.1: Träffa studievägledaren är sparad.").waitFor();
  await subGoal.getByText("Delvis uppnått").first().waitFor();
  await subGoal.getByText(/Tid bokad, samtalet återstår/).first().waitFor();
  await noViolations("the plan");
  await shot("plan-section");

  // Correct the measure: a later follow-up.
  await measures.getByRole("button", { name: "Rätta åtgärden Samtal med studievägledare om komvux" }).click();
  const correct = page.getByRole("dialog", { name: "Rätta åtgärden" });
  assert.equal(await correct.getByRole("radio", { name: "Kommunen" }).isChecked(), true);
  await correct.getByLabel(/^Planerad uppföljning/).fill("2027-01-29");
  await correct.getByRole("button", { name: "Spara" }).click();
  await page.getByText("Åtgärden Samtal med studievägledare om komvux är sparad.").waitFor();
  await measures.getByRole("cell", { name: "2027-01-29" }).waitFor();
  await subGoal.getByText(/planerad uppföljning 2027-01-29/).waitFor();

  // Void the assessment: a reason first.
  await planSection.getByRole("button", { name: /^Makulera bedömningen .* Delmål 1\.1/ }).click();
  const voidAssessment = page.getByRole("dialog", { name: "Makulera målbedömningen" });
  await voidAssessment.getByRole("button", { name: "Makulera" }).click();
  await voidAssessment.getByRole("link", { name: "Skriv varför målbedömningen makuleras." }).waitFor();
  await voidAssessment.getByLabel(/^Skäl till makuleringen/).fill("Bedömd på fel delmål");
  await voidAssessment.getByRole("button", { name: "Makulera" }).click();
  await page.getByText(/^Målbedömningen \d{4}-\d{2}-\d{2} är makulerad/).waitFor();
  await subGoal.getByText("Inte bedömt ännu").waitFor();
  await planSection.getByText("Inga bedömningar ännu.").waitFor();

  // 2. The same by keyboard alone, for the young person who called in today (first-contact list).
  // From Today's heading (where the keyboard starts) on, only keys.
  await page.goto(base);
  await page.getByRole("heading", { level: 1, name: "Idag" }).focus();
  await tabTo("the first-contact list", () => document.activeElement?.textContent?.startsWith("Första kontakt") ?? false);
  await page.keyboard.press("Enter");
  const calledName = "Tindra Planström";
  await page.getByRole("table", { name: "Första kontakt" }).getByRole("link", { name: calledName }).waitFor();
  await tabToNamed(calledName);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: calledName }).waitFor();
  await tabToNamed("Upprätta plan");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: `Upprätta plan för ${calledName}` }).waitFor();
  const goal2 = page.getByRole("group", { name: "Mål 1", exact: true });
  await tabTo("the goal's title", () => document.activeElement?.id?.endsWith("-title") ?? false);
  await page.keyboard.type("Hitta en praktikplats");
  await tabToNamed("Lägg till delmål i Mål 1");
  await page.keyboard.press("Enter");
  const sub2 = page.getByRole("group", { name: "Delmål 1.1" });
  await sub2.waitFor();
  await page.keyboard.type("Skriva ett CV");
  await tabToNamed("Ny åtgärd för Delmål 1.1");
  await page.keyboard.press("Enter");
  const measureDialog2 = page.getByRole("dialog", { name: "Ny åtgärd" });
  await measureDialog2.getByRole("option", { name: "Praktik" }).waitFor({ state: "attached" });
  await tabTo("the kind of measure", () => document.activeElement?.id === "measure-type");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown"); // Välj → … → Praktik (the third)
  assert.equal(await measureDialog2.getByLabel(/^Slag av åtgärd/).inputValue(), "internship");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Skriva CV med kommunens jobbcoach");
  await tabTo("the responsible", () => document.activeElement?.getAttribute("type") === "radio");
  await page.keyboard.press("ArrowDown"); // Den unga → Kommunen
  assert.ok(await measureDialog2.getByRole("radio", { name: "Kommunen" }).isChecked());
  await tabToNamed("Spara");
  await page.keyboard.press("Enter");
  await measureDialog2.waitFor({ state: "detached" });
  const box2 = sub2.getByRole("checkbox", { name: "Skriva CV med kommunens jobbcoach (Praktik)" });
  await box2.waitFor();
  assert.ok(await box2.isChecked(), "the new measure serves the sub-goal");
  await tabToNamed("Spara planen");
  await page.keyboard.press("Enter");
  await page.getByText("Planen är sparad.").waitFor();
  assert.ok(await page.getByText("Planen är sparad.").evaluate((e) => e.closest('[tabindex="-1"]') === document.activeElement), "the message takes the focus");
  const plan2 = page.getByRole("region", { name: "Handlingsplan" });
  await plan2.getByRole("heading", { name: "Delmål 1.1: Skriva ett CV" }).waitFor();
  await tabToNamed("Bedöm Delmål 1.1: Skriva ett CV");
  await page.keyboard.press("Enter");
  const assess2 = page.getByRole("dialog", { name: "Bedöm måluppfyllelse" });
  await assess2.waitFor();
  await tabTo("the result", () => document.activeElement?.getAttribute("type") === "radio");
  await page.keyboard.press("Space"); // Uppnått
  assert.ok(await assess2.getByRole("radio", { name: "Uppnått", exact: true }).isChecked());
  await tabToNamed("Spara");
  await page.keyboard.press("Enter");
  await page.getByText("Bedömningen av Delmål 1.1: Skriva ett CV är sparad.").waitFor();
  const sub2Item = plan2.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Delmål 1.1: Skriva ett CV" }) }).last();
  await sub2Item.getByText("Uppnått", { exact: true }).first().waitFor();
  await sub2Item.getByText(/Ansvarig: Kommunen/).waitFor();
  await shot("plan-by-keyboard");

  // 3. A 409: while anna revises the plan, someone else saves it; she takes theirs.
  await page.goto(`${base}${personPath}/plan`);
  await page.getByRole("heading", { level: 1, name: `Ändra planen för ${name}` }).waitFor();
  await page.getByRole("group", { name: "Mål 1", exact: true }).getByLabel(/^Rubrik/).fill("Börja på komvux i januari");
  const personId = personPath.split("/")[2];
  const plans = await (await anna.call("GET", `/api/v1/persons/${personId}/plans`)).json();
  const saved = plans.items.at(-1);
  const theirs = structuredClone(saved.data);
  theirs.goals[0].title = "Börja på folkhögskola";
  const put = await anna.call("PUT", `/api/v1/persons/${personId}/plans/${saved.id}`, theirs, { "If-Match": String(saved.version) });
  assert.equal(put.status, 200, await put.text());
  expectProblem(`409 ${base}/api/v1/persons/${personId}/plans/${saved.id}`);
  await page.getByRole("button", { name: "Spara planen" }).click();
  const conflict = page.getByRole("heading", { name: "Någon annan har sparat planen" });
  await conflict.waitFor();
  assert.ok(await conflict.evaluate((e) => e === document.activeElement), "the conflict's heading takes the focus");
  const row = page.getByRole("row", { name: /^Mål 1/ });
  await row.getByRole("cell", { name: /Börja på folkhögskola/ }).waitFor();
  await row.getByRole("cell", { name: /Börja på komvux i januari/ }).waitFor();
  await shot("plan-conflict");
  await page.getByRole("button", { name: "Använd den sparade planen" }).click();
  assert.equal(await page.getByRole("group", { name: "Mål 1", exact: true }).getByLabel(/^Rubrik/).inputValue(), "Börja på folkhögskola");
  await page.getByRole("button", { name: "Spara planen" }).click();
  await page.getByText("Planen är sparad.").waitFor();

  // 3b. Again, but she keeps her changes: her new goal and their new title for the sub-goal are both saved.
  await page.goto(`${base}${personPath}/plan`);
  await page.getByRole("heading", { level: 1, name: `Ändra planen för ${name}` }).waitFor();
  await page.getByRole("button", { name: "Lägg till mål" }).click();
  await page.getByRole("group", { name: "Mål 2", exact: true }).getByLabel(/^Rubrik/).fill("Ta körkort");
  const current = (await (await anna.call("GET", `/api/v1/persons/${personId}/plans`)).json()).items.at(-1);
  const theirs2 = structuredClone(current.data);
  theirs2.goals[0].sub_goals[0].title = "Träffa studievägledaren före jul";
  const put2 = await anna.call("PUT", `/api/v1/persons/${personId}/plans/${current.id}`, theirs2, { "If-Match": String(current.version) });
  assert.equal(put2.status, 200, await put2.text());
  expectProblem(`409 ${base}/api/v1/persons/${personId}/plans/${current.id}`);
  await page.getByRole("button", { name: "Spara planen" }).click();
  await page.getByRole("heading", { name: "Någon annan har sparat planen" }).waitFor();
  await page.getByRole("row", { name: /^Mål 2/ }).getByRole("cell", { name: /Ta körkort/ }).waitFor();
  assert.equal(await page.getByRole("row", { name: /^Delmål 1\.1/ }).count(), 0, "the table lists only what she changed");
  await page.getByRole("button", { name: "Behåll mina ändringar" }).click();
  assert.equal(await page.getByRole("group", { name: "Mål 2", exact: true }).getByLabel(/^Rubrik/).inputValue(), "Ta körkort");
  assert.equal(await page.getByRole("group", { name: "Delmål 1.1" }).getByLabel(/^Rubrik/).inputValue(), "Träffa studievägledaren före jul");
  await page.getByRole("button", { name: "Spara planen" }).click();
  await page.getByText("Planen är sparad.").waitFor();
  const merged = (await (await anna.call("GET", `/api/v1/persons/${personId}/plans`)).json()).items.at(-1).data;
  assert.deepEqual(merged.goals.map((g) => g.title), ["Börja på folkhögskola", "Ta körkort"], "her goal kept beside theirs");
  assert.equal(merged.goals[0].sub_goals[0].title, "Träffa studievägledaren före jul", "their sub-goal title kept");
  // The earlier versions, from the history: version 1 has the first title.
  await planSection.getByText("Tidigare versioner", { exact: true }).click();
  await planSection.getByRole("button", { name: "Visa version 1" }).click();
  await planSection.getByRole("heading", { name: /^Version 1, sparad / }).waitFor();
  await planSection.getByRole("region", { name: /^Version 1, sparad / }).getByRole("heading", { name: "Mål 1: Börja studera på komvux" }).waitFor();
  await shot("plan-revisions");
  await noViolations("the plan by keyboard and the conflict");

  // axe on the Plan section, the editor and every dialog.
  await axe.page.goto(`${base}/logga-in`);
  await axe.logIn("anna");
  await axe.page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await axe.page.goto(`${base}${personPath}`);
  const axePlan = axe.page.getByRole("region", { name: "Handlingsplan" });
  await axePlan.getByRole("heading", { name: "Mål 1: Börja på folkhögskola" }).waitFor();
  await axePlan.getByText("Tidigare versioner", { exact: true }).click();
  await axePlan.getByRole("button", { name: "Visa version 1" }).click();
  await axe.audit("the plan section");
  await axePlan.getByRole("button", { name: /^Bedöm Delmål 1\.1/ }).click();
  const axeAssess = axe.page.getByRole("dialog", { name: "Bedöm måluppfyllelse" });
  await axeAssess.getByRole("button", { name: "Spara" }).click();
  await axeAssess.getByRole("link", { name: "Välj bedömning." }).waitFor();
  await axe.audit("the assessment dialog with errors");
  await axe.page.keyboard.press("Escape");
  await axeAssess.waitFor({ state: "detached" });
  const axeMeasures = axe.page.getByRole("region", { name: "Åtgärder" });
  await axeMeasures.getByRole("button", { name: "Ny åtgärd" }).click();
  const axeMeasure = axe.page.getByRole("dialog", { name: "Ny åtgärd" });
  await axeMeasure.getByRole("button", { name: "Spara" }).click();
  await axeMeasure.getByRole("link", { name: "Välj slag av åtgärd." }).waitFor();
  await axe.audit("the measure dialog with errors");
  await axe.page.keyboard.press("Escape");
  await axeMeasure.waitFor({ state: "detached" });
  await axeMeasures.getByRole("button", { name: /^Rätta åtgärden / }).first().click();
  const axeCorrect = axe.page.getByRole("dialog", { name: "Rätta åtgärden" });
  await axeCorrect.getByRole("radio", { name: "Kommunen" }).waitFor();
  await axe.audit("the measure correction dialog");
  await axe.page.keyboard.press("Escape");
  await axeCorrect.waitFor({ state: "detached" });
  await axeMeasures.getByRole("button", { name: /^Makulera åtgärden / }).first().click();
  const axeVoid = axe.page.getByRole("dialog", { name: "Makulera åtgärden" });
  await axeVoid.getByRole("button", { name: "Makulera" }).click();
  await axeVoid.getByRole("link", { name: "Skriv varför åtgärden makuleras." }).waitFor();
  await axe.audit("the measure void dialog");
  await axe.page.keyboard.press("Escape");
  await axeVoid.waitFor({ state: "detached" });
  await axe.page.goto(`${base}/personer/${called.person_id}`);
  const axePlan2 = axe.page.getByRole("region", { name: "Handlingsplan" });
  await axePlan2.getByRole("button", { name: /^Makulera bedömningen / }).click();
  const axeVoidAssessment = axe.page.getByRole("dialog", { name: "Makulera målbedömningen" });
  await axeVoidAssessment.getByRole("button", { name: "Makulera" }).click();
  await axeVoidAssessment.getByRole("link", { name: "Skriv varför målbedömningen makuleras." }).waitFor();
  await axe.audit("the assessment void dialog");
  await axe.page.keyboard.press("Escape");
  await axe.page.goto(`${base}${personPath}/plan`);
  await axe.page.getByRole("heading", { level: 1, name: `Ändra planen för ${name}` }).waitFor();
  await axe.page.getByRole("group", { name: "Mål 1", exact: true }).getByLabel(/^Rubrik/).fill("");
  await axe.page.getByRole("button", { name: "Lägg till uppföljning eller utvärdering" }).click();
  await axe.page.getByRole("button", { name: "Spara planen" }).click();
  await axe.page.getByRole("link", { name: /rubrik i mål 1 måste anges/i }).first().waitFor();
  await axe.audit("the plan editor with errors");

  // The editor with unsaved changes asks before the header leaves it; the plan's void dialog.
  await axe.page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Idag" }).click();
  const axeLeave = axe.page.getByRole("alertdialog", { name: "Lämna planen utan att spara?" });
  await axeLeave.waitFor();
  await axe.audit("the dialog before leaving unsaved changes");
  await axeLeave.getByRole("button", { name: "Lämna utan att spara" }).click();
  await axe.page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await axe.page.goto(`${base}${personPath}`);
  await axe.page.getByRole("region", { name: "Handlingsplan" }).getByRole("button", { name: "Makulera planen" }).click();
  const axeVoidPlan = axe.page.getByRole("dialog", { name: "Makulera planen" });
  await axeVoidPlan.getByRole("button", { name: "Makulera" }).click();
  await axeVoidPlan.getByRole("link", { name: "Skriv varför planen makuleras." }).waitFor();
  await axe.audit("the plan's void dialog");
  await axe.page.keyboard.press("Escape");
  await axeVoidPlan.waitFor({ state: "detached" });

  // 4. Unsaved changes are not lost by leaving: the header's link, Back and the back link ask first.
  await planSection.getByRole("link", { name: "Ändra planen" }).click();
  await page.getByRole("heading", { level: 1, name: `Ändra planen för ${name}` }).waitFor();
  const typed = page.getByRole("group", { name: "Mål 1", exact: true }).getByLabel(/^Rubrik/);
  await typed.fill("Börja på folkhögskola i augusti");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Idag" }).click();
  const leave = page.getByRole("alertdialog", { name: "Lämna planen utan att spara?" });
  await leave.getByText("Du har ändrat i planen utan att spara. Lämnar du sidan nu går ändringarna förlorade.").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Stanna kvar");
  await shot("plan-leave-dialog");
  await leave.getByRole("button", { name: "Stanna kvar" }).click();
  await leave.waitFor({ state: "detached" });
  assert.equal(new URL(page.url()).pathname, `${personPath}/plan`);
  assert.equal(await typed.inputValue(), "Börja på folkhögskola i augusti", "Stanna kvar keeps what was typed");
  await page.evaluate(() => history.back());
  await leave.waitFor();
  await page.keyboard.press("Escape");
  await leave.waitFor({ state: "detached" });
  assert.equal(new URL(page.url()).pathname, `${personPath}/plan`);
  assert.equal(await typed.inputValue(), "Börja på folkhögskola i augusti", "Esc stays too");
  await page.getByRole("link", { name: "Tillbaka till personen" }).click();
  await leave.getByRole("button", { name: "Lämna utan att spara" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await planSection.getByRole("heading", { name: "Mål 1: Börja på folkhögskola" }).waitFor();

  // 5. The plan voided (drawn up by mistake): a reason first; then no plan, and the void in the history
  // with its goal assessment (one made just before, through the API), voided with it.
  const latest = (await (await anna.call("GET", `/api/v1/persons/${personId}/plans`)).json()).items.at(-1);
  const assessed = await anna.call("POST", `/api/v1/persons/${personId}/goal-assessments`, {
    goal_id: latest.data.goals[0].id, assessed_on: latest.data.drawn_up_on, result: "partly",
  });
  assert.equal(assessed.status, 201, await assessed.text());
  await planSection.getByRole("button", { name: "Makulera planen" }).click();
  const voidPlan = page.getByRole("dialog", { name: "Makulera planen" });
  await voidPlan.getByText(/Åtgärderna påverkas inte/).waitFor();
  await voidPlan.getByRole("button", { name: "Makulera" }).click();
  await voidPlan.getByRole("link", { name: "Skriv varför planen makuleras." }).waitFor();
  await voidPlan.getByLabel(/^Skäl till makuleringen/).fill("Upprättad av misstag");
  await shot("plan-void-dialog");
  await voidPlan.getByRole("button", { name: "Makulera" }).click();
  await page.getByText(/^Planen upprättad \d{4}-\d{2}-\d{2} \(version \d+\) är makulerad/).waitFor();
  await planSection.getByText("Ingen plan är upprättad för den pågående inskrivningen.").waitFor();
  await planSection.getByRole("link", { name: "Upprätta plan" }).waitFor();
  await shot("plan-voided");
  await page.getByRole("link", { name: "Hela historiken" }).click();
  await page.getByRole("heading", { level: 1, name: /^Historik för / }).waitFor();
  assert.match(await page.getByRole("row").filter({ hasText: "Plan makulerad" }).innerText(), /Skäl: Upprättad av misstag/);
  // Its goal assessments went with it (the server voids them with the plan's reason).
  await page.getByRole("row").filter({ hasText: "Makulerad med planen: Upprättad av misstag" }).first().waitFor();
  await noViolations("leaving the editor and voiding the plan");
});
