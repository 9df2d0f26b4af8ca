"use client";

import { Button, Code, Group, Stack, Text, Title } from "@mantine/core";
import { IconMapOff } from "@tabler/icons-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { truncateText } from "@/lib/client/truncate-text";

/** What an address that names no page shows, inside the app frame, with the ways back. */
export function NotFoundContent() {
  const t = useTranslations("notFound");
  const pathname = usePathname();
  return (
    <Stack align="flex-start" gap="md" maw={640} py="xl">
      <IconMapOff size={40} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
      <Title order={1}>{t("title")}</Title>
      <Text style={{ overflowWrap: "anywhere" }}>
        {t.rich("body", { path: truncateText(pathname ?? "", 200), code: (chunks) => <Code>{chunks}</Code> })}
      </Text>
      <Group gap="sm">
        <Button component={Link} href="/" prefetch={false}>
          {t("home")}
        </Button>
        <Button component={Link} href="/traces" variant="default" prefetch={false}>
          {t("traces")}
        </Button>
      </Group>
    </Stack>
  );
}
