"use client";

import { Alert, Anchor, Group, Stack, Text } from "@mantine/core";
import { IconLock, IconPlugConnected } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LockCause, PoolWaitWithHolders } from "@/lib/causes/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { traceCausesQuery } from "./causes-queries";
import { LockSideLine } from "./lock-side";
import { PoolHolders } from "./pool-holders";

/**
 * Under the trace header: what other requests did to this one. A wait for a pool connection
 * names who held the pool (with links to their traces); a lock wait or deadlock names the other
 * side's request and statement, on both sides' traces. Silent when there is nothing to say (or
 * the request fails: the waterfall stands on its own, this is a hint).
 */
export function TraceCausesPanel({ traceId }: { traceId: string }) {
  const causes = useQuery(traceCausesQuery(traceId));
  if (!causes.data || (causes.data.poolWaits.length === 0 && causes.data.locks.length === 0)) return null;
  return (
    <Stack gap="xs" mb="sm" data-testid="trace-causes">
      {causes.data.poolWaits.map((wait) => (
        <PoolWaitCause key={wait.spanId} traceId={traceId} wait={wait} />
      ))}
      {causes.data.locks.map((cause) => (
        <LockCauseAlert key={`${cause.kind}-${cause.eventId}`} cause={cause} />
      ))}
    </Stack>
  );
}

function PoolWaitCause({ traceId, wait }: { traceId: string; wait: PoolWaitWithHolders }) {
  const t = useTranslations("causes.trace");
  const line = [
    t(wait.timedOut ? "gaveUp" : "waited", { duration: formatDurationMs(wait.durationMs), service: wait.service, pool: wait.pool }),
    wait.pendingRequests ? t("inLine", { count: wait.pendingRequests }) : null,
    wait.poolMax !== null ? t("poolSize", { max: wait.poolMax }) : null,
  ].filter(Boolean);
  return (
    <Alert color="orange" variant="light" icon={<IconPlugConnected size={18} />} data-testid="pool-wait-cause">
      <Stack gap={6}>
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text size="sm" fw={600}>
            {line.join(" · ")}
          </Text>
          <Anchor component={Link} href={`/traces/${traceId}?span=${wait.spanId}`} size="xs" prefetch={false}>
            {t("showWait")}
          </Anchor>
        </Group>
        <Text size="sm">{t("heldBy")}</Text>
        <PoolHolders holders={wait.holders} poolMax={wait.poolMax} />
      </Stack>
    </Alert>
  );
}

function LockCauseAlert({ cause }: { cause: LockCause }) {
  const t = useTranslations("causes.trace");
  const duration = cause.durationMs === null ? "" : formatDurationMs(cause.durationMs);
  const lock = cause.mode && cause.object ? `${cause.mode} / ${cause.object}` : "—";
  const sentence = {
    waited: () => t("lockWaited", { duration, lock }),
    blocked: () => t("lockBlocked", { duration, lock }),
    deadlockVictim: () => t("deadlockVictim", { lock }),
    deadlock: () => t("deadlockOther", { lock }),
  }[cause.kind]();
  const deadlock = cause.kind === "deadlock" || cause.kind === "deadlockVictim";
  return (
    <Alert color={cause.kind === "deadlockVictim" ? "red" : "orange"} variant="light" icon={<IconLock size={18} />} data-testid="lock-cause" data-kind={cause.kind}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {sentence}
        </Text>
        {cause.others.map((side) => (
          <LockSideLine key={side.pid} side={side} />
        ))}
        {cause.own.query && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("ownQuery", { query: cause.own.query.slice(0, 300) })}
          </Text>
        )}
        <Anchor
          component={Link}
          href={`/database?db=${encodeURIComponent(cause.database)}${deadlock ? `&deadlock=${encodeURIComponent(cause.eventId)}` : ""}`}
          size="xs"
          prefetch={false}
        >
          {t("onDatabasePage")}
        </Anchor>
      </Stack>
    </Alert>
  );
}
