"use client";

import { Anchor, Badge, Table, Text } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { formatJsonValue } from "@/lib/trace/audit-diff";
import { formatUnixNano } from "@/lib/trace/format-instant";
import { RECENT_LOG_LIMIT, serviceLogsQuery } from "./services-queries";

const severityColor = (severity: number) => (severity >= 17 ? "red" : severity >= 13 ? "orange" : severity >= 9 ? "blue" : "gray");

/** The service's newest log records of the window; a record with a trace opens it. */
export function ServiceLogsCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("services.logs");
  const timeZone = useBrowserTimeZone();
  const query = useQuery({ ...serviceLogsQuery(service, range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint", { limit: RECENT_LOG_LIMIT })}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.logs.length === 0} empty={{ icon: IconFileText, text: t("empty") }}>
        {(data) => (
          <Table.ScrollContainer minWidth={640} mah={420}>
            <Table fz="xs" verticalSpacing={3} aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t("time")}</Table.Th>
                  <Table.Th w={80}>{t("severity")}</Table.Th>
                  <Table.Th>{t("body")}</Table.Th>
                  <Table.Th w={110}>{t("trace")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.logs.map((log, index) => (
                  <Table.Tr key={`${log.timeUnixNano}-${index}`}>
                    <Table.Td ff="monospace">{timeZone ? formatUnixNano(log.timeUnixNano, timeZone, 3) : ""}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={severityColor(log.severityNumber)}>
                        {log.severityText || String(log.severityNumber)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                      {formatJsonValue(log.body)}
                    </Table.Td>
                    <Table.Td>
                      {log.traceId ? (
                        <Anchor component={Link} prefetch={false} href={`/traces/${log.traceId}`} fz="xs" ff="monospace">
                          {log.traceId.slice(0, 8)}…
                        </Anchor>
                      ) : (
                        <Text span c="dimmed" fz="xs">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryStates>
    </SectionCard>
  );
}
