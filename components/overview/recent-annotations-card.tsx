"use client";

import { Badge, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconFlag } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { annotationsQuery } from "@/components/annotations/annotation-queries";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { useTimeRange } from "@/lib/client/use-time-range";

const SHOWN = 8;

/** The newest annotations of the window: deploys, incidents, notes people left on charts. */
export function RecentAnnotationsCard() {
  const t = useTranslations("overview.annotations");
  const { range } = useTimeRange();
  const timeZone = useBrowserTimeZone();
  const query = useQuery({ ...annotationsQuery(range ? rangeKey(range) : { from: 0, to: 1 }, null), enabled: range !== null, placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")}>
      {range === null ? (
        <Skeleton h={80} />
      ) : (
        <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.annotations.length === 0} empty={{ icon: IconFlag, text: t("empty") }}>
          {(data) => (
            <Stack gap={6}>
              {[...data.annotations]
                .reverse()
                .slice(0, SHOWN)
                .map((annotation) => (
                  <Group key={annotation.id} gap="sm" wrap="nowrap" align="flex-start">
                    <Text size="xs" ff="monospace" c="dimmed" style={{ flex: "none" }}>
                      {timeZone ? formatInstant(annotation.timeMs, timeZone) : ""}
                    </Text>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {annotation.text}
                    </Text>
                    {annotation.service && (
                      <Badge size="xs" variant="light" style={{ flex: "none" }}>
                        {annotation.service}
                      </Badge>
                    )}
                  </Group>
                ))}
            </Stack>
          )}
        </QueryStates>
      )}
    </SectionCard>
  );
}
