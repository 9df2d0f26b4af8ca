"use client";

import { Alert, Anchor, Badge, Skeleton, Table, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { LogSearchResponse } from "@/lib/schemas/logs";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { formatJsonValue } from "@/lib/trace/audit-diff";
import { formatUnixNano } from "@/lib/trace/format-instant";
import { TRACE_LOG_LIMIT } from "../trace-queries";

function severityColor(severity: number): string {
  if (severity >= 17) return "red";
  if (severity >= 13) return "orange";
  if (severity >= 9) return "blue";
  return "gray";
}

/** Log records that carry this trace's id, oldest first, each linked to its span. */
export function TraceLogs({ model, query, onSelect }: { model: TraceModel; query: UseQueryResult<LogSearchResponse>; onSelect: (span: number) => void }) {
  const t = useTranslations("traces.logs");
  const timeZone = useBrowserTimeZone();
  if (query.isPending) return <Skeleton h={120} />;
  if (query.isError) return <QueryErrorAlert title={t("errorTitle")} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.logs.length === 0)
    return (
      <Alert variant="light" icon={<IconInfoCircle size={18} />}>
        {t("none")}
      </Alert>
    );
  const logs = [...query.data.logs].reverse();
  return (
    <>
      {query.data.logs.length >= TRACE_LOG_LIMIT && (
        <Text size="sm" c="dimmed" mb="xs">
          {t("truncated", { limit: TRACE_LOG_LIMIT })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={700}>
        <Table fz="xs" verticalSpacing={4} aria-label={t("label")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>{t("time")}</Table.Th>
              <Table.Th w={80}>{t("severity")}</Table.Th>
              <Table.Th w={140}>{t("service")}</Table.Th>
              <Table.Th>{t("body")}</Table.Th>
              <Table.Th w={160}>{t("span")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {logs.map((log, index) => {
              const span = log.spanId ? model.indexBySpanId.get(log.spanId) : undefined;
              return (
                <Table.Tr key={`${log.timeUnixNano}-${index}`}>
                  <Table.Td ff="monospace">{timeZone ? formatUnixNano(log.timeUnixNano, timeZone, 3) : ""}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={severityColor(log.severityNumber)}>
                      {log.severityText || String(log.severityNumber)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{log.serviceName}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {formatJsonValue(log.body)}
                  </Table.Td>
                  <Table.Td>
                    {span !== undefined ? (
                      <Anchor component="button" type="button" fz="xs" onClick={() => onSelect(span)}>
                        {model.names[model.name[span]!]}
                      </Anchor>
                    ) : (
                      <Text span c="dimmed" fz="xs">
                        {log.spanId ?? "—"}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
