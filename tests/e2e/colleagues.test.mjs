// Issue 20 in the real window: one account on a real zayava-server, an editor's desktop, a
// colleague's change made meanwhile, and a reader's desktop. What a user meets: who they are
// under the navigation (fitting from 900×600 up), a conflict shown on the application itself
// and reachable from the count under the navigation, settled there with a word on what became
// of it; and a reader's desktop that says at the top why nothing can be changed and offers no
// change at all. Screens are saved to $CARGO_TARGET_DIR/screenshots/colleagues-*.png.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Key } from "webdriverio";
import { appBinary, byTestId, launch, press, sampleOrganisation, scratch, seedOrganisations, shot, startServer, syncNow, typeInto } from "./driver.mjs";

const serverBinary = path.join(path.dirname(appBinary), "zayava-server");
const shots = path.join(process.env.CARGO_TARGET_DIR ?? path.resolve("../target"), "screenshots");
const ACCOUNT = "ООО Ромашка";
const SIZES = [[900, 600], [1280, 800], [1920, 1080]];
const APP_ID = "00000000-0000-4000-8000-000000000001";
const values = { admin_name: "Сидоров Сергей", admin_email: "admin@example.by", admin_phone: "+375 29 765-43-21", send_method: "smdo", crypto_client: true, channel: true, want_access: true, trained_before: true, no_debts: true };

function addUser(database, user, role) {
  const out = execFileSync(serverBinary, ["users", "add", "--database", database, "--account", ACCOUNT, "--user", user, "--role", role], { encoding: "utf8" });
  return out.trim().split("\n").pop().trim();
}

async function size(browser, w, h) {
  await browser.setWindowSize(w, h);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= w, { timeout: 5_000 });
  await browser.pause(300);
}

async function connect(browser, url, token) {
  // The status under the navigation is there once the app has read its database.
  await byTestId(browser, "sync-status");
  await (await byTestId(browser, "nav-settings")).click();
  await typeInto(browser, "sync-url", url);
  await press(browser, "sync-url-save");
  await browser.waitUntil(async () => (await (await byTestId(browser, "sync-url")).getValue()) === url, { timeout: 5_000 });
  await typeInto(browser, "sync-token", token);
  await press(browser, "sync-token-save");
  await browser.waitUntil(async () => /сохранён в хранилище/.test(await (await byTestId(browser, "sync-token-state")).getText()), { timeout: 10_000 });
}

/** Whatever of the status under the navigation reaches past the navigation's right edge. */
async function statusOverflow(browser) {
  return browser.execute(() => {
    const edge = document.querySelector(".sidebar").getBoundingClientRect().right;
    return [...document.querySelectorAll('[data-testid="sync-status"] *')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1)
      .map((el) => `${el.tagName} «${el.textContent.trim().slice(0, 30)}» ends at ${Math.round(el.getBoundingClientRect().right)} of ${Math.round(edge)}`);
  });
}

async function openApplication(browser) {
  await (await byTestId(browser, "nav-applications")).click();
  const back = await browser.$('[data-testid="app-back"]');
  if ((await back.isExisting()) && (await back.isDisplayed())) await back.click();
  await (await byTestId(browser, "app-item")).click();
  await byTestId(browser, "app-editor");
}

