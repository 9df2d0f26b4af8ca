"use client";

import { Alert, Badge, Group, SimpleGrid, Skeleton, Stack } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ServicePoolWaitsCard } from "@/components/causes/service-pool-waits-card";
import { OpenIncidentButton } from "@/components/incidents/open-incident-modal";
import { ServiceColorsProvider } from "@/components/traces/service-colors-context";
import { ServiceName } from "@/components/traces/service-name";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { ServiceDbPoolCard } from "./service-db-pool-card";
import { ServiceDependenciesCard } from "./service-dependencies-card";
import { ServiceErrorsCard } from "./service-errors-card";
import { ServiceLogsCard } from "./service-logs-card";
import { ServiceOperationsCard } from "./service-operations-card";
import { ServiceRedCharts } from "./service-red-charts";
import { ServiceVersionsCard } from "./service-versions-card";
import { redKindOf, servicePartQuery } from "./services-queries";
import { useWindowHref } from "@/components/time-range/use-window-href";

/** One service: its RED against its baselines, operations, dependencies, pool, errors, versions and logs. */
export function ServiceView({ service }: { service: string }) {
  const t = useTranslations("services.page");
  const { range } = useTimeRange();
  const withWindow = useWindowHref();
  const key = range ? rangeKey(range) : { from: 0, to: 1 };
  const versions = useQuery({ ...servicePartQuery(service, "versions", key), enabled: range !== null, placeholderData: keepPreviousData });
  const operations = useQuery({ ...servicePartQuery(service, "operations", key), enabled: range !== null, placeholderData: keepPreviousData });
  // The charts show the requests the service handled when it handles any (not its own calls out).
  const kind = useMemo(() => redKindOf(operations.data), [operations.data]);
  const markers = useMemo(
    () => (versions.data?.versions ?? []).filter((v) => range && v.firstSeenMs >= range.fromMs && v.firstSeenMs < range.toMs).map((v) => ({ timeMs: v.firstSeenMs, label: v.version })),
    [versions.data, range],
  );
  const services = useMemo(() => [service], [service]);

  const back = (
    <BackLink href={withWindow("/services")}>{t("back")}</BackLink>
  );
  if (!range || versions.isPending || operations.isPending) return <Skeleton h={480} />;
  if (versions.isError) return <QueryErrorAlert title={t("failed")} error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data.known) {
    return (
      <Stack gap="md" align="flex-start">
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} title={t("unknownTitle")} w="100%">
          {t("unknown", { service })}
        </Alert>
        {back}
      </Stack>
    );
  }
  const current = versions.data.versions.find((v) => v.lastSeenMs !== null) ?? versions.data.versions[0];
  return (
    <ServiceColorsProvider services={services}>
      <Stack gap="lg">
        <Group justify="space-between">
          <Group gap="sm">
            <ServiceName name={service} fw={600} />
            {current && current.version && (
              <Badge variant="light" color="violet">
                {t("version", { version: current.version })}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <OpenIncidentButton draft={() => ({ source: "service", windowFromMs: key.from, windowToMs: key.to, filters: { service }, evidence: [], title: service })} />
            {back}
          </Group>
        </Group>
        <ServiceRedCharts service={service} kind={kind} range={key} markers={markers} />
        <ServiceOperationsCard service={service} range={key} />
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          <ServiceDependenciesCard service={service} range={key} />
          <ServiceDbPoolCard service={service} range={key} />
        </SimpleGrid>
        <ServicePoolWaitsCard service={service} range={key} />
        <ServiceErrorsCard service={service} range={key} />
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          <ServiceVersionsCard query={versions} />
          <ServiceLogsCard service={service} range={key} />
        </SimpleGrid>
      </Stack>
    </ServiceColorsProvider>
  );
}
