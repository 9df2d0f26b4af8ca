"use client";

import { Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { SPAN_FLAG, type CompactTrace } from "@/lib/schemas/trace-compact";
import type { FrozenIncident } from "@/lib/incidents/schemas";
import { formatDurationNs } from "@/lib/trace/format-duration";

// The traces and audited rows frozen into a resolved incident, drawn from its own copy: they
// read the same after retention dropped the spans and changes they were read from.

const MAX_ROWS = 40;

export function FrozenTraces({ frozen }: { frozen: FrozenIncident }) {
  const t = useTranslations("incidents.detail");
  if (frozen.traces.length === 0) return null;
  return (
    <Stack gap="md" data-testid="frozen-traces">
      {frozen.traces.map(({ traceId, trace }) => (
        <Stack key={traceId} gap={4}>
          <Text size="sm" fw={600} ff="monospace">
            {traceId}
          </Text>
          {trace === null ? (
            <Text size="sm" c="dimmed">
              {t("traceGone")}
            </Text>
          ) : (
            <SpanTable trace={trace} />
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function SpanTable({ trace }: { trace: CompactTrace }) {
  const t = useTranslations("incidents.detail");
  const { spans } = trace;
  const count = spans.spanId.length;
  const rows = Array.from({ length: Math.min(count, MAX_ROWS) }, (_, i) => i);
  const depth = (i: number) => {
    let d = 0;
    for (let p = spans.parent[i]!; p >= 0 && d < 30; p = spans.parent[p]!) d++;
    return d;
  };
  const statusOf = (i: number) => ((spans.flags[i]! & SPAN_FLAG.timeout) !== 0 ? "timeout" : spans.status[i] === 2 ? "error" : "ok");
  return (
    <>
      <Text size="xs" c="dimmed">
        {t("traceSpans", { count })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("spanColumns.service")}</Table.Th>
              <Table.Th>{t("spanColumns.operation")}</Table.Th>
              <Table.Th ta="right">{t("spanColumns.start")}</Table.Th>
              <Table.Th ta="right">{t("spanColumns.duration")}</Table.Th>
              <Table.Th>{t("spanColumns.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => {
              const status = statusOf(i);
              return (
                <Table.Tr key={i}>
                  <Table.Td>{trace.services[spans.service[i]!]}</Table.Td>
                  <Table.Td style={{ paddingLeft: 8 + depth(i) * 12, overflowWrap: "anywhere" }}>{trace.names[spans.name[i]!]}</Table.Td>
                  <Table.Td ta="right">+{formatDurationNs(spans.startNs[i]!)}</Table.Td>
                  <Table.Td ta="right">{formatDurationNs(spans.durationNs[i]!)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={status === "ok" ? "gray" : status === "timeout" ? "orange" : "red"}>
                      {status === "timeout" ? t("spanTimeout") : status === "error" ? t("spanError") : t("spanOk")}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count > MAX_ROWS ? (
        <Text size="xs" c="dimmed">
          {t("moreSpans", { count: count - MAX_ROWS })}
        </Text>
      ) : null}
    </>
  );
}

export function FrozenAudit({ frozen }: { frozen: FrozenIncident }) {
  const t = useTranslations("incidents.detail");
  if (frozen.audit.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="frozen-audit">
      {frozen.audit.map((row) => (
        <Stack key={`${row.database ?? ""}:${row.table}:${row.pk}`} gap={2}>
          <Text size="sm" fw={600}>
            {t("auditEvidence", { table: row.table, pk: row.pk })} · {t("auditChanges", { count: row.changes.length })}
          </Text>
          {row.changes.slice(-10).map((change) => (
            <Text key={change.id} size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {change.committedAt} {change.op} {JSON.stringify(change.after ?? change.before)}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
