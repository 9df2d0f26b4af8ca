"use client";

import { Button, Group, Paper, Skeleton, Stack, Text, useMantineTheme } from "@mantine/core";
import { IconFileSpreadsheet, IconInfoCircle, IconPrinter } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { rangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { useTimeRange } from "@/lib/client/use-time-range";
import { formatReportCsv } from "@/lib/reports/format-report-csv";
import { formatClock } from "@/lib/reports/format-report-values";
import { readReportEndpoint, reportUrlRules } from "@/lib/reports/report-url-rules";
import type { TimeoutReport as Report } from "@/lib/reports/schemas";
import { OpenIncidentButton } from "@/components/incidents/open-incident-modal";
import { EndpointPicker } from "./endpoint-picker";
import { timeoutReportQuery } from "./report-queries";
import { CauseSection, CustomersSection, EndpointsSection, ExamplesSection, MoneySection, StateLeftSection } from "./timeout-report-sections";
import { TimeoutReportSentences } from "./timeout-report-sentences";
import classes from "./timeout-report.module.css";

const endpointParsers = { service: parseAsString, operation: parseAsString };

export function TimeoutReport() {
  const t = useTranslations("reports.timeouts");
  const { range } = useTimeRange();
  const [params, setParams] = useQueryStates(endpointParsers, { history: "push" });
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), reportUrlRules), [searchParams]);
  const { service, operation } = readReportEndpoint(params.service, params.operation);
  const key = range ? rangeKey(range) : null;
  const report = useQuery({ ...timeoutReportQuery(key ?? { from: 0, to: 1 }, service, operation), enabled: key !== null, placeholderData: keepPreviousData });

  if (!range || !key) return <Skeleton h={400} />;
  return (
    <Stack gap="md" className={classes.report} data-testid="timeout-report">
      <UrlProblemsAlert problems={problems} />
      <Group justify="space-between" align="flex-end" className="report-no-print">
        <EndpointPicker range={key} service={service} operation={operation} onChange={(s, o) => void setParams({ service: s, operation: o })} />
        <Group gap="xs">
          <OpenIncidentButton
            draft={() => ({
              source: "report",
              windowFromMs: key.from,
              windowToMs: key.to,
              filters: { ...(service ? { service } : {}), ...(service && operation ? { operation } : {}) },
              evidence: [{ kind: "report", service, operation: service ? operation : null }],
              title: t("incidentTitle", { endpoint: service ? `${service} ${operation ?? ""}`.trim() : t("allEndpoints") }),
            })}
          />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!report.data}>
            {t("print")}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => report.data && downloadCsv(report.data)} disabled={!report.data} data-testid="report-csv">
            {t("csv")}
          </Button>
        </Group>
      </Group>
      {report.isError ? (
        <QueryErrorAlert title={t("loadError")} error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Skeleton h={320} />
      ) : (
        <ReportBody report={report.data} />
      )}
    </Stack>
  );
}

function ReportBody({ report }: { report: Report }) {
  const t = useTranslations("reports.timeouts");
  const theme = useMantineTheme();
  const locale = useLocale();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const window = report.window;
  const scope = report.endpoint ?? (report.endpoints.length === 1 ? report.endpoints[0]! : null);
  const points = report.series.points;
  const traceLink = (timeout: boolean) => (w: { fromMs: number; toMs: number }) =>
    traceSearchLink({ service: scope?.service ?? null, operation: scope?.operation || null, fromMs: w.fromMs, toMs: w.toMs, timeout });
  return (
    <>
      <Paper withBorder p="lg" radius="md">
        <Text size="sm" c="dimmed" mb="xs" data-testid="report-window">
          {t("window", { from: formatClock(window.fromMs, locale, timeZone, true), to: formatClock(window.toMs, locale, timeZone, true), zone: timeZone })}
          {scope ? ` · ${scope.service} ${scope.operation}` : ""}
        </Text>
        <TimeoutReportSentences report={report} />
        <Text size="xs" c="dimmed" mt="sm">
          <IconInfoCircle size={12} style={{ verticalAlign: "-1px", marginRight: 4 }} />
          {t("basis", { traces: report.cause.sampledTraces })}
        </Text>
      </Paper>
      <SectionCard title={t("chart.title")} description={t("chart.hint")}>
        <TimeSeriesChart
          ariaLabel={t("chart.timedOutLabel")}
          height={200}
          unit="count"
          range={window}
          stepMs={report.series.stepMs}
          traceLink={traceLink(true)}
          series={[
            { name: t("chart.timedOut"), type: "bar", color: theme.colors.red[6], points: points.map((p) => [p.timeMs, p.timedOut] as const) },
            { name: t("chart.dayBefore"), faint: true, points: points.map((p) => [p.timeMs, p.dayBeforeTimedOut] as const) },
            { name: t("chart.weekBefore"), faint: true, dashed: true, points: points.map((p) => [p.timeMs, p.weekBeforeTimedOut] as const) },
          ]}
        />
        <TimeSeriesChart
          ariaLabel={t("chart.requestsLabel")}
          height={160}
          unit="count"
          range={window}
          stepMs={report.series.stepMs}
          traceLink={traceLink(false)}
          series={[{ name: t("chart.requests"), area: true, points: points.map((p) => [p.timeMs, p.requests] as const) }]}
        />
      </SectionCard>
      <EndpointsSection report={report} />
      <CauseSection report={report} />
      <MoneySection report={report} />
      <StateLeftSection report={report} />
      <CustomersSection report={report} />
      <ExamplesSection report={report} />
    </>
  );
}

function downloadCsv(report: Report) {
  const blob = new Blob([formatReportCsv(report)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `timeout-report-${new Date(report.window.fromMs).toISOString().slice(0, 16).replace(":", "")}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}
