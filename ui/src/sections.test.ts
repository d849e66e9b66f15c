import { describe, expect, it } from "vitest";
import { sectionForShortcut, sections } from "./sections";
import { asIpcError } from "./api";

describe("keyboard navigation between sections", () => {
  it("maps Alt+1…Alt+5 to the sections in order", () => {
    expect(sections.map((_s, i) => sectionForShortcut(String(i + 1), true))).toEqual(sections.map((s) => s.id));
  });
  it("ignores digits without Alt and digits past the last section", () => {
    expect(sectionForShortcut("1", false)).toBeUndefined();
    expect(sectionForShortcut("9", true)).toBeUndefined();
    expect(sectionForShortcut("a", true)).toBeUndefined();
  });
});

describe("errors from the Rust side", () => {
  it("keeps code, message and field findings", () => {
    const e = asIpcError({ code: "validation.invalid", message: "m", fields: [{ field: "unp", code: "required", message: "x" }] });
    expect(e.code).toBe("validation.invalid");
    expect(e.fields[0].field).toBe("unp");
  });
  it("shows anything else as the internal error, never the raw text", () => {
    const e = asIpcError("invalid args `id` for command `get_application`");
    expect(e.code).toBe("internal");
    expect(e.message).toContain("Внутренняя ошибка");
    expect(e.message).not.toContain("invalid args");
  });
});
