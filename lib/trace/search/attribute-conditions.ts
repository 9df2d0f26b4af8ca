import type { SpanAttributesResponse } from "@/lib/schemas/span-attributes";

// Attribute conditions as the search form shows them: one tag each, `key=value` for "equals",
// a bare `key` for "has the key". The URL and the API keep the two kinds apart (`attr`,
// `attrExists`); these functions convert between the two forms.

export type AttributeCondition = { key: string; value: string } | { key: string; value?: undefined };

/** A tag → its condition; null for a tag with no key ("=x", "", spaces). */
export function parseConditionTag(tag: string): AttributeCondition | null {
  const text = tag.trim();
  const eq = text.indexOf("=");
  if (eq < 0) return text ? { key: text } : null;
  const key = text.slice(0, eq).trim();
  if (!key) return null;
  return { key, value: text.slice(eq + 1).trim() };
}

export function conditionTags(attr: readonly string[], attrExists: readonly string[]): string[] {
  return [...attr, ...attrExists];
}

/** Tags → the URL's two lists; tags without a key are dropped, duplicates kept once. */
export function tagsToConditions(tags: readonly string[]): { attr: string[]; attrExists: string[] } {
  const attr = new Set<string>();
  const attrExists = new Set<string>();
  for (const tag of tags) {
    const condition = parseConditionTag(tag);
    if (!condition) continue;
    if (condition.value === undefined) attrExists.add(condition.key);
    else attr.add(`${condition.key}=${condition.value}`);
  }
  return { attr: [...attr], attrExists: [...attrExists] };
}

/**
 * Suggestions for what is being typed: before "=", keys (as `key` and `key=`); after it, the
 * common values of that key as complete `key=value` tags.
 */
export function suggestConditionTags(typed: string, attributes: SpanAttributesResponse["attributes"], max = 30): string[] {
  const text = typed.trim();
  const eq = text.indexOf("=");
  if (eq >= 0) {
    const key = text.slice(0, eq).trim();
    const prefix = text.slice(eq + 1).trim().toLowerCase();
    const attribute = attributes.find((a) => a.key === key);
    if (!attribute) return [];
    return attribute.values
      .filter((v) => v.value.toLowerCase().includes(prefix))
      .slice(0, max)
      .map((v) => `${key}=${v.value}`);
  }
  const needle = text.toLowerCase();
  const keys = attributes.filter((a) => a.key.toLowerCase().includes(needle)).slice(0, max);
  return keys.flatMap((a) => (a.values.length > 0 ? [`${a.key}=`, a.key] : [a.key])).slice(0, max);
}
