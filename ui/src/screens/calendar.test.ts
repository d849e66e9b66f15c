import { describe, expect, it } from "vitest";
import { mondayColumn, shiftMonth } from "./Calendar";

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
