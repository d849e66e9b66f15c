import { describe, expect, it } from "vitest";
import { addDays, mondayColumn, shiftMonth, todayIso, weeks } from "./Calendar";

describe("the month grid", () => {
  it("puts Monday in the first column and Sunday in the last", () => {
    expect(mondayColumn("2025-01-06")).toBe(0);
    expect(mondayColumn("2025-01-11")).toBe(5);
    expect(mondayColumn("2025-01-12")).toBe(6);
    expect(mondayColumn("2024-02-29")).toBe(3);
  });
  it("moves across year ends in both directions", () => {
    expect(shiftMonth(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth(2024, 12, 1)).toEqual({ year: 2025, month: 1 });
    expect(shiftMonth(2026, 11, -22)).toEqual({ year: 2025, month: 1 });
  });
});

describe("weeks and moving between days", () => {
  const day = (date: string) => ({ date, class: "working" as const, note: "", source: null });
  it("lays a month out as whole weeks, Monday first, padded at both ends", () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const days = Array.from({ length: 31 }, (_, i) => day(`2026-12-${String(i + 1).padStart(2, "0")}`));
    const w = weeks(days as never);
    expect(w.length).toBe(5);
    expect(w.every((row) => row.length === 7)).toBe(true);
    expect(w[0][0]).toBeNull();
    expect(w[0][1]?.date).toBe("2026-12-01");
    expect(w[4][3]?.date).toBe("2026-12-31");
    expect(w[4][4]).toBeNull();
  });
  it("steps by days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-03", 7)).toBe("2026-12-10");
  });
});

describe("today", () => {
  it("is Minsk's date, whatever the computer's zone", () => {
    // 21:30 UTC is already the next day in Minsk (UTC+3).
    expect(todayIso(new Date("2026-12-04T21:30:00Z"))).toBe("2026-12-05");
    expect(todayIso(new Date("2026-12-04T20:59:00Z"))).toBe("2026-12-04");
  });
});
