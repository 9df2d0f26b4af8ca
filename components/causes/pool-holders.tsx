"use client";

import { Anchor, Group, List, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PoolWaitWithHolders } from "@/lib/causes/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";

type Holders = PoolWaitWithHolders["holders"];

const REQUESTS_SHOWN = 5;

/**
 * Who held a pool while requests waited: the operations, most connection-time first, in a
 * sentence each ("GET /reports/sales held 4 of 4 connections for up to 9.8 s"), then links to
 * the holding requests' traces. Shared by the trace page and the service page.
 */
export function PoolHolders({ holders, poolMax }: { holders: Holders; poolMax: number | null }) {
  const t = useTranslations("causes.holders");
  if (holders.operations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("none")}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="pool-holders">
      <List size="sm" spacing={2}>
        {holders.operations.map((op) => (
          <List.Item key={op.operation ?? ""}>
            {t(poolMax === null ? "operation" : "operationOfMax", {
              operation: op.operation ?? t("unknownOperation"),
              connections: op.connections,
              max: poolMax ?? 0,
              longest: formatDurationMs(op.longestHoldMs),
              requests: op.requests,
            })}
          </List.Item>
        ))}
      </List>
      <Group gap="sm" wrap="wrap">
        {holders.requests.slice(0, REQUESTS_SHOWN).map((request) => (
          <Anchor
            key={request.traceId}
            component={Link}
            href={`/traces/${request.traceId}${request.spanId ? `?span=${request.spanId}` : ""}`}
            size="xs"
            prefetch={false}
            data-testid="pool-holder-link"
          >
            {t("request", {
              name: request.request ? `${request.request.name} (${request.request.service})` : (request.operation ?? request.traceId.slice(0, 8)),
              held: formatDurationMs(request.heldMs),
            })}
            {request.source === "activity" ? ` · ${t("fromActivity")}` : ""}
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}
