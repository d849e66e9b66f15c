// Issue 8 in the real window: a damaged database gets the recovery screen, not a crash; a
// copy saved from Settings through the system's dialog is a whole database that
// `zayava restore` puts back, and restore refuses a file that is not one.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { answerFileDialog, byTestId, cliBinary, launch, press, sampleOrganisation, scratch, seedOrganisations, shot } from "./driver.mjs";

test("a damaged database opens on the recovery screen, with the way out offered", { timeout: 120_000 }, async () => {
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation]);
  for (let i = 0; i < 100; i++) execFileSync(cliBinary, ["--db", place.db, "info"], { stdio: "ignore" });
  const bytes = readFileSync(place.db);
  bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
  writeFileSync(place.db, bytes);
  const app = await launch(place);
  try {
    const { browser } = app;
    const screen = await byTestId(browser, "startup-error");
    assert.match(await screen.getText(), /База данных повреждена/);
    assert.match(await (await byTestId(browser, "startup-error-message")).getText(), /резервной копии|новой базы/);
    // Starting afresh asks first; cancelling leaves everything as it was.
    await (await byTestId(browser, "recovery-fresh")).click();
    const confirm = await byTestId(browser, "recovery-fresh-confirm");
    assert.match(await confirm.getText(), /Продолжить\?/);
    await (await confirm.$("button=Отмена")).click();
    await byTestId(browser, "recovery-fresh");
    if (process.env.ZAYAVA_SCREENSHOT_RECOVERY) await shot(browser, process.env.ZAYAVA_SCREENSHOT_RECOVERY);
  } finally {
    await app.close();
  }
  assert.deepEqual(readFileSync(place.db), bytes, "the damaged file was left as it was");
});

test("a copy saved from Settings is restored by `zayava restore`; a stray file is refused", { timeout: 180_000 }, async () => {
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation]);
  const copy = path.join(place.dir, "копия.sqlite3");
  const app = await launch(place);
  try {
    const { browser } = app;
    await (await byTestId(browser, "nav-settings")).click();
    await press(browser, "backup-save");
    await answerFileDialog(copy, "^Save File$");
    await browser.waitUntil(async () => (await browser.$('[data-testid="backup-saved"]').isExisting()), { timeout: 20_000 });
    assert.match(await (await byTestId(browser, "backup-saved")).getText(), /копия\.sqlite3/);
  } finally {
    await app.close();
  }
  const other = path.join(place.dir, "other.sqlite3");
  const stray = path.join(place.dir, "notes.txt");
  writeFileSync(stray, "не база данных");
  const refused = spawnSync(cliBinary, ["--db", other, "restore", stray], { encoding: "utf8" });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /не база данных Заявы.*\[store\.not_a_backup\]/);
  execFileSync(cliBinary, ["--db", other, "restore", copy]);
  const listed = execFileSync(cliBinary, ["--db", other, "organisations", "list"], { encoding: "utf8" });
  assert.match(listed, /Городской архив/);
});
