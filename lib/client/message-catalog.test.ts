import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

// Both catalogues must say everything: same keys, no empty text, the same placeholders and
// rich-text tags, and ICU syntax that formats. (This file sits in lib/client/ because the unit
// test project collects only lib/, components/, agents/, scripts/ and app/.)

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [nested, text] of flatten(value, path)) out.set(nested, text);
  }
  return out;
}

const catalogues = { en: flatten(en), "zh-CN": flatten(zhCN) };

const argumentsOf = (message: string) => new Set([...message.matchAll(/\{\s*(\w+)/g)].map((match) => match[1]));
const tagsOf = (message: string) => new Set([...message.matchAll(/<(\w+)>/g)].map((match) => match[1]));

describe("message catalogues", () => {
  it("have the same keys", () => {
    const enKeys = [...catalogues.en.keys()].sort();
    const zhKeys = [...catalogues["zh-CN"].keys()].sort();
    expect(zhKeys.filter((key) => !catalogues.en.has(key)), "keys only in zh-CN").toEqual([]);
    expect(enKeys.filter((key) => !catalogues["zh-CN"].has(key)), "keys only in en").toEqual([]);
  });

  it.each(Object.entries(catalogues))("%s has no empty or whitespace-only value", (_locale, messages) => {
    const empty = [...messages].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("use the same placeholders and tags in both languages", () => {
    for (const [key, text] of catalogues.en) {
      const other = catalogues["zh-CN"].get(key) ?? "";
      expect(argumentsOf(other), `placeholders of ${key}`).toEqual(argumentsOf(text));
      expect(tagsOf(other), `tags of ${key}`).toEqual(tagsOf(text));
    }
  });

  it.each([
    ["en", en],
    ["zh-CN", zhCN],
  ] as const)("%s formats every message", (locale, messages) => {
    const t = createTranslator({ locale, messages });
    for (const [key, text] of catalogues[locale]) {
      const values: Record<string, string | number | ((chunks: string) => string)> = {};
      for (const name of argumentsOf(text)) if (name) values[name] = name === "count" ? 2 : `«${name}»`;
      for (const tag of tagsOf(text)) if (tag) values[tag] = (chunks: string) => chunks;
      const formatted = t.markup(key as never, values as never);
      expect(formatted, key).not.toBe(key);
      expect(formatted.trim(), key).not.toBe("");
    }
  });
});
