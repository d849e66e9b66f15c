// Starts the real Zayava binary through tauri-driver (which drives WebKitWebDriver) and
// hands back a WebdriverIO browser bound to the app's window. Nothing on the Rust side is
// mocked: the app opens a real SQLite file given by ZAYAVA_DB.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Key, remote } from "webdriverio";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const appBinary =
  process.env.ZAYAVA_APP ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "debug", "zayava-desktop");

export const cliBinary = path.join(path.dirname(appBinary), "zayava");

/** A full organisation profile, as the `organisation` form asks for it: the shared fixture (tests/fixtures/): the terminal's tests use the same profile. */
export const sampleOrganisation = JSON.parse(readFileSync(new URL("../fixtures/organisation.json", import.meta.url), "utf8"));

/** Puts organisation profiles into a scratch database through `zayava import`, as a user moving data would. */
export function seedOrganisations(place, organisations, applications = []) {
  const file = path.join(place.dir, "seed.json");
  const data = {
    format: "zayava-export",
    version: 1,
    exported_at: "2026-11-24T10:00:00Z",
    organisations: organisations.map((values, i) => ({ id: i + 1, values })),
    applications: applications.map((a, i) => ({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
      organisation_id: 1,
      status: "draft",
      archived: false,
      created_at: "2026-11-24T10:00:00Z",
      updated_at: "2026-11-24T10:00:00Z",
      ...a,
    })),
    attachments: [],
  };
  writeFileSync(file, JSON.stringify(data));
  execFileSync(cliBinary, ["--db", place.db, "import", file], { stdio: "pipe" });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** A fresh, empty home and database for one test. */
export function scratch() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "zayava-e2e-"));
  return { dir, db: path.join(dir, "zayava.sqlite3") };
}

// Per process, so test files run side by side do not fight over a port.
let nextPort = 20000 + (process.pid % 2000) * 4;

/** Launches the app against `db`; returns `{browser, close}`. */
export async function launch({ dir, db }) {
  const port = nextPort;
  nextPort += 2;
  const driverBin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo", "bin", "tauri-driver");
  const driver = spawn(driverBin, ["--port", String(port), "--native-port", String(port + 1)], {
    env: { ...process.env, ZAYAVA_DB: db, XDG_DATA_HOME: path.join(dir, "data"), XDG_CONFIG_HOME: path.join(dir, "config"), XDG_CACHE_HOME: path.join(dir, "cache") },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPort(port, 20_000);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    connectionRetryTimeout: 120_000,
    capabilities: { "tauri:options": { application: appBinary } },
  });
  return {
    browser,
    async close() {
      try {
        await browser.deleteSession();
      } finally {
        driver.kill();
        await new Promise((r) => driver.once("exit", r));
      }
    },
  };
}

/** Waits for `[data-testid=id]` and returns it. */
export async function byTestId(browser, id, timeout = 10_000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout });
  return el;
}

/** Saves a screenshot once WebKit has painted the latest DOM (its captures can lag a frame). */
export async function shot(browser, file, { top = false } = {}) {
  if (top) await browser.execute(() => document.querySelector(".content")?.scrollTo(0, 0));
  await browser.pause(700);
  await browser.saveScreenshot(file);
}

/**
 * Picks `value` in a <select>, as a user's pick does: the value changes and the page gets
 * one change event. WebKitWebDriver picks an option by clicking it in the closed list, and
 * that click is now and then "intercepted" (the option is not on screen) or changes the
 * shown value without an event, which made tests fail by chance; so the pick is made on the
 * element itself, and checked.
 */
export async function choose(browser, select, value) {
  await select.scrollIntoView({ block: "center" });
  const found = await browser.execute((el, v) => {
    if (![...el.options].some((o) => o.value === v)) return false;
    el.focus();
    el.value = v;
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }, select, value);
  if (!found) throw new Error(`the list has no option ${value}`);
  // A list the page controls may show the pick only once the page has taken it (the
  // language, after the app confirms): wait for it rather than read it at once.
  await browser.waitUntil(async () => (await select.getValue()) === value, { timeout: 5_000, timeoutMsg: `the list does not show ${value}` });
}

