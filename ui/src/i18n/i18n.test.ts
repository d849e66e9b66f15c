import { describe, expect, it } from "vitest";
import { en } from "./en";
import { translate } from "./index";
import { ru } from "./ru";

describe("the i18n layer", () => {
  it("has an English text for every Russian key and no others", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
  it("has no empty texts", () => {
    for (const [key, text] of [...Object.entries(ru), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });
  it("answers in the chosen language", () => {
    expect(translate("ru", "nav.settings")).toBe("Настройки");
    expect(translate("en", "nav.settings")).toBe("Settings");
  });
});
