"use client";

import { Alert, Code, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import type { RangeKey } from "@/lib/client/query-keys";
import { totalByLabel } from "@/lib/database/total-by-label";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { STATEMENT_ID_LABEL, STATEMENT_TEXT_LABEL, statementsQueries } from "./database-queries";

const TOP = 20;

/** Top statements by total time over the window, from the agent's pg_stat_statements counters. */
export function StatementsCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.statements");
  const locale = useLocale();
  const queries = statementsQueries(range, database);
  const duration = useQuery({ ...queries.duration, placeholderData: keepPreviousData });
  const calls = useQuery({ ...queries.calls, placeholderData: keepPreviousData });
  const rows = useMemo(() => {
    if (!duration.data || !calls.data) return [];
    const callTotals = totalByLabel(calls.data, STATEMENT_ID_LABEL);
    return [...totalByLabel(duration.data, STATEMENT_ID_LABEL).entries()]
      .map(([id, { total, labels }]) => ({ id, text: labels[STATEMENT_TEXT_LABEL] ?? null, seconds: total, calls: callTotals.get(id)?.total ?? 0 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, TOP);
  }, [duration.data, calls.data]);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const error = duration.error ?? calls.error;

  return (
    <SectionCard title={t("title")} description={t("description")}>
      <Stack>
        {error ? (
          <QueryErrorAlert title={t("failed")} error={error} />
        ) : duration.data && rows.length === 0 ? (
          <Alert color="gray" title={t("missingTitle")}>
            <Stack gap="xs">
              <Text size="sm">{t("missing")}</Text>
              <Code block>{"shared_preload_libraries = 'pg_stat_statements'   # postgresql.conf, then restart\nCREATE EXTENSION pg_stat_statements;   -- in the monitored database"}</Code>
            </Stack>
          </Alert>
        ) : (
          <Table aria-label={t("title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("statement")}</Table.Th>
                <Table.Th ta="right">{t("totalTime")}</Table.Th>
                <Table.Th ta="right">{t("calls")}</Table.Th>
                <Table.Th ta="right">{t("meanTime")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <TruncatedValue value={row.text ?? t("queryId", { id: row.id })} ff="monospace" size="xs" lines={2} maw={560} />
                  </Table.Td>
                  <Table.Td ta="right">{formatDurationMs(row.seconds * 1000)}</Table.Td>
                  <Table.Td ta="right">{count.format(row.calls)}</Table.Td>
                  <Table.Td ta="right">{row.calls > 0 ? formatDurationMs((row.seconds * 1000) / row.calls) : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