test("several desktops in the window: who you are, a colleague's conflict on the application, a reader's desktop", { timeout: 300_000 }, async () => {
  mkdirSync(shots, { recursive: true });
  const home = scratch();
  const database = `sqlite://${path.join(home.dir, "server.sqlite3")}`;
  const olga = addUser(database, "Ольга Петрова", "editor");
  const ivan = addUser(database, "Иван Сидоренко", "editor");
  const natalia = addUser(database, "Наталья Ковалёва", "reader");
  const server = await startServer(22000 + (process.pid % 1000), ["--database", database]);
  try {
    const place = scratch();
    seedOrganisations(place, [sampleOrganisation], [{ service: "constructor", schema_version: "constructor@2024-10-17", values }]);
    let app = await launch(place);
    try {
      const { browser } = app;
      await connect(browser, server.url, olga);
      await syncNow(browser);
      await browser.waitUntil(async () => (await (await byTestId(browser, "sync-account")).getText()) === ACCOUNT, { timeout: 10_000 });
      for (const [w, h] of SIZES) {
        await size(browser, w, h);
        assert.deepEqual(await statusOverflow(browser), [], `the status under the navigation fits at ${w}×${h}`);
        await shot(browser, path.join(shots, `colleagues-status-${w}x${h}.png`), { top: true });
      }

      // Иван changes the application on his desktop (pushed as his desktop pushes), while
      // Ольга changes it on hers; her sync meets his version.
      const device = { authorization: `Bearer ${ivan}`, "zayava-device": "b0000000-0000-4000-8000-00000000000b" };
      const feed = await (await fetch(`${server.url}/v1/events?after=0`, { headers: device })).json();
      const mine = feed.changes.filter((c) => c.kind === "application" && c.entity === APP_ID).pop();
      const payload = { ...mine.payload, form_values: { ...mine.payload.form_values, admin_name: "Сидоренко Иван" } };
      const pushed = await fetch(`${server.url}/v1/batch`, {
        method: "POST",
        headers: { ...device, "content-type": "application/json" },
        body: JSON.stringify({ items: [{ idempotency_key: "e2e-colleague-edit-0001", kind: "application", entity: APP_ID, base_revision: mine.revision, payload }] }),
      });
      assert.equal((await pushed.json()).results[0].outcome, "applied");
      await size(browser, 1280, 800);
      await openApplication(browser);
      await typeInto(browser, "field-admin_name", "Сидоров Сергей Петрович");
      await browser.keys(Key.Tab);
      await browser.waitUntil(async () => /Сохранено/.test(await (await byTestId(browser, "app-saved")).getText()), { timeout: 5_000 });
      await syncNow(browser);

      // The count under the navigation leads to the application, which shows both versions.
      await (await byTestId(browser, "nav-settings")).click();
      await press(browser, "sync-conflicts-open");
      const conflict = await byTestId(browser, "sync-conflict");
      assert.match(await conflict.getText(), /Иван Сидоренко/);
      assert.ok(await (await byTestId(browser, "app-editor")).isExisting());
      assert.equal(await browser.$('[data-testid="app-ready"]').isExisting(), false, "not marked ready while the conflict waits");
      for (const [w, h] of SIZES) {
        await size(browser, w, h);
        await shot(browser, path.join(shots, `colleagues-conflict-${w}x${h}.png`), { top: true });
      }
      await size(browser, 1280, 800);
      if (await (await browser.$('[data-testid="app-back"]')).isDisplayed()) await (await byTestId(browser, "app-back")).click();
      assert.match(await (await byTestId(browser, "app-item-conflict")).getText(), /конфликт/, "the list marks it");
      await (await byTestId(browser, "app-item")).click();
      await press(browser, "sync-take-theirs");
      assert.match(await (await byTestId(browser, "app-conflict-settled")).getText(), /Принята другая версия/);
      await browser.waitUntil(async () => (await (await byTestId(browser, "field-admin_name")).getValue()) === "Сидоренко Иван", { timeout: 5_000 });
      assert.equal(await browser.$('[data-testid="sync-conflict"]').isExisting(), false);
      await byTestId(browser, "app-ready");
    } finally {
      await app.close();
    }

    // A reader's desktop: told at the top, the form locked, no changing action offered.
    const readerPlace = scratch();
    app = await launch(readerPlace);
    try {
      const { browser } = app;
      await connect(browser, server.url, natalia);
      await syncNow(browser);
      const notice = await byTestId(browser, "read-only");
      assert.match(await notice.getText(), /ООО Ромашка/);
      await openApplication(browser);
      assert.equal(await (await byTestId(browser, "field-admin_name")).isEnabled(), false, "the form is locked");
      assert.equal(await browser.$('[data-testid="app-ready"]').isExisting(), false);
      // Asked of the page: WebKit's driver does not count a fieldset inside a disabled one.
      assert.equal(await browser.execute(() => document.querySelector('[data-testid="app-outgoing-number"]').matches(":disabled")), true, "nor the outgoing letter's number");
      assert.equal(await browser.$('[data-testid="life-form"]').isExisting(), false, "no event can be recorded");
      for (const [w, h] of SIZES) {
        await size(browser, w, h);
        await shot(browser, path.join(shots, `colleagues-reader-${w}x${h}.png`), { top: true });
      }
      await (await byTestId(browser, "nav-organisations")).click();
      await (await byTestId(browser, "org-item")).click();
      await byTestId(browser, "org-form");
      assert.equal(await browser.$('[data-testid="org-save"]').isExisting(), false, "an organisation is not saved either");
    } finally {
      await app.close();
    }
  } finally {
    server.child.kill();
  }
});
