"use client";

import { Anchor, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditChangeCard } from "@/components/traces/trace/audit-change-card";
import { traceOfChangeHref } from "@/lib/audit/audit-links";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { AuditHistoryChange } from "@/lib/schemas/audit";

/** Overlapping writers of the row side by side, in commit order: a lost update shows as the later one undoing the earlier. */
export function ConcurrentWriters({ groups }: { groups: AuditHistoryChange[][] }) {
  const t = useTranslations("audit.row.concurrent");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  return (
    <Stack gap="md">
      {groups.map((group) => (
        <SimpleGrid key={group[0]!.id} cols={{ base: 1, md: Math.min(group.length, 3) }} data-testid="concurrent-writers">
          {group.map((change, index) => (
            <Paper key={change.id} withBorder p="xs" data-testid="concurrent-writer" data-change-id={change.id}>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("order", { index: index + 1 })}{" "}
                  {change.traceId && (
                    <Anchor component={Link} href={traceOfChangeHref(change.traceId, change.spanId)} prefetch={false} size="sm">
                      {change.request?.rootName ?? change.traceId}
                    </Anchor>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("window", { start: change.request?.startMs != null ? time(change.request.startMs) : "?", commit: time(Date.parse(change.committedAt)) })}
                </Text>
                <AuditChangeCard change={change} />
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      ))}
    </Stack>
  );
}
