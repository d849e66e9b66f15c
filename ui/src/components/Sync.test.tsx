// @vitest-environment happy-dom
// A conflict as the sync panel shows it: both versions side by side, and whose the other is
// (the Operator's, or a colleague's by name) with when it was saved; the choice is sent as is.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { SyncConflict, SyncIdentity, SyncOverview } from "../bindings";
import { bridge, reset, show } from "../test/render";
import { Conflict, Identity, ReadOnlyNotice, SyncStatus } from "./Sync";

afterEach(reset);

const conflict = (changed_by: string | null): SyncConflict => ({
  application_id: "a1",
  number: "З-0007",
  server_revision: 3,
  server_values: { contact: "Алиса" },
  local_values: { contact: "Борис" },
  at: "2026-12-07T09:30:00Z",
  changed_by,
});

describe("a sync conflict", () => {
  it("names the colleague whose version the server holds, and when it was saved", async () => {
    const calls = bridge(() => null);
    let settled = false;
    show(<Conflict c={conflict("Алиса Петрова")} schemas={[]} onSettled={() => (settled = true)} />);
    expect(screen.getByRole("heading").textContent).toContain("Алиса Петрова");
    expect(screen.getByTestId("sync-conflict-theirs").textContent).toBe("Алиса Петрова");
    expect(screen.getByTestId("sync-conflict-when").textContent).toMatch(/07\.12\.2026/);
    expect(screen.getByTestId("sync-take-theirs").textContent).toContain("коллеги");
    const row = screen.getByRole("cell", { name: "Борис" }).parentElement!;
    expect(row.textContent).toContain("Алиса");
    fireEvent.click(screen.getByTestId("sync-take-theirs"));
    await waitFor(() => expect(settled).toBe(true));
    expect(calls.map((c) => [c.cmd, c.args.resolution])).toEqual([["resolve_sync_conflict", "take_server"]]);
  });

  it("speaks of the Operator when the other version is the Operator's", () => {
    bridge(() => null);
    show(<Conflict c={conflict(null)} schemas={[]} onSettled={() => {}} />);
    expect(screen.getByRole("heading").textContent).toContain("Оператор");
    expect(screen.getByTestId("sync-conflict-theirs").textContent).toBe("У Оператора");
    expect(screen.getByTestId("sync-take-theirs").textContent).toContain("Оператора");
  });
});

describe("who this desktop signs in as", () => {
  it("shows the account, the person and their role in words", () => {
    show(
      <dl>
        <Identity who={{ account: "ООО Ромашка", user: "Рита", role: "reader" }} />
      </dl>,
    );
    expect(screen.getByTestId("sync-account").textContent).toBe("ООО Ромашка");
    expect(screen.getByTestId("sync-user").textContent).toBe("Рита · только просмотр");
  });
});

const overview = (identity: SyncIdentity | null, conflicts: SyncConflict[] = []): SyncOverview => ({
  url: "https://sync.example.by",
  token_saved: true,
  keyring_problem: null,
  state: { counts: { pending: 0, rejected: 0, conflicts: conflicts.length }, cursor: 0, last_success: "2026-12-07T09:30:00Z", identity },
  run: { running: false, progress: null, last_error: null, last_report: null },
  issues: [],
  conflicts,
});

describe("a reader's desktop", () => {
  it("says at the top that it may look but not change, naming the account", async () => {
    bridge((cmd) => (cmd === "sync_overview" ? overview({ account: "ООО Ромашка", user: "Рита", role: "reader" }) : null));
    show(<ReadOnlyNotice />);
    const notice = await screen.findByTestId("read-only");
    expect(notice.textContent).toContain("ООО Ромашка");
    expect(notice.textContent).toContain("не изменять");
  });

  it("says nothing to an editor", async () => {
    const calls = bridge((cmd) => (cmd === "sync_overview" ? overview({ account: "ООО Ромашка", user: "Ольга", role: "editor" }) : null));
    show(<ReadOnlyNotice />);
    await waitFor(() => expect(calls.some((c) => c.cmd === "sync_overview")).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("read-only")).toBeNull();
  });
});

describe("the status under the navigation", () => {
  it("opens the application in conflict from its count", async () => {
    bridge((cmd) => (cmd === "sync_overview" ? overview(null, [conflict("Алиса Петрова")]) : null));
    const opened: string[] = [];
    show(<SyncStatus onOpenApplication={(id) => opened.push(id)} />);
    fireEvent.click(await screen.findByTestId("sync-conflicts-open"));
    expect(opened).toEqual(["a1"]);
  });
});
