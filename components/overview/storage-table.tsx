"use client";

import { Table, Text } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "@/lib/client/format-bytes";
import type { StorageTableSummary } from "@/lib/client/summarise-storage";

export function StorageTable({ tables }: { tables: StorageTableSummary[] }) {
  const t = useTranslations("storage");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("signal")}</Table.Th>
            <Table.Th ta="right">{t("rows")}</Table.Th>
            <Table.Th ta="right">{t("size")}</Table.Th>
            <Table.Th ta="right">{t("retention")}</Table.Th>
            <Table.Th>{t("oldest")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tables.map(({ table, rows, exact, bytes, retentionDays, oldestDay }) => (
            <Table.Tr key={table}>
              <Table.Td>
                <Text size="sm">{t(`signals.${table}`)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {table}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {/* Small partitions are counted; any larger one makes the total an estimate, marked as such. */}
                {exact ? number.format(rows) : <span title={t("estimateTitle")}>{t("estimated", { rows: number.format(rows) })}</span>}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatBytes(bytes, locale)}
              </Table.Td>
              <Table.Td ta="right">{t("retentionDays", { count: retentionDays })}</Table.Td>
              <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{oldestDay ?? t("none")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t("estimateNote")}
      </Text>
    </Table.ScrollContainer>
  );
}
