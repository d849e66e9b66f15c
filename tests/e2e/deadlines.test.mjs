// Issue 3 in the real window: the deadline calculator explains a rolled-forward date and
// names a bad date next to its field; the calendar shows transfers and provisional years,
// and a year's transfers entered by hand take effect at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Key } from "webdriverio";
import { byTestId, launch, scratch, shot, choose } from "./driver.mjs";

async function goToMonth(browser, year, month) {
  // Select the year's text and type over it, as a person would.
  const yearInput = await byTestId(browser, "calendar-year");
  await yearInput.click();
  await browser.keys([Key.Ctrl, "a"]);
  await yearInput.addValue(String(year));
  await choose(browser, await byTestId(browser, "calendar-month"), String(month));
  try {
    await byTestId(browser, `day-${year}-${String(month).padStart(2, "0")}-01`);
  } catch (e) {
    if (process.env.DEBUG_SHOT) await shot(browser, process.env.DEBUG_SHOT);
    throw e;
  }
}

test("the calculator, the calendar and hand-entered transfers", { timeout: 240_000 }, async () => {
  const app = await launch(scratch());
  try {
    const { browser } = app;
    await (await byTestId(browser, "nav-dashboard")).click();
    await choose(browser, await byTestId(browser, "deadline-service"), "constructor");
    await (await byTestId(browser, "event-draft_contract_received")).setValue("07.03.2025");
    const due = await byTestId(browser, "due-constructor.sign_contract");
    assert.equal(await due.getText(), "24.03.2025");
    await due.click();
    const explanation = await byTestId(browser, "due-constructor.sign_contract-explanation");
    const text = await explanation.getText();
    assert.match(text, /15 календарных дней после 07\.03\.2025/);
    assert.match(text, /22\.03\.2025 — нерабочий день/);
    assert.match(text, /п\. 3\.9, «Порядок оказания услуг по использованию конструктора/);
    assert.doesNotMatch(text, /\.txt\b/, "the seed by its title, never its file");
    if (process.env.ZAYAVA_SCREENSHOT_DEADLINES) await shot(browser, process.env.ZAYAVA_SCREENSHOT_DEADLINES);

    // An impossible date is named next to its field, and nothing else is lost.
    await (await byTestId(browser, "event-application_received")).setValue("30.02.2025");
    const error = await byTestId(browser, "event-application_received-error");
    // Named as the user typed it, by the event's label, never its id.
    assert.match(await error.getText(), /30\.02\.2025/);
    assert.doesNotMatch(await error.getText(), /_/);

    // The calendar: January 2025 has the worked Saturday and the transferred Monday.
    await (await byTestId(browser, "nav-calendar")).click();
    await goToMonth(browser, 2025, 1);
    assert.equal(await (await byTestId(browser, "day-2025-01-11")).getAttribute("data-class"), "transfer_workday");
    assert.equal(await (await byTestId(browser, "day-2025-01-06")).getAttribute("data-class"), "transfer_day_off");
    assert.equal(await (await byTestId(browser, "day-2025-01-07")).getAttribute("data-class"), "holiday");
    await (await byTestId(browser, "day-2025-01-11")).click();
    assert.match(await (await byTestId(browser, "day-detail")).getText(), /№ 839/);

    // 2027 is provisional until its transfers are entered by hand.
    await goToMonth(browser, 2027, 1);
    await byTestId(browser, "calendar-provisional");
    assert.equal(await (await byTestId(browser, "day-2027-01-08")).getAttribute("data-class"), "working");
    await (await byTestId(browser, "transfer-source")).setValue("Постановление Совета Министров № 1 (проверка)");
    await (await byTestId(browser, "transfer-add")).click();
    await (await byTestId(browser, "transfer-off-0")).setValue("08.01.2027");
    await (await byTestId(browser, "transfer-work-0")).setValue("16.01.2027");
    await (await byTestId(browser, "transfers-save")).click();
    await browser.waitUntil(async () => (await (await byTestId(browser, "day-2027-01-08")).getAttribute("data-class")) === "transfer_day_off", {
      timeout: 5_000,
    });
    assert.equal(await (await browser.$('[data-testid="calendar-provisional"]')).isExisting(), false);

    // The support-hours window is a setting: a reversed one is refused, a new one is used at once.
    await (await byTestId(browser, "nav-settings")).click();
    const window = await byTestId(browser, "settings-window");
    await browser.waitUntil(async () => (await window.getValue()) === "08:00-19:00");
    await window.click();
    await browser.keys([Key.Ctrl, "a"]);
    await window.addValue("19:00-08:00");
    await (await byTestId(browser, "settings-window-save")).click();
    assert.match(await (await byTestId(browser, "settings-window-error")).getText(), /08:00/);
    await window.click();
    await browser.keys([Key.Ctrl, "a"]);
    await window.addValue("09:00-18:00");
    await (await byTestId(browser, "settings-window-save")).click();
    await browser.waitUntil(async () => !(await (await browser.$('[data-testid="settings-window-error"]')).isExisting()));
    await (await byTestId(browser, "nav-dashboard")).click();
    await choose(browser, await byTestId(browser, "deadline-service"), "kvp");
    await (await byTestId(browser, "event-failure_reported")).setValue("10.01.2025 15:00");
    // 9-hour days: Friday 3 h, Monday 9 h, Tuesday 9 h, Wednesday 3 h → 15.01.2025 12:00.
    const recovery = await byTestId(browser, "due-kvp.failure_recovery");
    assert.equal(await recovery.getText(), "15.01.2025 12:00");
  } finally {
    await app.close();
  }
});
