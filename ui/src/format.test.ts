import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("dates are shown as dd.mm.yyyy", () => {
  it("reorders an ISO date with leading zeros kept", () => {
    expect(formatDate("2025-01-07")).toBe("07.01.2025");
  });
  it("takes the date part of a timestamp", () => {
    expect(formatDate("2026-11-24T09:00:00Z")).toBe("24.11.2026");
  });
  it("leaves text that is not a date alone rather than inventing one", () => {
    expect(formatDate("скоро")).toBe("скоро");
    expect(formatDateTime("not a time")).toBe("not a time");
  });
  it("writes a timestamp in local time, day first", () => {
    const local = new Date(2026, 10, 24, 8, 5);
    expect(formatDateTime(local.toISOString())).toBe("24.11.2026 08:05");
  });
});
