"use client";

import { Alert, Anchor, Group, List, Progress, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { rangeKey } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { WhySlowResponse } from "@/lib/findings/schemas";
import { readThresholdMs, whySlowUrlRules } from "@/lib/findings/why-slow-url-rules";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { whySlowQuery } from "./findings-queries";
import { WhySlowFeature, WhySlowSentence } from "./why-slow-sentence";

const parsers = { service: parseAsString, operation: parseAsString, thresholdMs: parseAsString };
const TOP = 5;

/** BubbleUp for the service (and operation) and window in the address: the top differences in words, then all of them. */
export function WhySlowView() {
  const t = useTranslations("findings.whySlow");
  const { range } = useTimeRange();
  const [params] = useQueryStates(parsers);
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), whySlowUrlRules), [searchParams]);
  const service = params.service?.trim() ? params.service : null;
  const operation = params.operation?.trim() ? params.operation : null;
  const thresholdMs = readThresholdMs(params.thresholdMs);
  const key = range ? rangeKey(range) : null;
  const ready = key !== null && service !== null;
  const query = useQuery({ ...whySlowQuery(key ?? { from: 0, to: 1 }, service ?? "", operation, thresholdMs), enabled: ready, placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} />
      {!service ? (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
          {t("missing")}
        </Alert>
      ) : query.isError ? (
        <QueryErrorAlert title={t("failed")} error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton h={320} />
      ) : (
        <WhySlowBody data={query.data} />
      )}
    </Stack>
  );
}

function WhySlowBody({ data }: { data: WhySlowResponse }) {
  const t = useTranslations("findings.whySlow");
  const format = useFormatter();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const top = data.differences.filter((d) => d.slowShare > d.baselineShare).slice(0, TOP);
  const threshold = formatDurationMs(data.thresholdMs);
  return (
    <>
      <Stack gap={4}>
        <Title order={2} size="h4" style={{ overflowWrap: "anywhere" }}>
          {data.operation === null
            ? t("headingService", { service: data.service, from: formatInstant(data.fromMs, timeZone), to: formatInstant(data.toMs, timeZone) })
            : t("heading", { service: data.service, operation: data.operation, from: formatInstant(data.fromMs, timeZone), to: formatInstant(data.toMs, timeZone) })}
        </Title>
        <Text size="sm" c="dimmed">
          {t("counts", {
            slow: data.slow.count,
            sampled: data.slow.sampled,
            threshold,
            baseline: data.baseline.count,
            baselineSampled: data.baseline.sampled,
            source: t(`source_${data.baseline.source}`),
          })}
        </Text>
      </Stack>
      <SectionCard title={t("topTitle")}>
        {data.slow.count === 0 ? (
          <Text size="sm">{t("noSlow", { threshold })}</Text>
        ) : top.length === 0 ? (
          <Text size="sm">{t("noDifferences")}</Text>
        ) : (
          <List spacing="xs" size="md" aria-label={t("topTitle")}>
            {top.map((difference) => (
              <List.Item key={JSON.stringify(difference.feature)} data-testid="why-slow-sentence">
                <WhySlowSentence difference={difference} />
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      {data.differences.length > 0 && (
        <SectionCard title={t("tableTitle")}>
          <Table verticalSpacing={4} fz="sm" aria-label={t("tableTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("feature")}</Table.Th>
                <Table.Th w={200}>{t("slowShare")}</Table.Th>
                <Table.Th w={200}>{t("baselineShare")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.differences.map((difference) => (
                <Table.Tr key={JSON.stringify(difference.feature)}>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>
                    <WhySlowFeature feature={difference.feature} />
                  </Table.Td>
                  <Table.Td>
                    <Share value={difference.slowShare} label={percent(difference.slowShare)} color="red" />
                  </Table.Td>
                  <Table.Td>
                    <Share value={difference.baselineShare} label={percent(difference.baselineShare)} color="gray" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionCard>
      )}
      {data.exampleTraceIds.length > 0 && (
        <SectionCard title={t("slowTraces")}>
          <Group gap="md" wrap="wrap">
            {data.exampleTraceIds.map((traceId) => (
              <Anchor key={traceId} component={Link} prefetch={false} href={`/traces/${traceId}`} ff="monospace" size="sm">
                {traceId}
              </Anchor>
            ))}
            <Anchor component={Link} prefetch={false} size="sm" href={traceSearchLink({ service: data.service, operation: data.operation, fromMs: data.fromMs, toMs: data.toMs, sort: "duration" })}>
              {t("openSearch")}
            </Anchor>
          </Group>
        </SectionCard>
      )}
    </>
  );
}

function Share({ value, label, color }: { value: number; label: string; color: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value * 100} color={color} w={120} size="sm" aria-hidden />
      <Text size="sm" fw={600} w={44} ta="right">
        {label}
      </Text>
    </Group>
  );
}
