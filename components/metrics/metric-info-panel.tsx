"use client";

import { Badge, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { metricListQuery } from "./metric-queries";

/** What each metric of the queries is: type, unit, temporality, description, label keys and series count. */
export function MetricInfoPanel({ queries }: { queries: readonly MetricQuerySpec[] }) {
  const t = useTranslations("metrics.info");
  const tType = useTranslations("metrics.type");
  const list = useQuery(metricListQuery());
  const names = [...new Set(queries.map((q) => q.name))];
  const infos = names.flatMap((name) => list.data?.metrics.filter((m) => m.name === name).slice(0, 1) ?? []);
  if (infos.length === 0) return null;
  return (
    <SectionCard title={t("title")}>
      <Stack gap="md">
        {infos.map((info) => (
          <Stack key={info.name} gap={4} data-testid="metric-info">
            <Group gap="xs" wrap="wrap">
              <TruncatedValue value={info.name} fw={600} maw={420} />
              <Badge variant="light" tt="none">
                {tType(info.type)}
              </Badge>
              {info.unit ? (
                <Badge variant="outline" color="gray" tt="none">
                  {t("unit", { unit: info.unit })}
                </Badge>
              ) : null}
              {info.type === "sum" || info.type === "histogram" || info.type === "exponential_histogram" ? (
                <Badge variant="outline" color="gray" tt="none">
                  {t(`temporality.${info.temporality}`)}
                  {info.type === "sum" ? ` · ${info.isMonotonic ? t("monotonic") : t("upDown")}` : ""}
                </Badge>
              ) : null}
              <Text size="xs" c="dimmed">
                {t("seriesCount", { count: info.seriesCount })}
              </Text>
            </Group>
            <Text size="sm" c={info.description ? undefined : "dimmed"}>
              {info.description || t("noDescription")}
            </Text>
            <Group gap={4} wrap="wrap">
              <Text size="xs" c="dimmed">
                {t("labelKeys")}
              </Text>
              {info.labelKeys.map((key) => (
                <Badge key={key} size="sm" variant="default" tt="none" maw={260}>
                  {key}
                </Badge>
              ))}
            </Group>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}
