"use client";

import { Alert, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ServiceColorsProvider } from "@/components/traces/service-colors-context";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { ServiceHealthTable } from "./service-health-table";
import { serviceHealthQuery } from "./services-queries";

/** The services list: every service and external peer of the window, worst first. */
export function ServicesList() {
  const t = useTranslations("services");
  const { range } = useTimeRange();
  const key = range ? rangeKey(range) : null;
  const health = useQuery({ ...serviceHealthQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  const names = useMemo(() => health.data?.services.map((s) => s.name) ?? [], [health.data]);

  if (!range || health.isPending) return <Skeleton h={360} />;
  if (health.isError) return <QueryErrorAlert title={t("list.failed")} error={health.error} onRetry={() => void health.refetch()} />;
  if (health.data.services.length === 0) {
    return (
      <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t("list.emptyTitle")}>
        {t("list.empty")}
      </Alert>
    );
  }
  return (
    <ServiceColorsProvider services={names}>
      <SectionCard title={t("list.title", { count: health.data.services.length })} description={t("list.hint")}>
        <Stack gap="xs">
          <ServiceHealthTable services={health.data.services} range={key!} />
          {health.data.percentilesSampled && (
            <Text size="xs" c="dimmed">
              {t("list.sampled")}
            </Text>
          )}
        </Stack>
      </SectionCard>
    </ServiceColorsProvider>
  );
}
