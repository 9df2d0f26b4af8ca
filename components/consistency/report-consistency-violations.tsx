"use client";

import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { SectionCard } from "@/components/ui/section-card";
import { withTimeRange } from "@/lib/client/time-range-params";
import { describeRow } from "@/lib/consistency/change-ref";
import { consistencyViolationsQuery } from "./consistency-queries";
import { ViolationStateBadge } from "./violation-state-badge";

// A violation is detected at its deadline, after its trigger: violations detected up to a day
// after the report's window are asked for, and those whose trigger fell in the window kept.
const DETECTION_LAG_MS = 24 * 60 * 60_000;
const SHOWN = 10;

/**
 * The timeout report's "state left behind", part two: the consistency violations whose trigger
 * fell in the report's window (count and links). Says nothing when there are none or when the
 * reader cannot list them (e.g. a shared report without a session).
 */
export function ReportConsistencyViolations({ window, framed }: { window: { fromMs: number; toMs: number }; framed: boolean }) {
  const t = useTranslations("reports.timeouts.stateLeft");
  const query = useQuery(consistencyViolationsQuery({ from: window.fromMs, to: window.toMs + DETECTION_LAG_MS }, null, "all"));
  const violations = useMemo(() => (query.data?.violations ?? []).filter((v) => v.startedAtMs >= window.fromMs && v.startedAtMs < window.toMs), [query.data, window.fromMs, window.toMs]);
  if (violations.length === 0) return null;
  const list = (
    <Stack gap={4} mt={framed ? 0 : "md"} data-testid="report-consistency-violations">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t("consistencyTitle", { count: violations.length })}
        </Text>
        <Anchor component={Link} href={withTimeRange("/consistency", { from: window.fromMs, to: window.toMs, rel: null })} size="sm">
          {t("consistencyAll")}
        </Anchor>
      </Group>
      {violations.slice(0, SHOWN).map((violation) => (
        <Group key={violation.id} gap="xs" wrap="nowrap">
          <ViolationStateBadge violation={violation} />
          <Anchor component={Link} href={`/consistency/violations/${encodeURIComponent(violation.id)}`} size="sm" style={{ overflowWrap: "anywhere" }}>
            {violation.step} · {describeRow(violation)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {violation.ruleName}
          </Text>
        </Group>
      ))}
    </Stack>
  );
  return framed ? (
    <div id="state-left">
      <SectionCard title={t("title")}>{list}</SectionCard>
    </div>
  ) : (
    list
  );
}
