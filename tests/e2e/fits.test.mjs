// Issue 18 in the real window: every screen fits every window from the smallest allowed
// (900×600) to full HD. Nothing scrolls sideways, and no control lies beyond the window's
// edges. Each screen is saved as a screenshot ($CARGO_TARGET_DIR/screenshots/) to look at,
// and axe-core (Deque's accessibility rules, run inside the page) finds nothing serious or
// critical on any of them.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { byTestId, choose, cliBinary, launch, sampleOrganisation, scratch, seedOrganisations } from "./driver.mjs";

const SIZES = [
  [900, 600],
  // The window as it first opens.
  [1200, 780],
  [1280, 800],
  [1920, 1080],
];
const shots = path.join(process.env.CARGO_TARGET_DIR ?? path.join(process.cwd(), "..", "target"), "screenshots");

/**
 * The screen as the X server shows it, cropped to the window, taken by Pillow from the
 * display itself: WebKitWebDriver's own screenshot now and then never returns, and a test
 * that hangs by chance is worse than none.
 */
async function picture(browser, file) {
  await browser.pause(500);
  const { x, y, width, height } = await browser.getWindowRect();
  const grab = "import os, sys; from PIL import ImageGrab; x, y, w, h = map(int, sys.argv[2:]); ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=os.environ['DISPLAY']).save(sys.argv[1])";
  execFileSync("/usr/bin/python3", ["-c", grab, file, String(Math.max(0, x)), String(Math.max(0, y)), String(width), String(height)]);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical findings on the page as it is, one line each. */
async function accessibility(browser) {
  await browser.execute(`if (!window.axe) { ${axeSource} }`);
  const violations = await browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) => done(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)))
      .catch((e) => done([`axe failed: ${e}`]));
  });
  return violations;
}

/** What does not fit: the page or a pane scrolling sideways, a control beyond the window's edges. */
async function misfits(browser) {
  return browser.execute(() => {
    const out = [];
    const page = document.scrollingElement;
    if (page.scrollWidth > page.clientWidth) out.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
    // A box that scrolls or clips sideways hides what lies beyond it; a visible one does not
    // (what it lets out is caught by the controls' check below). Words kept for screen
    // readers only (.sr-only) are clipped to a pixel on purpose.
    const clipping = [...document.querySelectorAll("*")].filter((el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX) && !["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) && !el.classList.contains("sr-only"));
    for (const pane of clipping) {
      if (pane.scrollWidth > pane.clientWidth + 1) {
        const edge = pane.getBoundingClientRect().left + pane.clientWidth;
        const widest = [...pane.querySelectorAll("*")].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
        const what = widest ? `${widest.tagName}.${widest.className} ends at ${Math.round(widest.getBoundingClientRect().right)}, the box at ${Math.round(edge)}` : "";
        out.push(`${pane.className} is wider than its box: ${pane.scrollWidth} > ${pane.clientWidth} (${what})`);
      }
    }
    const width = window.innerWidth;
    for (const el of document.querySelectorAll("button, a[href], input, select, textarea, summary, [tabindex]")) {
      if (el.tagName !== "SUMMARY" && el.closest("details:not([open])")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -1 || r.right > width + 1) out.push(`${el.tagName} «${el.getAttribute("data-testid") ?? el.textContent.trim().slice(0, 30)}» at ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
    return out;
  });
}

test("every screen fits from 900×600 to 1920×1080, with nothing sideways or off screen", { timeout: 600_000 }, async () => {
  mkdirSync(shots, { recursive: true });
  const place = scratch();
  seedOrganisations(place, [sampleOrganisation]);
  const fixture = new URL("../fixtures/constructor-application.json", import.meta.url).pathname;
  execFileSync(cliBinary, ["--db", place.db, "applications", "new", "--service", "constructor", "--organisation", "1", "--from", fixture], { stdio: "pipe" });
  // Sent, received and the draft contract come: the progress panel offers its longest
  // event names, and a deadline is open. The draft came ten days ago, so its 15-day window
  // ends within the dashboard's ten-working-day horizon whatever the weekday of the run.
  execFileSync(cliBinary, ["--db", place.db, "applications", "ready", "1"], { stdio: "pipe" });
  const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  for (const [event, n] of [["application_sent", 12], ["application_received", 11], ["draft_contract_received", 10]]) {
    execFileSync(cliBinary, ["--db", place.db, "events", "record", "1", "--event", event, "--at", daysAgo(n)], { stdio: "pipe" });
  }
  const app = await launch(place);
  try {
    const { browser } = app;
    const found = [];
    const look = async (name, w, h, { top = true } = {}) => {
      for (const m of await misfits(browser)) found.push(`${name} at ${w}×${h}: ${m}`);
      // The rules do not depend on the size: checked once, at 1280×800.
      if (w === 1280) for (const v of await accessibility(browser)) found.push(`${name}: ${v}`);
      if (top) await browser.execute(() => document.querySelector(".content")?.scrollTo(0, 0));
      await picture(browser, path.join(shots, `${name}-${w}x${h}.png`));
    };
    for (const [w, h] of SIZES) {
      await browser.setWindowSize(w, h);
      await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= w, { timeout: 5_000 });
      for (const screen of ["organisations", "dashboard", "calendar", "settings"]) {
        await (await byTestId(browser, `nav-${screen}`)).click();
        await browser.pause(300);
        await look(screen, w, h);
      }
      // The calculator with its results: the table keeps every column.
      await (await byTestId(browser, "nav-dashboard")).click();
      await choose(browser, await byTestId(browser, "deadline-service"), "constructor");
      await (await byTestId(browser, "event-draft_contract_received")).setValue("07.03.2025");
      await byTestId(browser, "deadline-results");
      await (await byTestId(browser, "deadline-results")).scrollIntoView();
      await look("calculator", w, h, { top: false });
      // The applications: the list, then an application open with its action bar.
      await (await byTestId(browser, "nav-applications")).click();
      await look("applications", w, h);
      await (await byTestId(browser, "app-item")).click();
      await byTestId(browser, "app-editor");
      await browser.pause(300);
      await look("application", w, h);
      const bar = await browser.execute(() => {
        const b = document.querySelector(".sticky-actions");
        const middles = [...b.querySelectorAll(":scope > button, :scope > details > summary")].map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
        return Math.max(...middles) - Math.min(...middles);
      });
      assert.ok(bar < 10, `the action bar is one row at ${w}×${h} (its controls' middles differ by ${bar} px)`);
      if (w < 1180) {
        // A narrow window shows the open application alone; the way back is one press.
        await (await byTestId(browser, "app-back")).click();
        await byTestId(browser, "app-item");
      }
    }
    assert.deepEqual(found, [], found.join("\n"));
  } finally {
    await app.close();
  }
});
