"use client";

import { Anchor, Box, Group, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { describeRow } from "@/lib/consistency/change-ref";
import type { ViolationSummary } from "@/lib/consistency/schemas";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { ViolationStateBadge } from "./violation-state-badge";

const ROW_HEIGHT = 40;
const MAX_HEIGHT = 520;
const COLUMNS = "minmax(160px, 1.4fr) minmax(120px, 1.2fr) 120px minmax(160px, 1.6fr) 150px 150px 150px minmax(90px, 0.8fr)";
const cell = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 } as const;

/**
 * Open and recent violations, virtualised like the audit results (only the rows in view are in
 * the DOM). The step of each row links to the violation's story; its traces to the requests.
 */
export function ViolationsTable({ violations }: { violations: ViolationSummary[] }) {
  const t = useTranslations("consistency.table");
  const timeZone = useBrowserTimeZone();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's instance changes without a new identity (see trace-waterfall.tsx).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: violations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => violations[index]!.id,
  });
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const header = [t("step"), t("rule"), t("state"), t("row"), t("started"), t("deadline"), t("detected"), t("traces")];
  return (
    <Box role="table" aria-label={t("label", { count: violations.length })} aria-rowcount={violations.length + 1} data-testid="violations-table" style={{ overflowX: "auto" }}>
      <Box miw={1100}>
        <Box role="row" style={{ display: "grid", gridTemplateColumns: COLUMNS, gap: 8, padding: "4px 8px", borderBottom: "1px solid var(--mantine-color-default-border)" }}>
          {header.map((label) => (
            <Text key={label} role="columnheader" size="xs" fw={600} c="dimmed" style={cell}>
              {label}
            </Text>
          ))}
        </Box>
        <div ref={scrollRef} style={{ height: Math.min(MAX_HEIGHT, violations.length * ROW_HEIGHT), overflowY: "auto" }}>
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const violation = violations[item.index]!;
              const row = describeRow(violation);
              return (
                <Box
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid="violation-row"
                  data-violation-id={violation.id}
                  style={{ position: "absolute", top: item.start, left: 0, right: 0, height: ROW_HEIGHT, display: "grid", gridTemplateColumns: COLUMNS, gap: 8, alignItems: "center", padding: "0 8px", borderBottom: "1px solid var(--mantine-color-default-border)" }}
                >
                  <Anchor role="cell" component={Link} href={`/consistency/violations/${encodeURIComponent(violation.id)}`} prefetch={false} size="sm" fw={600} style={cell} title={violation.step} data-testid="violation-link">
                    {violation.step}
                  </Anchor>
                  <Text role="cell" size="xs" style={cell} title={violation.ruleName}>
                    {violation.ruleName}
                  </Text>
                  <Box role="cell" style={cell}>
                    <ViolationStateBadge violation={violation} />
                  </Box>
                  <Text role="cell" size="xs" ff="monospace" style={cell} title={row}>
                    {row}
                  </Text>
                  <Text role="cell" size="xs" ff="monospace" style={cell}>
                    {time(violation.startedAtMs)}
                  </Text>
                  <Text role="cell" size="xs" ff="monospace" style={cell}>
                    {time(violation.deadlineAtMs)}
                  </Text>
                  <Text role="cell" size="xs" ff="monospace" style={cell}>
                    {time(violation.detectedAtMs)}
                  </Text>
                  <Group role="cell" gap={6} wrap="nowrap" style={cell}>
                    {violation.traceIds.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t("noTrace")}
                      </Text>
                    ) : (
                      violation.traceIds.slice(0, 3).map((traceId) => (
                        <Anchor key={traceId} component={Link} href={`/traces/${traceId}`} prefetch={false} size="xs" ff="monospace" title={traceId}>
                          {traceId.slice(0, 8)}
                        </Anchor>
                      ))
                    )}
                  </Group>
                </Box>
              );
            })}
          </div>
        </div>
      </Box>
    </Box>
  );
}
