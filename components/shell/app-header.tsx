"use client";

import { Burger, Group, Text, UnstyledButton } from "@mantine/core";
import { IconRadar2 } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { RefreshControl } from "@/components/refresh/refresh-control";
import { TimeRangeControls } from "@/components/time-range/time-range-controls";
import { withTimeRange } from "@/lib/client/time-range-params";
import { useTimeRange } from "@/lib/client/use-time-range";
import { LanguageSwitch } from "./language-switch";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const t = useTranslations();
  const { range } = useTimeRange();
  const home = withTimeRange("/", range ? { from: range.fromMs, to: range.toMs, rel: range.rel } : {});
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
        <UnstyledButton component={Link} href={home} prefetch={false} aria-label={t("header.home")}>
          <Group gap={8} wrap="nowrap">
            <IconRadar2 size={24} stroke={1.8} color="var(--mantine-primary-color-filled)" />
            <Text fw={700} size="lg" visibleFrom="xs">
              {t("app.name")}
            </Text>
          </Group>
        </UnstyledButton>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <TimeRangeControls />
        <RefreshControl />
        <UserMenu />
        {/* On phones these two move into the navigation drawer to leave room for the time range. */}
        <Group gap="xs" wrap="nowrap" visibleFrom="sm">
          <LanguageSwitch />
          <ThemeToggle />
        </Group>
      </Group>
    </Group>
  );
}
