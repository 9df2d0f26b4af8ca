"use client";

import { Anchor, Code, Group, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LockSide } from "@/lib/causes/schemas";
import { truncateText } from "@/lib/client/truncate-text";

/**
 * One process of a lock wait or deadlock as a person asks about it: the request it served (a
 * link to that trace, at the span of its statement), its process id and the statement it ran.
 * Shared by the trace page's causes and the overview's recent causes. Values are text, never HTML.
 */
export function LockSideLine({ side }: { side: LockSide }) {
  const t = useTranslations("causes.lockSide");
  const href = side.traceId ? `/traces/${side.traceId}${side.spanId ? `?span=${side.spanId}` : ""}` : null;
  const label = side.request ? `${side.request.name} (${side.request.service})` : side.traceId ? t("unknownRequest") : t("noTrace");
  return (
    <Stack gap={2} data-testid="lock-side">
      <Group gap="xs" wrap="wrap">
        {href ? (
          <Anchor component={Link} href={href} size="sm" fw={600} prefetch={false}>
            {label}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t("pid", { pid: side.pid })}
        </Text>
      </Group>
      {side.query && (
        <Code block fz="xs" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} title={t("query")}>
          {truncateText(side.query, 400)}
        </Code>
      )}
    </Stack>
  );
}
