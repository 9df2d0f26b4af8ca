"use client";

import { Alert, Badge, Group, Stack, Text } from "@mantine/core";
import { IconDatabase, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { formatBytes } from "@/lib/client/format-bytes";
import { storageQueryOptions } from "@/lib/client/storage-query";
import { summariseStorage } from "@/lib/client/summarise-storage";
import { utcDay } from "@/lib/utc-day";
import { StorageChart } from "./storage-chart";
import { StorageTable } from "./storage-table";

const EMPTY_OPTION = {};

export function StorageCard() {
  const t = useTranslations("storage");
  const locale = useLocale();
  const storage = useQuery(storageQueryOptions());
  // "Today" is the day of the answer, not of the render: the chart must not change by itself.
  const summary = useMemo(
    () => (storage.data ? summariseStorage(storage.data, utcDay(storage.dataUpdatedAt)) : null),
    [storage.data, storage.dataUpdatedAt],
  );

  return (
    <SectionCard title={t("title")} description={t("description")}>
      {storage.isPending ? (
        <EChart option={EMPTY_OPTION} ariaLabel={t("chartLabel")} height={280} loading />
      ) : storage.isError ? (
        <QueryErrorAlert title={t("errorTitle")} error={storage.error} onRetry={() => void storage.refetch()} />
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <IconDatabase size={16} stroke={1.6} />
            <Text size="sm">
              {t("database", { version: storage.data.database.serverVersion, size: formatBytes(storage.data.database.sizeBytes, locale) })}
            </Text>
            <Badge variant="light" color="gray" size="sm">
              {storage.data.database.embedded ? t("embedded") : t("external")}
            </Badge>
          </Group>
          {summary && summary.totalRows > 0 ? (
            <StorageChart summary={summary} />
          ) : (
            <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t("emptyTitle")}>
              {t("empty")}
            </Alert>
          )}
          {summary && <StorageTable tables={summary.tables} />}
        </Stack>
      )}
    </SectionCard>
  );
}
