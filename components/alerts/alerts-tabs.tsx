"use client";

import { Tabs } from "@mantine/core";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/** The alerts area's pages, one tab each; the tab of the page (or its detail pages) is selected. */
const TABS = [
  { key: "alerts", href: "/alerts" },
  { key: "slos", href: "/slos" },
  { key: "jobs", href: "/jobs" },
  { key: "contacts", href: "/alerts/contacts" },
  { key: "silences", href: "/alerts/silences" },
] as const;

export function AlertsTabs() {
  const t = useTranslations("alerts.tabs");
  const pathname = usePathname();
  const router = useRouter();
  // Longest matching prefix: /alerts/contacts is the contacts tab, not the alerts one.
  const current = [...TABS].sort((a, b) => b.href.length - a.href.length).find((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`));
  return (
    <Tabs value={current?.href ?? null} onChange={(href) => href && router.push(href)} mb="md">
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.href} data-testid={`alerts-tab-${tab.key}`}>
            {t(tab.key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
