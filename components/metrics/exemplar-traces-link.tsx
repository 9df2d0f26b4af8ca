"use client";

import { Button } from "@mantine/core";
import { IconListSearch } from "@tabler/icons-react";
import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { traceSearchLink } from "@/lib/client/trace-link";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { MAX_SEARCH_TRACE_IDS } from "@/lib/schemas/traces";
import { exemplarsApply } from "./exemplars-apply";
import { metricExemplarsQuery, metricSeriesQuery } from "./metric-queries";

/**
 * "N exemplar traces": the traces the histogram queries' exemplars name in the window, slowest
 * first, as one trace search (the same requests the chart makes, so nothing is fetched twice).
 */
export function ExemplarTracesLink({ queries, range }: { queries: readonly MetricQuerySpec[]; range: { fromMs: number; toMs: number } }) {
  const t = useTranslations("metrics.explorer");
  const key = { from: range.fromMs, to: range.toMs };
  const lines = queries.filter((q) => q.chart !== "heatmap");
  const answers = useQueries({ queries: lines.map((spec) => metricSeriesQuery(key, spec)) });
  const exemplars = useQueries({
    queries: lines.map((spec, index) => ({ ...metricExemplarsQuery(key, spec), enabled: exemplarsApply(answers[index]?.data) })),
  });
  const all = exemplars.flatMap((answer, index) => (exemplarsApply(answers[index]?.data) ? (answer.data?.exemplars ?? []) : []));
  const ids = [...new Set([...all].sort((a, b) => b.value - a.value).map((e) => e.traceId))].slice(0, MAX_SEARCH_TRACE_IDS);
  if (ids.length === 0) return null;
  return (
    <Button
      component={Link}
      href={traceSearchLink({ fromMs: range.fromMs, toMs: range.toMs, sort: "duration", traceIds: ids })}
      variant="light"
      size="xs"
      leftSection={<IconListSearch size={14} />}
      data-testid="exemplar-traces"
    >
      {t("exemplarTraces", { count: ids.length })}
    </Button>
  );
}
