import { defaultLocale, isAppLocale, locales, type AppLocale } from "./locales";

/**
 * The locale for a request: the NEXT_LOCALE cookie when it names a locale we have, otherwise
 * the best Accept-Language entry. Only two catalogues exist, so the match is by primary
 * language: any "zh" (zh, zh-CN, zh-Hans, zh-SG, zh-TW …) gets Simplified Chinese, any "en"
 * English. Traditional Chinese readers get Simplified rather than English as the closer text.
 */
export function negotiateLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
  const fromCookie = locales.find((locale) => locale.toLowerCase() === input.cookie?.trim().toLowerCase());
  if (fromCookie) return fromCookie;
  for (const tag of preferredLanguages(input.acceptLanguage ?? "")) {
    const matched = matchLanguage(tag);
    if (matched) return matched;
  }
  return defaultLocale;
}

function matchLanguage(tag: string): AppLocale | null {
  const primary = tag.split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  if (tag === "*") return defaultLocale;
  return isAppLocale(tag) ? tag : null;
}

/** Accept-Language tags, lower-cased, most preferred first; q=0 means "not this one". */
export function preferredLanguages(header: string): string[] {
  return header
    .split(",")
    .map((entry, index) => {
      const [rawTag = "", ...params] = entry.trim().split(";");
      const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ tag, q }) => tag !== "" && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}
