"use client";

import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconServer2 } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ServiceHealthTable } from "@/components/services/service-health-table";
import { serviceHealthQuery } from "@/components/services/services-queries";
import { useWindowHref } from "@/components/time-range/use-window-href";
import { ServiceColorsProvider } from "@/components/traces/service-colors-context";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";

const SHOWN = 8;

/** The worst services of the window, compact: the first thing an SRE checks. */
export function ServiceHealthGrid() {
  const t = useTranslations("overview.health");
  const tl = useTranslations("services.list");
  const { range } = useTimeRange();
  const withWindow = useWindowHref();
  const key = range ? rangeKey(range) : null;
  const health = useQuery({ ...serviceHealthQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  const names = useMemo(() => health.data?.services.map((s) => s.name) ?? [], [health.data]);
  const all = (
    <Anchor component={Link} href={withWindow("/services")} prefetch={false} size="sm">
      {t("all")}
    </Anchor>
  );
  return (
    <SectionCard title={t("title")} description={t("hint")} action={all}>
      {key === null ? (
        <Skeleton h={200} />
      ) : (
        <QueryStates query={health} loadError={tl("failed")} isEmpty={(data) => data.services.length === 0} empty={{ icon: IconServer2, text: tl("empty") }}>
          {(data) => (
            <ServiceColorsProvider services={names}>
              <Stack gap={4}>
                <ServiceHealthTable services={data.services.slice(0, SHOWN)} range={key} compact />
                {data.services.length > SHOWN && (
                  <Group justify="flex-end">
                    <Text size="xs" c="dimmed">
                      {t("more", { count: data.services.length - SHOWN })}
                    </Text>
                  </Group>
                )}
              </Stack>
            </ServiceColorsProvider>
          )}
        </QueryStates>
      )}
    </SectionCard>
  );
}
