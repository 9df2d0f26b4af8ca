"use client";

import { Alert, Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo } from "react";
import { useTimeRangeLabel } from "@/components/time-range/use-time-range-label";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { truncateText } from "@/lib/client/truncate-text";
import { rangeKey } from "@/lib/client/query-keys";
import { zoomOutTimeRange } from "@/lib/client/time-range";
import { withTimeRange } from "@/lib/client/time-range-params";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { TraceSummary } from "@/lib/schemas/traces";
import { activeFilters } from "@/lib/trace/search/active-filters";
import type { BrushWindow } from "@/lib/trace/search/brush-selection";
import { effectiveLimit } from "@/lib/trace/search/build-search-request";
import { traceSearchUrlRules } from "@/lib/trace/search/search-url-rules";
import { traceSearchQuery } from "../trace-queries";
import { ActiveFilterChips } from "./active-filter-chips";
import { TraceResultsTable } from "./trace-results-table";
import { TraceScatter } from "./trace-scatter";
import { TraceSearchEmpty } from "./trace-search-empty";
import { WhySlowLink } from "@/components/findings/why-slow-link";
import { TraceSearchFilters } from "./trace-search-filters";
import { rememberTraceSearch } from "./last-trace-search";
import { useTraceSearchFilters } from "./use-trace-search-filters";

/** /traces: filters, the scatter of results and the results list, all driven by the URL. */
export function TraceSearch() {
  const t = useTranslations("traces.search");
  const router = useRouter();
  const { range, pinned, setRange } = useTimeRange();
  const { label: rangeLabel } = useTimeRangeLabel(range, pinned);
  const [filters, setFilters] = useTraceSearchFilters();
  const key = range ? rangeKey(range) : null;
  const search = useQuery({ ...traceSearchQuery(key ?? { from: 0, to: 1 }, filters), enabled: key !== null, placeholderData: keepPreviousData });

  // `touches` (from a service-map edge) keeps the traces that also pass through a service.
  const traces = useMemo(() => {
    const all = search.data?.traces ?? [];
    return filters.touches ? all.filter((trace) => trace.services.includes(filters.touches!)) : all;
  }, [search.data, filters.touches]);
  const active = useMemo(() => activeFilters(filters), [filters]);
  // Filters are never rewritten in the address, so the problems are read from it as it is now:
  // correcting a filter makes its notice go away.
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), traceSearchUrlRules), [searchParams]);
  useEffect(() => {
    const search = searchParams.toString();
    rememberTraceSearch(search ? `?${search}` : "");
  }, [searchParams]);

  const traceHref = useCallback((traceId: string) => withTimeRange(`/traces/${traceId}`, range ? { from: range.fromMs, to: range.toMs, rel: range.rel } : {}), [range]);
  const onOpen = useCallback((trace: TraceSummary) => router.push(traceHref(trace.traceId)), [router, traceHref]);
  const onBrush = useCallback(
    (selection: BrushWindow) => {
      setRange({ fromMs: selection.fromMs, toMs: selection.toMs, rel: null }, "push");
      setFilters({ minDurationMs: selection.minDurationMs, maxDurationMs: selection.maxDurationMs });
    },
    [setRange, setFilters],
  );
  const widen = useCallback(() => {
    if (range) setRange(zoomOutTimeRange(range, Date.now()), "push");
  }, [range, setRange]);

  if (!range || !key) return <Skeleton h={400} />;
  const truncated = search.data && search.data.traces.length >= effectiveLimit(filters);

  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} />
      <TraceSearchFilters range={key} filters={filters} onChange={setFilters} />
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <ActiveFilterChips active={active} onChange={setFilters} />
        {filters.service && <WhySlowLink service={filters.service} operation={filters.operation} fromMs={range.fromMs} toMs={range.toMs} />}
        <Anchor component={Link} href={withTimeRange("/services/map", { from: range.fromMs, to: range.toMs, rel: range.rel })} size="sm" prefetch={false} style={{ flex: "none" }} ml="auto">
          {t("serviceMapLink")}
        </Anchor>
      </Group>
      {search.isError ? (
        <QueryErrorAlert title={t("errorTitle")} error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <>
          <SectionCard title={t("scatter.title")} description={t("scatter.hint")}>
            <TraceScatter traces={traces} window={range} loading={search.isPending} onBrush={onBrush} onOpen={onOpen} />
          </SectionCard>
          {search.isPending ? (
            <Skeleton h={240} />
          ) : traces.length === 0 ? (
            <TraceSearchEmpty active={active} rangeLabel={rangeLabel} onChange={setFilters} onWiden={widen} />
          ) : (
            <SectionCard
              title={t("results.title")}
              description={filters.touches ? t("results.touches", { service: truncateText(filters.touches, 80), fetched: search.data?.traces.length ?? 0 }) : undefined}
              action={
                <Group gap="xs">
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {t("results.count", { count: traces.length })}
                  </Text>
                </Group>
              }
            >
              {truncated && (
                <Alert variant="light" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
                  {t("results.truncated", { limit: effectiveLimit(filters) })}
                </Alert>
              )}
              <TraceResultsTable traces={traces} traceHref={traceHref} />
            </SectionCard>
          )}
        </>
      )}
    </Stack>
  );
}
