"use client";

import { Anchor, Group, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** A process's trace, and the rows its transaction changed (the audit page, by trace). */
export function ProcessLinks({ database, traceId, pid }: { database: string; traceId: string | null; pid: number }) {
  const t = useTranslations("database");
  if (!traceId) {
    return (
      <Text size="xs" c="dimmed">
        {t("noTrace")}
      </Text>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} href={`/traces/${traceId}`} size="sm" aria-label={t("traceOf", { pid })}>
        {t("trace")}
      </Anchor>
      <Anchor component={Link} href={`/audit?database=${encodeURIComponent(database)}&traceId=${traceId}`} size="sm" aria-label={t("changesOf", { pid })}>
        {t("changes")}
      </Anchor>
    </Group>
  );
}
