// @vitest-environment happy-dom
// A conflict as the sync panel shows it: both versions side by side, and whose the other is
// (the Operator's, or a colleague's by name) with when it was saved; the choice is sent as is.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { SyncConflict } from "../bindings";
import { bridge, reset, show } from "../test/render";
import { Conflict, Identity } from "./Sync";

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
