import { localeCookie, type AppLocale } from "@/i18n/locales";

/** Stores the language choice where i18n/request.ts reads it on the next server render. */
export function rememberLocale(locale: AppLocale): void {
  document.cookie = localeCookie(locale);
}
