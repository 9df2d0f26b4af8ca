"use client";

import { Anchor, Paper, SimpleGrid, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";

// The reports there are. Each opens on the last 24 hours; its own page picks the window and endpoint.
const REPORTS = [{ key: "timeouts", href: "/reports/timeouts", icon: IconClockExclamation }] as const;

export function ReportList() {
  const t = useTranslations("reports.list");
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {REPORTS.map(({ key, href, icon: Icon }) => (
        <Paper key={key} withBorder p="lg" radius="md">
          <Stack gap="xs" align="flex-start">
            <ThemeIcon variant="light" size="lg">
              <Icon size={20} />
            </ThemeIcon>
            <Anchor component={Link} href={href} fw={600} size="lg">
              {t(`${key}.title`)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`${key}.description`)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
