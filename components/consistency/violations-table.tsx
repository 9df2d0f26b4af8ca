"use client";

import { Anchor, Box, Group, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { describeRow } from "@/lib/consistency/change-ref";
import type { ViolationSummary } from "@/lib/consistency/schemas";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { gridCell as cell, VirtualGridTable } from "@/components/ui/virtual-grid-table";
import { ViolationStateBadge } from "./violation-state-badge";

const ROW_HEIGHT = 40;
const MAX_HEIGHT = 520;
const COLUMNS = "minmax(160px, 1.4fr) minmax(120px, 1.2fr) 120px minmax(160px, 1.6fr) 150px 150px 150px minmax(90px, 0.8fr)";

/**
 * Open and recent violations, virtualised like the audit results (only the rows in view are in
 * the DOM). The step of each row links to the violation's story; its traces to the requests.
 */
export function ViolationsTable({ violations }: { violations: ViolationSummary[] }) {
  const t = useTranslations("consistency.table");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const header = [t("step"), t("rule"), t("state"), t("row"), t("started"), t("deadline"), t("detected"), t("traces")];
  return (
    <VirtualGridTable
      items={violations}
      itemKey={(violation) => violation.id}
      header={header}
      columns={COLUMNS}
      rowHeight={ROW_HEIGHT}
      maxHeight={MAX_HEIGHT}
      minWidth={1100}
      label={t("label", { count: violations.length })}
      testId="violations-table"
      renderRow={(violation, { key, ariaRowIndex, style }) => {
        const row = describeRow(violation);
        return (
          <Box key={key} role="row" aria-rowindex={ariaRowIndex} data-testid="violation-row" data-violation-id={violation.id} style={style}>
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
      }}
    />
  );
}
