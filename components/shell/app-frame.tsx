"use client";

import { AppShell, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ServerChartAreaProvider } from "@/components/charts/server-chart-area";
import { AppHeader } from "./app-header";
import { AppNav } from "./app-nav";
import { LanguageSwitch } from "./language-switch";
import { ReplicaLagBanner } from "./replica-lag-banner";
import { ThemeToggle } from "./theme-toggle";

/** The dashboard's frame: header with the global controls, side navigation, page content. */
export function AppFrame({ children }: { children: ReactNode }) {
  const t = useTranslations("nav");
  const [navOpened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("label")}>
        <AppShell.Section grow component={ScrollArea}>
          <AppNav onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="xs">
          <Group gap="xs">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ReplicaLagBanner />
        <ServerChartAreaProvider>{children}</ServerChartAreaProvider>
      </AppShell.Main>
    </AppShell>
  );
}
