import type messages from "../messages/en.json";
import type { AppLocale } from "./locales";

// Typed keys: `t("nav.overview")` is checked against the English catalogue at compile time;
// messages/catalog.test.ts keeps the Chinese catalogue's keys identical.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}

