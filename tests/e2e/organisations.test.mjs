// The walking skeleton's slice, in the real window: create and edit an organisation
// profile, see the required-field errors, switch the language, restart, and find it all kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Key } from "webdriverio";
import { byTestId, launch, sampleOrganisation, scratch, shot, choose } from "./driver.mjs";

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
    assert.equal(await (await byTestId(browser, "field-phone")).getValue(), "+375173113000", "stored in its normal form");
  } finally {
    await app.close();
  }
});
