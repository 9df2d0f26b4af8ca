"use client";

import { ActionIcon, Menu, Tooltip } from "@mantine/core";
import { IconCheck, IconLanguage } from "@tabler/icons-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import type { AppLocale } from "@/i18n/locales";
import { rememberLocale } from "@/lib/client/remember-locale";

const options = [
  { locale: "en", label: "english" },
  { locale: "zh-CN", label: "simplifiedChinese" },
] as const satisfies readonly { locale: AppLocale; label: string }[];

/**
 * Writes the NEXT_LOCALE cookie and re-renders the server components, which read it. A cookie
 * set in the browser (rather than by a server action) keeps working behind proxies that rewrite
 * the Host header.
 */
export function LanguageSwitch() {
  const t = useTranslations("header");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: AppLocale) => {
    if (locale === current) return;
    rememberLocale(locale);
    startTransition(() => router.refresh());
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={t("language")}>
          <ActionIcon variant="default" size="lg" aria-label={t("language")} loading={pending}>
            <IconLanguage size={18} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map(({ locale, label }) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            rightSection={locale === current ? <IconCheck size={14} /> : null}
            aria-current={locale === current ? "true" : undefined}
          >
            {t(label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
