// The walking skeleton's slice, in the real window: create and edit an organisation
// profile, see the required-field errors, switch the language, restart, and find it all kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Key } from "webdriverio";
import { byTestId, launch, sampleOrganisation, scratch, seedOrganisations, shot, choose } from "./driver.mjs";

test("an organisation profile is created, edited and still listed after a restart", { timeout: 240_000 }, async () => {
  const place = scratch();
  let app = await launch(place);
  try {
    const { browser } = app;
    await byTestId(browser, "org-empty");

    // Saving a blank form names every required field next to it.
    await (await byTestId(browser, "org-save")).click();
    assert.match(await (await byTestId(browser, "field-unp-error")).getText(), /УНП/);
    assert.match(await (await byTestId(browser, "field-full_name-error")).getText(), /обязательно/);

    for (const [field, value] of Object.entries(sampleOrganisation)) {
      const input = await byTestId(browser, `field-${field}`);
      if (field === "kind") await choose(browser, input, value);
      else await input.setValue(value);
    }
    await (await byTestId(browser, "org-save")).click();
    await byTestId(browser, "org-saved");
    assert.equal((await browser.$$('[data-testid="org-item"]')).length, 1);
    if (process.env.ZAYAVA_SCREENSHOT_ORGANISATION) await shot(browser, process.env.ZAYAVA_SCREENSHOT_ORGANISATION, { top: true });

    // Edit: change the e-mail and save again.
    // A wrong check digit is refused next to the field, and the stored profile is unchanged.
    const unp = await byTestId(browser, "field-unp");
    await unp.click();
    await browser.keys([Key.Ctrl, "a"]);
    await unp.addValue("100217337");
    await (await byTestId(browser, "org-save")).click();
    assert.match(await (await byTestId(browser, "field-unp-error")).getText(), /контрольная цифра/);
    await unp.click();
    await browser.keys([Key.Ctrl, "a"]);
    await unp.addValue("100217336");
    const email = await byTestId(browser, "field-email");
    await email.click();
    await browser.keys([Key.Ctrl, "a"]);
    await email.addValue("new@example.by");
    await (await byTestId(browser, "org-save")).click();
    await byTestId(browser, "org-saved");

    // Switch the interface to English; the navigation follows at once.
    await (await byTestId(browser, "nav-settings")).click();
    await choose(browser, await byTestId(browser, "settings-language"), "en");
    await browser.waitUntil(async () => (await (await byTestId(browser, "nav-settings")).getText()) === "Settings", {
      timeout: 5_000,
    });
    assert.equal(await (await byTestId(browser, "settings-database")).getText(), place.db);
  } finally {
    await app.close();
  }

  // Restart the app on the same database.
  app = await launch(place);
  try {
    const { browser } = app;
    // With an organisation stored, the app opens on what is due.
    const dashboard = await byTestId(browser, "nav-dashboard");
    await browser.waitUntil(async () => (await dashboard.getAttribute("aria-current")) === "page", { timeout: 10_000, timeoutMsg: "did not open on the dashboard" });
    await (await byTestId(browser, "nav-organisations")).click();
    const item = await byTestId(browser, "org-item");
    assert.match(await item.getText(), /ГУ «Городской архив»/);
    assert.equal(await (await byTestId(browser, "nav-organisations")).getText(), "Organisations", "language remembered");
    await item.click();
    assert.equal(await (await byTestId(browser, "field-email")).getValue(), "new@example.by");
    assert.equal(await (await byTestId(browser, "field-unp")).getValue(), "100217336");
    // Stored as +375173113000, shown as people write it.
    assert.equal(await (await byTestId(browser, "field-phone")).getValue(), "+375\u00a017\u00a0311-30-00");
  } finally {
    await app.close();
  }
});

test("the form checks each field as it is left, takes a local phone, warns of a second profile with the same УНП, and archives or deletes after asking", { timeout: 240_000 }, async () => {
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation]);
  const app = await launch(place);
  try {
    const { browser } = app;
    await (await byTestId(browser, "nav-organisations")).click();
    await (await byTestId(browser, "org-new")).click();
    // Leaving a field checks it, before any save: a wrong phone is named at once.
    const phone = await byTestId(browser, "field-phone");
    await phone.setValue("8029 123");
    await (await byTestId(browser, "field-email")).click();
    assert.match(await (await byTestId(browser, "field-phone-error")).getText(), /8 029 123-45-67/);
    // A field not yet reached says nothing.
    assert.equal((await browser.$$('[data-testid="field-iban-error"]')).length, 0);
    for (const [field, value] of Object.entries({ ...sampleOrganisation, short_name: "ГУ «Архив-2»", phone: "8029 123-45-67" })) {
      const input = await byTestId(browser, `field-${field}`);
      if (field === "kind") await choose(browser, input, value);
      else {
        // Select what is there and type over it, as a person does (clearing the field
        // from the driver leaves the page's own copy of the value behind).
        await input.click();
        await browser.keys([Key.Ctrl, "a"]);
        await input.addValue(value);
      }
    }
    await (await byTestId(browser, "field-full_name")).click();
    // The УНП is the first profile's: said before saving, with a way to open that one.
    const same = await byTestId(browser, "org-same-unp");
    assert.match(await same.getText(), /УНП уже есть: «ГУ «Городской архив»»/);
    await (await byTestId(browser, "org-save")).click();
    await (await byTestId(browser, "org-save-anyway")).click();
    await byTestId(browser, "org-saved");
    assert.equal(await (await byTestId(browser, "field-phone")).getValue(), "+375\u00a029\u00a0123-45-67", "the local form is stored as +375 and shown grouped");
    assert.equal((await browser.$$('[data-testid="org-item"]')).length, 2);

    // The second has no applications: it may be deleted, after a question.
    await (await byTestId(browser, "org-delete")).click();
    const ask = await byTestId(browser, "org-delete-confirm");
    assert.match(await ask.getText(), /Удалить организацию «ГУ «Архив-2»»\?/);
    await (await byTestId(browser, "org-delete-yes")).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="org-item"]')).length === 1, { timeout: 5_000 });

    // The first has an application: archived, not deleted.
    await (await byTestId(browser, "nav-applications")).click();
    await choose(browser, await byTestId(browser, "app-new-service"), "one-window");
    await (await byTestId(browser, "app-new")).click();
    assert.equal(await (await byTestId(browser, "field-contracting_name")).getValue(), sampleOrganisation.full_name, "a new application takes its organisation's name");
    await (await byTestId(browser, "nav-organisations")).click();
    await (await byTestId(browser, "org-item")).click();
    assert.equal((await browser.$$('[data-testid="org-delete"]')).length, 0);
    await (await byTestId(browser, "org-archive")).click();
    await byTestId(browser, "org-show-archived");
    assert.equal((await browser.$$('[data-testid="org-item"]')).length, 0, "archived: out of the list");
    await (await byTestId(browser, "nav-applications")).click();
    assert.equal(await (await byTestId(browser, "app-new")).getAttribute("disabled"), "true", "no application without an organisation");
  } finally {
    await app.close();
  }
});
