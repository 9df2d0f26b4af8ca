// The languages Sightline speaks. Routes carry no locale prefix: the choice lives in the
// NEXT_LOCALE cookie and falls back to the browser's Accept-Language.

export const locales = ["en", "zh-CN"] as const;
export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "en";

export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return locales.some((locale) => locale === value);
}

/** dayjs (and so Mantine dates) names its locales in lower case and needs them imported by name. */
export const dayjsLocales: Record<AppLocale, string> = { en: "en", "zh-CN": "zh-cn" };

/** The cookie a language switch writes: a year, whole site, sent on top-level navigations. */
export function localeCookie(locale: AppLocale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
