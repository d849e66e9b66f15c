// The app as a user gets it: run against the binary the .deb installs (scripts/test.sh sets
// ZAYAVA_APP=/usr/bin/zayava-desktop after `dpkg -i`), or against the build otherwise. It
// starts, shows its Russian window, and keeps its data in the file it was given.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { appBinary, byTestId, launch, scratch } from "./driver.mjs";

test(`the app starts and shows its window (${appBinary})`, { timeout: 120_000 }, async () => {
  const place = scratch();
  const app = await launch(place);
  try {
    const { browser } = app;
    assert.equal(await browser.getTitle(), "Заява");
    assert.match(await (await byTestId(browser, "nav-organisations")).getText(), /Организации/);
    await (await byTestId(browser, "nav-settings")).click();
    assert.equal(await (await byTestId(browser, "settings-database")).getText(), place.db);
  } finally {
    await app.close();
  }
  assert.ok(existsSync(place.db), "the database was created where it was asked");
});
