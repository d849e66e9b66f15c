import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDue, formatNumber, formatPhone, parseDate, toIso } from "./format";

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
  it("writes a timestamp in Minsk time, day first, whatever the computer's zone", () => {
    // 05:05 UTC is 08:05 in Minsk (UTC+3, no daylight saving).
    expect(formatDateTime("2026-11-24T05:05:00Z")).toBe("24.11.2026 08:05");
    expect(formatDateTime("2026-12-31T22:30:00Z")).toBe("01.01.2027 01:30");
  });
  it("writes counts with a space between thousands", () => {
    expect(formatNumber(1234567).replace(/\s/g, " ")).toBe("1 234 567");
  });
});

describe("rule results and typed dates", () => {
  it("shows days, local times and months day first", () => {
    expect(formatDue("2025-01-27")).toBe("27.01.2025");
    expect(formatDue("2025-01-27T09:05")).toBe("27.01.2025 09:05");
    expect(formatDue("2025-04")).toBe("04.2025");
  });
  it("reads dd.mm.yyyy with or without leading zeros, and a time after a space", () => {
    expect(toIso("03.01.2025")).toBe("2025-01-03");
    expect(toIso(" 3.1.2025 ")).toBe("2025-01-03");
    expect(toIso("10.01.2025 9:30")).toBe("2025-01-10T09:30");
  });
  it("passes anything else through for the Rust side to name", () => {
    expect(toIso("вчера")).toBe("вчера");
    expect(toIso("2025-01-03")).toBe("2025-01-03");
    expect(toIso("30.02.2025")).toBe("2025-02-30");
  });
  it("accepts only real dates where a date is required", () => {
    expect(parseDate("29.02.2024")).toBe("2024-02-29");
    expect(parseDate("29.02.2025")).toBeNull();
    expect(parseDate("1.13.2025")).toBeNull();
    expect(parseDate("01.01.2025 10:00")).toBeNull();
  });
});

describe("stored phones are shown as people write them", () => {
  it("groups the code and the number as the printed documents do, on one line", () => {
    expect(formatPhone("+375291234567")).toBe("+375\u00a029\u00a0123-45-67");
    expect(formatPhone("+375173113000")).toBe("+375\u00a017\u00a0311-30-00");
    expect(formatPhone("+375162123456")).toBe("+375\u00a0162\u00a012-34-56");
  });
  it("leaves anything that is not a stored Belarusian number as typed", () => {
    expect(formatPhone("8 029 1234567")).toBe("8 029 1234567");
    expect(formatPhone("+37529123456")).toBe("+37529123456");
  });
});
