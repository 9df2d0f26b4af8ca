import { cookies, headers } from "next/headers";
import type { Messages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

// next-intl without i18n routing: the locale comes from the request, not the path.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const messages = (await import(`../messages/${locale}.json`)) as { default: Messages };
  return { locale, messages: messages.default };
});
