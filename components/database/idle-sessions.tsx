"use client";

import { Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { TruncatedValue } from "@/components/ui/truncated-value";
import type { RangeKey } from "@/lib/client/query-keys";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { databaseActivityQuery } from "./database-queries";
import { ProcessLinks } from "./process-links";

/** The longest idle-in-transaction sessions of the window: what they ran last, and for which request. */
export function IdleSessions({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.idleSessions");
  const locale = useLocale();
  const activity = useQuery({ ...databaseActivityQuery(range, database), placeholderData: keepPreviousData });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  if (activity.error) return <QueryErrorAlert title={t("failed")} error={activity.error} />;
  if (!activity.data) return null;
  const sessions = activity.data.idleSessions;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("title")}
      </Text>
      {sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {activity.data.samples === 0 ? t("noSamples") : t("none")}
        </Text>
      ) : (
        <Table aria-label={t("title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("pid")}</Table.Th>
              <Table.Th ta="right">{t("idleFor")}</Table.Th>
              <Table.Th>{t("since")}</Table.Th>
              <Table.Th>{t("lastQuery")}</Table.Th>
              <Table.Th>{t("links")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={`${s.pid}-${s.xactStart ?? s.idleSince}`}>
                <Table.Td>
                  <Text size="sm">{s.pid}</Text>
                  <Text size="xs" c="dimmed">
                    {[s.user, s.applicationName].filter(Boolean).join(" · ")}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatDurationMs(s.idleMs)}</Table.Td>
                <Table.Td>{time.format(new Date(s.idleSince))}</Table.Td>
                <Table.Td>
                  <TruncatedValue value={s.query ?? "—"} ff="monospace" size="xs" lines={2} maw={520} />
                </Table.Td>
                <Table.Td>
                  <ProcessLinks database={database} traceId={s.traceId} pid={s.pid} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
