// The window's catalogues read strictly (@fluent/syntax reports anything it cannot parse as
// junk), and the key type the code is checked against kept equal to the Russian catalogue.
// That every language has the same ids and placeholders is checked for all catalogues at
// once, the Rust ones included, by zayava-core's catalogue test.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentParser, Message } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { sources, translate } from "./index";

const KEYS = new URL("./keys.ts", import.meta.url);

function ids(source: string): string[] {
  return new FluentParser().parse(source).body.filter((e): e is Message => e instanceof Message).map((m) => m.id.name);
}

function keysFile(): string {
  const union = ids(sources.ru).map((id) => `  | "${id}"`).join("\n");
  return `// Generated from locales/ru/ui.ftl by i18n.test.ts (ZAYAVA_WRITE_BINDINGS=1 npm test). Do not edit.\nexport type MessageKey =\n${union};\n`;
}

describe("the window's catalogues", () => {
  it("parse without junk in every language", () => {
    for (const [lang, source] of Object.entries(sources)) {
      const junk = new FluentParser().parse(source).body.filter((e) => e.type === "Junk");
      expect(junk.map((j) => ("content" in j ? String(j.content).slice(0, 80) : "")), lang).toEqual([]);
    }
  });
  it("give the code a key type equal to the Russian catalogue's ids", () => {
    if (process.env.ZAYAVA_WRITE_BINDINGS) writeFileSync(KEYS, keysFile());
    expect(readFileSync(KEYS, "utf8")).toBe(keysFile());
  });
  it("are always given the placeholders their messages have", () => {
    // A message with `{ $x }` called as t("id") would show a gap: every call names its arguments.
    const needs = new Set(
      new FluentParser().parse(sources.ru).body.filter((e): e is Message => e instanceof Message && JSON.stringify(e.value).includes("VariableReference")).map((m) => m.id.name),
    );
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const bare = walk(fileURLToPath(new URL("..", import.meta.url)))
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\bt\("([a-zA-Z0-9_-]+)"\)/g)].filter((m) => needs.has(m[1])).map((m) => `${path.basename(f)}: ${m[1]}`));
    expect(bare).toEqual([]);
  });
  it("answer in the chosen language, with CLDR plurals", () => {
    expect(translate("ru", "nav-settings")).toBe("Настройки");
    expect(translate("en", "nav-settings")).toBe("Settings");
    expect(translate("ru", "life-exported", { events: 1 })).toBe("Сохранено 1 событие.");
    expect(translate("ru", "life-exported", { events: 3 })).toBe("Сохранено 3 события.");
    expect(translate("ru", "life-exported", { events: 11 })).toBe("Сохранено 11 событий.");
    expect(translate("en", "life-exported", { events: 1 })).toBe("Saved 1 event.");
  });
});
