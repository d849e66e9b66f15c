// Issue 7 in the real window, against the real operator sandbox on loopback: the address is
// checked (https or this computer only), the token goes to the real Secret Service, "Sync
// now" sends the sent application, the operator registers it, and the next sync puts the
// operator's event into the application's history with the registration number.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { appBinary, byTestId, launch, press, sampleOrganisation, scratch, seedOrganisations, shot, startServer, syncNow, typeInto } from "./driver.mjs";

const serverBinary = path.join(path.dirname(appBinary), "zayava-server");
const TOKEN = "e2e-sandbox-token";
const APP_ID = "00000000-0000-4000-8000-000000000001";

const startSandbox = (port) => startServer(port, ["--database", "sqlite::memory:", "--sandbox-token", TOKEN]);

function operator(url, ...args) {
  return execFileSync(serverBinary, ["admin", "--url", url, "--token", TOKEN, ...args], { encoding: "utf8" });
}

test("the exchange with the operator: settings, token in the keyring, sync now, the operator's event comes back", { timeout: 240_000 }, async () => {
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation], [{
    service: "constructor",
    schema_version: "constructor@2024-10-17",
    values: { admin_name: "Сидоров Сергей", admin_email: "admin@example.by", admin_phone: "+375 29 765-43-21", send_method: "smdo", crypto_client: true, channel: true, want_access: true, trained_before: true, no_debts: true },
  }]);
  const sandbox = await startSandbox(21000 + (process.pid % 1000));
  const app = await launch(place);
  try {
    const { browser } = app;
    assert.match(await (await byTestId(browser, "sync-status")).getText(), /Не настроен/);

    // The application is marked ready and sent, as the user would.
    await (await byTestId(browser, "nav-applications")).click();
    await (await byTestId(browser, "app-item")).click();
    await (await byTestId(browser, "app-ready")).click();
    await browser.waitUntil(async () => (await (await byTestId(browser, "life-event-kind")).getValue()) === "application_sent", { timeout: 5_000 });
    await typeInto(browser, "life-event-date", "20.11.2026");
    await press(browser, "life-event-save");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="life-event"]')).length === 1, { timeout: 5_000 });

    // Settings: a plain-http address elsewhere is refused with a sentence; the sandbox's is taken.
    await (await byTestId(browser, "nav-settings")).click();
    await typeInto(browser, "sync-url", "http://operator.example.by");
    await press(browser, "sync-url-save");
    assert.match(await (await byTestId(browser, "sync-url-error")).getText(), /https/);
    await typeInto(browser, "sync-url", `${sandbox.url}/`);
    await press(browser, "sync-url-save");
    await browser.waitUntil(async () => (await (await byTestId(browser, "sync-url")).getValue()) === sandbox.url, { timeout: 5_000 });
    await typeInto(browser, "sync-token", TOKEN);
    await press(browser, "sync-token-save");
    await browser.waitUntil(async () => /сохранён в хранилище/.test(await (await byTestId(browser, "sync-token-state")).getText()), { timeout: 10_000 });

    // Sync now: everything pending goes; the last exchange time shows.
    await syncNow(browser);
    await browser.waitUntil(async () => (await (await byTestId(browser, "sync-pending")).getText()) === "0", { timeout: 10_000 });
    assert.match(await (await byTestId(browser, "sync-last")).getText(), /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    const listed = JSON.parse(operator(sandbox.url, "list"));
    assert.equal(listed.length, 1);
    assert.equal(listed[0].id, APP_ID);
    assert.equal(listed[0].sent, true);

    // The operator registers it; the next sync brings the event into the history.
    operator(sandbox.url, "receive", APP_ID, "--number", "НЦЭУ-0017", "--at", "2026-11-23");
    await syncNow(browser);
    await (await byTestId(browser, "nav-applications")).click();
    await (await byTestId(browser, "app-item")).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="life-event"]')).length === 2, { timeout: 10_000 });
    const events = await browser.$$('[data-testid="life-event"]');
    assert.match(await events[1].getText(), /23\.11\.2026/);
    if (process.env.ZAYAVA_SCREENSHOT_SYNC) {
      await (await byTestId(browser, "nav-settings")).click();
      await shot(browser, process.env.ZAYAVA_SCREENSHOT_SYNC, { top: true });
    }
  } finally {
    await app.close();
    sandbox.child.kill();
  }
});
