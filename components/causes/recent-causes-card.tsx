"use client";

import { Anchor, Badge, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconBinaryTree } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { reportHref } from "@/components/incidents/incident-record";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import type { LockSide, RecentCause } from "@/lib/causes/schemas";
import { rangeKey, type RangeKey } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { useTimeRange } from "@/lib/client/use-time-range";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { recentCausesQuery } from "./causes-queries";

const SHOWN = 8;

/**
 * The overview's way to a cause: the window's pool waits (with the operation that held the
 * pool), lock waits and deadlocks (with both requests) and endpoints with timeouts, each line
 * linking to the victim's trace, whose causes panel explains it (timeouts: to their report).
 */
export function RecentCausesCard() {
  const t = useTranslations("causes.recent");
  const { range } = useTimeRange();
  const key = range ? rangeKey(range) : null;
  const query = useQuery({ ...recentCausesQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      {key === null ? (
        <Skeleton h={80} />
      ) : (
        <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.causes.length === 0} empty={{ icon: IconBinaryTree, text: t("empty") }}>
          {(data) => (
            <Stack gap="sm" data-testid="recent-causes">
              {data.causes.slice(0, SHOWN).map((cause) => (
                <CauseLine key={causeKey(cause)} cause={cause} range={key} />
              ))}
            </Stack>
          )}
        </QueryStates>
      )}
    </SectionCard>
  );
}

const causeKey = (cause: RecentCause) =>
  cause.kind === "poolWait" ? `pool/${cause.service}/${cause.pool}` : cause.kind === "timeouts" ? `timeouts/${cause.service}/${cause.operation}` : `${cause.kind}/${cause.eventId}`;

function CauseLine({ cause, range }: { cause: RecentCause; range: RangeKey }) {
  const t = useTranslations("causes.recent");
  const timeZone = useBrowserTimeZone();
  const side = (s: LockSide | null) => (s?.request ? `${s.request.name} (${s.request.service})` : s ? t("process", { pid: s.pid }) : "—");
  const { badge, text, href } = ((): { badge: string; text: string; href: string } => {
    switch (cause.kind) {
      case "poolWait":
        return {
          badge: t("poolBadge"),
          text: t("pool", {
            waits: cause.waits,
            max: formatDurationMs(cause.maxWaitMs),
            service: cause.service,
            pool: cause.pool,
            holder: cause.topHolder ? t("poolHolder", { operation: cause.topHolder.operation ?? "?", connections: cause.topHolder.connections, poolMax: cause.victim.poolMax ?? "?" }) : t("poolNoHolder"),
          }),
          href: `/traces/${cause.victim.traceId}?span=${cause.victim.spanId}`,
        };
      case "lockWait":
        return {
          badge: t("lockBadge"),
          text: t("lock", { victim: side(cause.victim), duration: formatDurationMs(cause.durationMs), other: side(cause.other), object: cause.object }),
          href: `/traces/${cause.victim.traceId ?? ""}${cause.victim.spanId ? `?span=${cause.victim.spanId}` : ""}`,
        };
      case "deadlock":
        return {
          badge: t("deadlockBadge"),
          text: t("deadlock", { victim: side(cause.victim), others: cause.others.map(side).join(", ") }),
          href: cause.victim?.traceId ? `/traces/${cause.victim.traceId}${cause.victim.spanId ? `?span=${cause.victim.spanId}` : ""}` : `/database?deadlock=${encodeURIComponent(cause.eventId)}`,
        };
      case "timeouts":
        return {
          badge: t("timeoutBadge"),
          text: t("timeouts", { count: cause.timedOut, service: cause.service, operation: cause.operation }),
          href: reportHref(range.from, range.to, cause.service, cause.operation),
        };
    }
  })();
  const linkable = cause.kind !== "lockWait" || cause.victim.traceId !== null;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="recent-cause" data-kind={cause.kind}>
      <Text size="xs" ff="monospace" c="dimmed" style={{ flex: "none" }}>
        {timeZone ? formatInstant(cause.time, timeZone) : ""}
      </Text>
      <Badge size="xs" variant="light" color={cause.kind === "deadlock" ? "red" : "orange"} style={{ flex: "none" }}>
        {badge}
      </Badge>
      {linkable ? (
        <Anchor component={Link} href={href} size="sm" prefetch={false} style={{ overflowWrap: "anywhere" }} data-testid="recent-cause-link">
          {text}
        </Anchor>
      ) : (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {text}
        </Text>
      )}
    </Group>
  );
}
