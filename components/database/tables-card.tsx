"use client";

import { Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { databaseActivityQuery } from "./database-queries";

/** Tables with the most sequential scans and dead tuples, with their last vacuums, from the window's newest agent sample. */
export function TablesCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.tables");
  const locale = useLocale();
  const activity = useQuery({ ...databaseActivityQuery(range, database), placeholderData: keepPreviousData });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  const when = (iso: string | null) => (iso === null ? t("never") : time.format(new Date(iso)));
  const data = activity.data;
  return (
    <SectionCard title={t("title")} description={t("description")}>
      {activity.error ? (
        <QueryErrorAlert title={t("failed")} error={activity.error} />
      ) : !data ? null : data.tables.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.takenAt && (
            <Text size="xs" c="dimmed">
              {t("takenAt", { time: new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(data.takenAt)) })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("table")}</Table.Th>
                  <Table.Th ta="right">{t("seqScansInWindow")}</Table.Th>
                  <Table.Th ta="right">{t("seqScans")}</Table.Th>
                  <Table.Th ta="right">{t("seqRowsRead")}</Table.Th>
                  <Table.Th ta="right">{t("indexScans")}</Table.Th>
                  <Table.Th ta="right">{t("deadRows")}</Table.Th>
                  <Table.Th>{t("lastVacuum")}</Table.Th>
                  <Table.Th>{t("lastAutovacuum")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.tables.map((row) => (
                  <Table.Tr key={row.table}>
                    <Table.Td ff="monospace" fz="sm">
                      {row.table}
                    </Table.Td>
                    <Table.Td ta="right">{row.seqScansInWindow === null ? "—" : count.format(row.seqScansInWindow)}</Table.Td>
                    <Table.Td ta="right">{count.format(row.seqScans)}</Table.Td>
                    <Table.Td ta="right">{count.format(row.seqRowsRead)}</Table.Td>
                    <Table.Td ta="right">{row.indexScans === null ? t("noIndex") : count.format(row.indexScans)}</Table.Td>
                    <Table.Td ta="right">{t("deadOfLive", { dead: count.format(row.deadRows), live: count.format(row.liveRows) })}</Table.Td>
                    <Table.Td>{when(row.lastVacuum)}</Table.Td>
                    <Table.Td>{when(row.lastAutovacuum)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </SectionCard>
  );
}
