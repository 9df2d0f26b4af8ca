"use client";

import { Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { FetchJsonError } from "@/lib/client/fetch-json";
import { buildTraceModel } from "@/lib/trace/build-trace-model";
import { compactTraceQuery } from "../trace-queries";
import { TraceExplorer } from "./trace-explorer";
import { TraceNotFound } from "./trace-not-found";

const TRACE_ID = /^[0-9a-f]{32}$/;

/** Loads a trace's compact payload and builds its model once; the explorer draws it. */
export function TraceView({ traceId }: { traceId: string }) {
  const t = useTranslations("traces.trace");
  const valid = TRACE_ID.test(traceId);
  const trace = useQuery({ ...compactTraceQuery(traceId), enabled: valid });
  const model = useMemo(() => (trace.data ? buildTraceModel(trace.data) : null), [trace.data]);
  if (!valid) return <TraceNotFound traceId={traceId} kind="invalid" />;
  if (trace.isError) {
    if (trace.error instanceof FetchJsonError && trace.error.status === 404) return <TraceNotFound traceId={traceId} kind="unknown" />;
    return (
      <TraceNotFound traceId={traceId} kind="failed">
        <QueryErrorAlert title={t("errorTitle")} error={trace.error} onRetry={() => void trace.refetch()} />
      </TraceNotFound>
    );
  }
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
