// The walking skeleton's slice, in the real window: create and edit an organisation
// profile, see the required-field errors, switch the language, restart, and find it all kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { byTestId, launch, scratch, shot } from "./driver.mjs";

test("an organisation profile is created, edited and still listed after a restart", { timeout: 240_000 }, async () => {
  const place = scratch();
  let app = await launch(place);
  try {
    const { browser } = app;
    await byTestId(browser, "org-empty");

    // Saving a blank form names every required field next to it.
    await (await byTestId(browser, "org-save")).click();
    const unpError = await byTestId(browser, "org-unp-error");
    assert.match(await unpError.getText(), /УНП/);
    assert.match(await (await byTestId(browser, "org-name-error")).getText(), /обязательно/);

    await (await byTestId(browser, "org-name")).setValue("ОАО «Тестовая организация»");
    await (await byTestId(browser, "org-unp")).setValue("190000001");
    await (await byTestId(browser, "org-address")).setValue("220140, г. Минск, ул. Притыцкого, 64");
    await (await byTestId(browser, "org-email")).setValue("office@example.by");
    await (await byTestId(browser, "org-save")).click();
    await byTestId(browser, "org-saved");
    assert.equal((await browser.$$('[data-testid="org-item"]')).length, 1);
    // The README's screenshot is refreshed from here: ZAYAVA_SCREENSHOT=docs/screenshot.png.
    if (process.env.ZAYAVA_SCREENSHOT) await shot(browser, process.env.ZAYAVA_SCREENSHOT);

    // Edit: change the e-mail and save again.
    const email = await byTestId(browser, "org-email");
    await email.clearValue();
    await email.setValue("new@example.by");
    await (await byTestId(browser, "org-save")).click();
    await byTestId(browser, "org-saved");

    // Switch the interface to English; the navigation follows at once.
    await (await byTestId(browser, "nav-settings")).click();
    await (await byTestId(browser, "settings-language")).selectByAttribute("value", "en");
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
    const item = await byTestId(browser, "org-item");
    assert.match(await item.getText(), /ОАО «Тестовая организация»/);
    assert.equal(await (await byTestId(browser, "nav-organisations")).getText(), "Organisations", "language remembered");
    await item.click();
    assert.equal(await (await byTestId(browser, "org-email")).getValue(), "new@example.by");
    assert.equal(await (await byTestId(browser, "org-unp")).getValue(), "190000001");
  } finally {
    await app.close();
  }
});
