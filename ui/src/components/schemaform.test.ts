import { describe, expect, it } from "vitest";
import type { Field } from "../bindings";
import { applies, pathId, shown, stored } from "./SchemaForm";

const field = (type: Field["type"], extra: Partial<Field> = {}): Field =>
  ({ id: "x", type, label: { ru: "X", en: "X" }, required: false, options: [], fields: [], ...extra }) as Field;

describe("schema-driven fields", () => {
  it("turns list paths into ids", () => {
    expect(pathId("users[1].email")).toBe("users.1.email");
  });
  it("shows ISO dates day first and stores typed dates as ISO", () => {
    expect(shown(field("date"), "2025-02-03")).toBe("03.02.2025");
    expect(stored(field("date"), "3.2.2025")).toBe("2025-02-03");
    expect(stored(field("date"), "3.2.")).toBe("3.2.");
  });
  it("stores whole numbers as numbers and anything else as typed, for Rust to name", () => {
    expect(stored(field("integer"), "12")).toBe(12);
    expect(stored(field("integer"), "12a")).toBe("12a");
    expect(shown(field("integer"), undefined)).toBe("");
  });
  it("shows a field only when its condition holds", () => {
    const f = field("text", { when: { field: "third_party", equals: true } });
    expect(applies(f, { third_party: true })).toBe(true);
    expect(applies(f, { third_party: false })).toBe(false);
    expect(applies(field("text"), {})).toBe(true);
  });
});
