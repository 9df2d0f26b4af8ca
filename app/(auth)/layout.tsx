import { Center, Group, Paper, Stack, Text } from "@mantine/core";
import { IconRadar2 } from "@tabler/icons-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";

/** The doors in (sign-in, first setup, invite): one card in the middle, no navigation. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <Center mih="100vh" p="md">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Group gap={8}>
            <IconRadar2 size={28} stroke={1.8} color="var(--mantine-primary-color-filled)" />
            <Text fw={700} size="xl">
              {t("name")}
            </Text>
          </Group>
          <Group gap="xs">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
