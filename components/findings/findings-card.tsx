"use client";

import { Anchor, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { useTimeRange } from "@/lib/client/use-time-range";
import { whySlowHref } from "@/lib/findings/why-slow-link";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { duplicateDeliveriesQuery, slowWindowsQuery } from "./findings-queries";

const SHOWN = 5;

/**
 * The overview's way to causes: deliveries that did nothing because their work was already
 * done (each opens the duplicate's trace, which names the trace that did the work) and the
 * windows where an operation turned slow (each opens "Why slow?" for that window).
 */
export function FindingsCard() {
  const t = useTranslations("findings.card");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const { range } = useTimeRange();
  const key = range ? rangeKey(range) : null;
  const duplicates = useQuery({ ...duplicateDeliveriesQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  const slow = useQuery({ ...slowWindowsQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  const clock = (ms: number) => formatInstant(ms, timeZone);
  const nanoClock = (unixNano: string) => clock(Number(BigInt(unixNano) / 1_000_000n));
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <Stack gap="md">
        <Part title={t("duplicates")} query={duplicates} failed={t("failed")} count={duplicates.data?.deliveries.length ?? 0} empty={t("noDuplicates")}>
          {duplicates.data?.deliveries.slice(0, SHOWN).map((delivery) => (
            <Anchor
              key={`${delivery.duplicate.traceId}-${delivery.operation}`}
              component={Link}
              prefetch={false}
              size="sm"
              href={`/traces/${delivery.duplicate.traceId}`}
              style={{ overflowWrap: "anywhere" }}
            >
              {t("duplicate", { service: delivery.service, operation: delivery.operation, time: nanoClock(delivery.duplicate.startTimeUnixNano), key: delivery.keys.map((k) => `${k.key}=${k.value}`)[0] ?? "" })}
            </Anchor>
          ))}
        </Part>
        <Part title={t("slowWindows")} query={slow} failed={t("failed")} count={slow.data?.windows.length ?? 0} empty={t("noSlowWindows")}>
          {slow.data?.windows.slice(0, SHOWN).map((window) => (
            <Group key={`${window.service}-${window.operation}-${window.fromMs}`} gap="xs" wrap="nowrap" align="baseline">
              <Anchor component={Link} prefetch={false} size="sm" fw={600} href={whySlowHref(window)} style={{ whiteSpace: "nowrap" }} aria-label={`${t("whySlow")} ${window.service} ${window.operation}`}>
                {t("whySlow")}
              </Anchor>
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {t("slowWindow", {
                  service: window.service,
                  operation: window.operation,
                  mean: formatDurationMs(window.meanMs),
                  usual: formatDurationMs(window.baselineMeanMs),
                  from: clock(window.fromMs),
                  to: clock(window.toMs),
                })}
              </Text>
            </Group>
          ))}
        </Part>
      </Stack>
    </SectionCard>
  );
}

function Part(props: { title: string; query: { isError: boolean; error: Error | null; data: unknown; refetch: () => unknown }; failed: string; count: number; empty: string; children: ReactNode }) {
  const t = useTranslations("findings.card");
  const { query } = props;
  return (
    <Stack gap={4} role="region" aria-label={props.title}>
      <Title order={3} size="h6">
        {props.title}
      </Title>
      {query.isError ? (
        <QueryErrorAlert title={props.failed} error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data === undefined ? (
        <Skeleton h={40} />
      ) : props.count === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <>
          {props.children}
          {props.count > SHOWN && (
            <Text size="xs" c="dimmed">
              {t("more", { count: props.count - SHOWN })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
