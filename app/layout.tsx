import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "./providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // proxy.ts makes a nonce per request; inline scripts run only with it (Content-Security-Policy).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        {/* Sets data-mantine-color-scheme before the first paint: no light flash in dark mode. */}
        <ColorSchemeScript defaultColorScheme="auto" nonce={nonce} />
      </head>
      <body>
        <NextIntlClientProvider>
          <Providers locale={locale}>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
