"use client";

import { Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { buildTraceModel } from "@/lib/trace/build-trace-model";
import { compactTraceQuery } from "../trace-queries";
import { TraceExplorer } from "./trace-explorer";

/** Loads a trace's compact payload and builds its model once; the explorer draws it. */
export function TraceView({ traceId }: { traceId: string }) {
  const t = useTranslations("traces.trace");
  const trace = useQuery(compactTraceQuery(traceId));
  const model = useMemo(() => (trace.data ? buildTraceModel(trace.data) : null), [trace.data]);
  if (trace.isError) return <QueryErrorAlert title={t("errorTitle")} error={trace.error} onRetry={() => void trace.refetch()} />;
  if (!model)
    return (
      <Stack gap="sm" aria-busy aria-label={t("loading")}>
        <Skeleton h={36} w="50%" />
        <Skeleton h={24} w="70%" />
        <Skeleton h={420} />
      </Stack>
    );
  return <TraceExplorer key={traceId} model={model} />;
}
