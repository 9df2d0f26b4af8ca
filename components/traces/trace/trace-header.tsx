"use client";

import { ActionIcon, Badge, CopyButton, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { truncateText } from "@/lib/client/truncate-text";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { formatDurationNs } from "@/lib/trace/format-duration";
import { formatUnixNano } from "@/lib/trace/format-instant";
import type { TraceSummary } from "@/lib/trace/summarise-trace";
import { OpenIncidentButton } from "@/components/incidents/open-incident-modal";
import { ServiceName } from "../service-name";

/** The trace's identity and vital numbers: root operation, duration, spans, services, errors. */
export function TraceHeader({ model, summary }: { model: TraceModel; summary: TraceSummary }) {
  const t = useTranslations("traces.trace");
  const timeZone = useBrowserTimeZone();
  const root = model.tree.roots[0];
  const rootName = root !== undefined ? model.names[model.name[root]!]! : t("untitled");
  return (
    <Stack gap={6} mb="md">
      <Group gap="sm" align="baseline" wrap="wrap">
        {root !== undefined && <ServiceName name={model.services[model.service[root]!]!} size="lg" fw={600} />}
        {/* An operation name can be thousands of characters (a URL with its query): two lines
            at most here; the whole name is in the tooltip and in the span details. */}
        <Title order={1} size="h3" lineClamp={2} style={{ overflowWrap: "anywhere" }} title={truncateText(rootName, 1000)}>
          {rootName}
        </Title>
        <OpenIncidentButton size="xs" draft={() => traceIncidentDraft(model, summary, root !== undefined ? model.services[model.service[root]!]! : null, rootName)} />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" size="lg" tt="none">
          {formatDurationNs(summary.durationNs)}
        </Badge>
        <Badge variant="light" color="gray" size="lg" tt="none">
          {t("spans", { count: summary.spanCount })}
        </Badge>
        <Badge variant="light" color="gray" size="lg" tt="none">
          {t("services", { count: summary.serviceCount })}
        </Badge>
        <Badge variant={summary.errorCount ? "filled" : "light"} color={summary.errorCount ? "red" : "gray"} size="lg" tt="none">
          {t("errors", { count: summary.errorCount })}
        </Badge>
        {model.missingParentIds.size > 0 && (
          <Tooltip label={t("orphansHint")} multiline w={320} withArrow>
            <Badge variant="light" color="orange" size="lg" tt="none">
              {t("orphans", { count: model.missingParentIds.size })}
            </Badge>
          </Tooltip>
        )}
        {model.skewAdjustedCount > 0 && (
          <Tooltip label={t("skewHint")} multiline w={320} withArrow>
            <Badge variant="light" color="grape" size="lg" tt="none">
              {t("skew", { count: model.skewAdjustedCount })}
            </Badge>
          </Tooltip>
        )}
        <Text size="sm" c="dimmed">
          {timeZone ? t("started", { time: formatUnixNano(model.startTimeUnixNano, timeZone, 3) }) : null}
        </Text>
        <Group gap={2}>
          <Text size="sm" c="dimmed" ff="monospace">
            {model.traceId}
          </Text>
          <CopyButton value={model.traceId}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("copied") : t("copyId")} withArrow>
                <ActionIcon variant="subtle" color={copied ? "teal" : "gray"} size="sm" onClick={copy} aria-label={t("copyId")}>
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Group>
    </Stack>
  );
}

/** The trace's own time, a minute either side, its root service and the trace as evidence. */
function traceIncidentDraft(model: TraceModel, summary: TraceSummary, service: string | null, rootName: string) {
  const startMs = Number(BigInt(model.startTimeUnixNano) / 1_000_000n);
  const filters: Record<string, string> = { traceId: model.traceId, ...(service ? { service, operation: rootName.slice(0, 500) } : {}) };
  return {
    source: "trace" as const,
    windowFromMs: startMs - 60_000,
    windowToMs: startMs + Math.ceil(summary.durationNs / 1e6) + 60_000,
    filters,
    evidence: [{ kind: "trace" as const, traceId: model.traceId }],
    title: rootName.slice(0, 200),
  };
}
