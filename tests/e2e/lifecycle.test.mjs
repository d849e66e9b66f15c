// Issue 5 in the real window: on a constructor application, record the events up to "draft
// contract received"; the dashboard shows constructor.sign_contract with its rolled-forward
// date, and its explanation. Impossible or future events are refused with a reason.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Key } from "webdriverio";
import { byTestId, launch, press, sampleOrganisation, scratch, seedOrganisations, shot } from "./driver.mjs";

const constructorApplication = {
  service: "constructor",
  schema_version: "constructor@2024-10-17",
  values: {
    admin_name: "Сидоров Сергей", admin_email: "admin@example.by", admin_phone: "+375 29 765-43-21", send_method: "smdo",
    crypto_client: true, channel: true, want_access: true, no_debts: true,
  },
};

async function record(browser, event, date) {
  const kind = await byTestId(browser, "life-event-kind");
  await kind.scrollIntoView({ block: "center" });
  await kind.selectByAttribute("value", event);
  const input = await press(browser, "life-event-date");
  await browser.keys([Key.Ctrl, "a"]);
  await input.addValue(date);
  const before = (await browser.$$('[data-testid="life-event"]')).length;
  await press(browser, "life-event-save");
  return before;
}

test("recording the draft contract puts the signing deadline on the dashboard with its explanation", { timeout: 240_000 }, async () => {
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation], [constructorApplication]);
  const app = await launch(place);
  try {
    const { browser } = app;
    await (await byTestId(browser, "nav-applications")).click();
    await (await byTestId(browser, "app-item")).click();
    await (await byTestId(browser, "app-ready")).click();
    await browser.waitUntil(async () => (await (await byTestId(browser, "app-status")).getText()) === "Готова", { timeout: 5_000 });

    // Receiving the application before sending it is impossible, and says what is possible.
    await browser.waitUntil(async () => (await (await byTestId(browser, "life-event-kind")).getValue()) === "application_sent");
    for (const [event, date] of [["application_sent", "03.03.2025"], ["application_received", "04.03.2025"]]) {
      const before = await record(browser, event, date);
      await browser.waitUntil(async () => (await browser.$$('[data-testid="life-event"]')).length === before + 1, { timeout: 5_000 });
    }
    // A date in the future is refused; nothing is recorded.
    await record(browser, "draft_contract_received", "07.03.2099");
    assert.match(await (await byTestId(browser, "life-error")).getText(), /ещё не наступила/);
    // A date before the event it follows is refused too.
    await record(browser, "draft_contract_received", "01.03.2025");
    await browser.waitUntil(async () => /04\.03\.2025/.test(await (await byTestId(browser, "life-error")).getText()), { timeout: 5_000 });
    const before = await record(browser, "draft_contract_received", "07.03.2025");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="life-event"]')).length === before + 1, { timeout: 5_000 });

    await (await byTestId(browser, "nav-dashboard")).click();
    const due = await byTestId(browser, "dash-due-constructor.sign_contract");
    assert.equal(await due.getText(), "24.03.2025");
    // The window has passed (it is 2026 now): overdue.
    assert.match(await (await byTestId(browser, "dash-constructor.sign_contract")).getText(), /Просрочено/);
    await due.click();
    const explanation = await byTestId(browser, "dash-due-constructor.sign_contract-explanation");
    assert.match(await explanation.getText(), /22\.03\.2025 — нерабочий день/);
    assert.match(await explanation.getText(), /Пункт 3\.9/);
    if (process.env.ZAYAVA_SCREENSHOT_DASHBOARD) await shot(browser, process.env.ZAYAVA_SCREENSHOT_DASHBOARD, { top: true });

    // Back on the application, the missed window shows as "not concluded".
    await (await byTestId(browser, "nav-applications")).click();
    await (await byTestId(browser, "app-item")).click();
    assert.match(await (await byTestId(browser, "life-state")).getText(), /не заключён/);
  } finally {
    await app.close();
  }
});
