// End to end, the administrator's work in the browser (/administration), against the demo municipality:
// - demo (administrator and unit manager) finds Administration in the menu; adds a caseworker in KAA
//   Söder (a too short password first: the server's 422 beside the field); changes a deadline (0 first:
//   the 422) and sees it after a reload; deactivates the new user; is told plainly that the last active
//   administrator must stay one; lists the accounts unused for 90 days; adds a unit; reads the code lists;
// - anna (caseworker) has no Administration in her menu, and /administration says she may not;
// - every tab and dialog passes axe-core's WCAG 2.1 AA rules (no serious or critical violation), with
//   no CSP violation; a screenshot of each in tests/e2e/screenshots/.
// Usage: node tests/e2e/admin.mjs LOTSEN_BINARY WEB_DIR   (WEB_DIR: web/, built into web/dist)
import assert from "node:assert/strict";
import { apiAs, e2e } from "./harness.mjs";


await e2e(async ({ base, page, axe, logIn, logOut, shot, expectProblem, noViolations }) => {
  await page.goto(base);
  await logIn("demo");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).click();
  await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
  const users = page.getByRole("table", { name: "Användare" });
  const row = (name) => users.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await row("anna").getByRole("cell", { name: "handläggare", exact: true }).waitFor();
  await shot("admin-users");

  // A caseworker in KAA Söder: the server's rule on the password first.
  await page.getByRole("button", { name: "Lägg till användare" }).click();
  const add = page.getByRole("dialog", { name: "Lägg till användare" });
  await add.getByLabel(/^Användarnamn/).fill("cecilia");
  await add.getByLabel(/^Lösenord/).fill("kort");
  await add.getByRole("checkbox", { name: "handläggare" }).check();
  await add.getByRole("checkbox", { name: "KAA Söder" }).check();
  expectProblem(`422 ${base}/api/v1/users`);
  await add.getByRole("button", { name: "Lägg till" }).click();
  await add.getByRole("link", { name: /12 tecken/ }).waitFor();
  await shot("admin-add-user-422");
  await add.getByLabel(/^Lösenord/).fill("cecilias-forsta-losenord");
  await add.getByRole("button", { name: "Lägg till" }).click();
  await page.getByText("cecilia är tillagd.").waitFor();
  await row("cecilia").getByRole("cell", { name: "KAA Söder", exact: true }).waitFor();
  const cecilia = await apiAs(base, "cecilia", "cecilias-forsta-losenord");
  assert.equal((await cecilia.call("GET", "/api/v1/session")).status, 200, "the new caseworker logs in");

  // A deadline: 0 is refused by the server beside the field, 10 is saved and holds after a reload.
  await page.getByRole("tab", { name: "Inställningar" }).click();
  const firstContact = page.getByRole("textbox", { name: /^Första kontakt \(dagar\)/ });
  assert.equal(await firstContact.inputValue(), "14");
  await firstContact.fill("0");
  expectProblem(`422 ${base}/api/v1/settings`);
  await page.getByRole("button", { name: "Spara" }).click();
  await page.getByRole("link", { name: /är ett heltal från 1 till 3650/ }).waitFor();
  await firstContact.fill("10");
  await page.getByRole("button", { name: "Spara" }).click();
  await page.getByText("Inställningarna är sparade.", { exact: false }).waitFor();
  await shot("admin-settings");
  await page.reload();
  await page.getByRole("tab", { name: "Inställningar", selected: true }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: /^Första kontakt \(dagar\)/ }).inputValue(), "10");
  const settings = await (await cecilia.call("GET", "/api/v1/settings")).json();
  assert.equal(settings.first_contact_days, 10, "the server holds it");

  // Deactivate the new user; the last administrator cannot be demoted.
  await page.getByRole("tab", { name: "Användare" }).click();
  await row("cecilia").getByRole("button", { name: "Ändra cecilia" }).click();
  const edit = page.getByRole("dialog", { name: "Ändra cecilia" });
  await edit.getByRole("checkbox", { name: /^Kontot är aktivt/ }).uncheck();
  await edit.getByRole("button", { name: "Spara" }).click();
  await page.getByText("Ändringarna för cecilia är sparade.").waitFor();
  await row("cecilia").getByRole("cell", { name: "Inaktiverad" }).waitFor();
  assert.equal((await cecilia.call("GET", "/api/v1/session")).status, 401, "deactivation ends her session");

  await row("demo").getByRole("button", { name: "Ändra demo" }).click();
  const self = page.getByRole("dialog", { name: "Ändra demo" });
  await self.getByRole("checkbox", { name: "administratör" }).uncheck();
  const accounts = await (await (await apiAs(base, "demo")).call("GET", "/api/v1/users")).json();
  expectProblem(`409 ${base}/api/v1/users/${accounts.items.find((u) => u.username === "demo").id}`);
  await self.getByRole("button", { name: "Spara" }).click();
  await self.getByRole("heading", { name: "Det måste finnas en aktiv administratör" }).waitFor();
  await shot("admin-last-admin");
  await page.keyboard.press("Escape");
  await self.waitFor({ state: "detached" });

  // The accounts nobody has used for 90 days (never logged in counts).
  await page.getByLabel(/^Antal dagar utan inloggning/).fill("90");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await page.waitForURL(/inaktiva=90/);
  await page.getByText(/inte använts på 90 dagar|Inga aktiva konton har varit oanvända/).waitFor();
  assert.equal(await row("demo").count(), 0, "demo logged in today");
  await shot("admin-users-inactive");
  await page.getByRole("button", { name: "Visa alla konton" }).click();

  await page.getByRole("tab", { name: "Enheter" }).click();
  await page.getByRole("table", { name: "Enheter" }).getByRole("cell", { name: "KAA Söder" }).waitFor();
  await page.getByRole("textbox", { name: "Ny enhet" }).fill("KAA Väster");
  await page.getByRole("button", { name: "Lägg till enhet" }).click();
  await page.getByRole("table", { name: "Enheter" }).getByRole("cell", { name: "KAA Väster" }).waitFor();
  await shot("admin-units");

  await page.getByRole("tab", { name: "Kodlistor" }).click();
  const channels = page.getByRole("table", { name: /Kontaktväg/ });
  await channels.getByRole("cell", { name: "Telefon", exact: true }).waitFor();
  await shot("admin-code-lists");
  await noViolations("the administration");
  await logOut();

  // A caseworker: no menu entry, and the page says she may not.
  await logIn("anna");
  await page.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Administration" }).count(), 0);
  await page.goto(`${base}/administration`);
  await page.getByText("Du har inte behörighet till administrationen.", { exact: false }).waitFor();
  assert.equal(await page.getByRole("tab").count(), 0);
  await shot("admin-refused");
  await noViolations("the refusal");

  // Accessibility of every tab and dialog.
  const { page: a, audit } = axe;
  await a.goto(`${base}/administration`);
  await axe.logIn("demo"); // back to the page asked for
  await a.getByRole("table", { name: "Användare" }).waitFor();
  await audit("Administration: users");
  await a.getByRole("button", { name: "Lägg till användare" }).click();
  const axeAdd = a.getByRole("dialog", { name: "Lägg till användare" });
  await axeAdd.getByRole("button", { name: "Lägg till" }).click();
  await axeAdd.getByRole("link", { name: "Skriv ett användarnamn." }).waitFor();
  await audit("the add-user dialog with its errors");
  await a.keyboard.press("Escape");
  await axeAdd.waitFor({ state: "detached" });
  await a.getByRole("button", { name: "Ändra anna" }).click();
  await a.getByRole("dialog", { name: "Ändra anna" }).getByRole("checkbox", { name: "KAA Norr" }).waitFor();
  await audit("the change-user dialog");
  await a.keyboard.press("Escape");
  await a.getByRole("button", { name: "Nytt lösenord för anna" }).click();
  await a.getByRole("dialog", { name: "Nytt lösenord för anna" }).waitFor();
  await audit("the new-password dialog");
  await a.keyboard.press("Escape");
  for (const [tab, ready] of [
    ["Enheter", () => a.getByRole("table", { name: "Enheter" })],
    ["Inställningar", () => a.getByRole("textbox", { name: /^Första kontakt/ })],
    ["Kodlistor", () => a.getByRole("table", { name: /Kontaktväg/ })],
  ]) {
    await a.getByRole("tab", { name: tab }).click();
    await ready().waitFor();
    await audit(`Administration: ${tab}`);
  }
  await a.getByRole("button", { name: "Logga ut" }).click();
  await axe.logIn("anna");
  await a.getByRole("heading", { level: 1, name: "Idag" }).waitFor();
  await a.goto(`${base}/administration`);
  await a.getByText("Du har inte behörighet till administrationen.", { exact: false }).waitFor();
  await audit("the refusal");
});