/** The real zayava-server next to the app's binary, serving `args` (after `serve`) on
 * loopback `port`; resolves once its /health answers. */
export async function startServer(port, args) {
  const binary = path.join(path.dirname(appBinary), "zayava-server");
  const child = spawn(binary, ["serve", "--bind", `127.0.0.1:${port}`, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error("the server did not start");
}

/** Replaces what a field holds with `text`, typed as a user types it. */
export async function typeInto(browser, id, text) {
  const input = await press(browser, id);
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys(Key.Backspace);
  await input.addValue(text);
}

/** Presses "Sync now" and waits for the run's end; a run that failed fails the test. */
export async function syncNow(browser) {
  await press(browser, "sync-now");
  await browser.waitUntil(async () => (await browser.$('[data-testid="sync-done"]').isExisting()) || (await browser.$('[data-testid="sync-error"]').isExisting()), { timeout: 20_000 });
  const error = await browser.$('[data-testid="sync-error"]');
  if (await error.isExisting()) throw new Error(`sync failed: ${await error.getText()}`);
}

/** Scrolls an element to the middle of the window (clear of the sticky action bar) and clicks it. */
export async function press(browser, id) {
  const el = await byTestId(browser, id);
  await el.scrollIntoView({ block: "center" });
  await el.click();
  return el;
}

/**
 * `xdotool search`, its first match, or null when no window matches. A search walks the X
 * window tree, and a window destroyed during the walk (GTK makes and drops short-lived
 * windows around a dialog) fails it with "X Error … BadWindow": that is no answer, so the
 * search is made again. (Read as "no window", it once made a test leave the dialog open.)
 */
function searchWindow(args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return execFileSync("xdotool", ["search", ...args], { stdio: ["ignore", "pipe", "pipe"] }).toString().trim().split("\n")[0] || null;
    } catch (e) {
      const stderr = String(e.stderr ?? "");
      if (!stderr.includes("X Error") || attempt >= 20) {
        if (stderr.includes("X Error")) throw new Error(`xdotool search kept failing: ${stderr}`);
        return null; // xdotool exits 1 when no window matches
      }
      execFileSync("sleep", ["0.1"]);
    }
  }
}

function dialogWindow(title) {
  return searchWindow(["--onlyvisible", "--name", title]);
}

/**
 * Answers the system's file dialog (GTK's, titled `title`) with `file`, as a person would:
 * the path is put on the clipboard and pasted into the dialog's name field. (Typing it with
 * xdotool loses the first Cyrillic letter now and then: xdotool remaps a key for it, and GTK
 * can read the key before it has seen the new map.) Keystrokes can land before GTK has
 * focused its field, so while the dialog is still open the answer is given again (at most
 * three times).
 */
export async function answerFileDialog(file, title) {
  // Waits for the dialog (xdotool's own --sync would fail outright on the error above).
  for (let i = 0; !dialogWindow(title); i++) {
    if (i >= 300) throw new Error(`no dialog titled ${title} within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // xclip stays in the background serving the clipboard until something else takes it.
  execFileSync("xclip", ["-selection", "clipboard"], { input: file, stdio: ["pipe", "ignore", "ignore"] });
  for (let attempt = 0; attempt < 3; attempt++) {
    const dialog = dialogWindow(title);
    if (!dialog) return;
    execFileSync("xdotool", ["windowfocus", "--sync", dialog]);
    await new Promise((r) => setTimeout(r, 800 + attempt * 700));
    // Ctrl+L opens the location field in an open dialog; in a save dialog the name field
    // has focus already. Either way Ctrl+A then selects what is there, and the paste replaces it.
    if (!title.includes("Save")) execFileSync("xdotool", ["key", "ctrl+l"]);
    await new Promise((r) => setTimeout(r, 300));
    execFileSync("xdotool", ["key", "ctrl+a", "ctrl+v"]);
    await new Promise((r) => setTimeout(r, 300));
    execFileSync("xdotool", ["key", "Return"]);
    for (let i = 0; i < 20 && dialogWindow(title); i++) await new Promise((r) => setTimeout(r, 100));
  }
}
