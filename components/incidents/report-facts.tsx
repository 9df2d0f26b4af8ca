"use client";

import { Stack, Text } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { crossesDays, formatClock, formatMoney, formatRatio, formatShare, sameMinute } from "@/lib/reports/format-report-values";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";

// The timeout report's facts in plain sentences, as text only: the incident page and the share
// page show them from the incident's (frozen) copy, so nothing here links to live telemetry.
// Customer and order ids are left out on purpose: counts are enough for whoever gets a link.

export function ReportFacts({ report }: { report: TimeoutReport }) {
  const t = useTranslations("incidents.facts");
  const locale = useLocale();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const withDate = crossesDays(report.window.fromMs, report.window.toMs, timeZone);
  const clock = (ms: number, withSeconds = false) => formatClock(ms, locale, timeZone, withDate, withSeconds);
  const { totals, baseline, cause, impact, stateLeft, period } = report;
  const sentences: string[] = [];
  if (totals.timedOut === 0) {
    sentences.push(t("none", { from: clock(report.window.fromMs), to: clock(report.window.toMs) }));
  } else {
    const [first, last] = [period.firstTimeoutMs ?? report.window.fromMs, period.lastTimeoutMs ?? report.window.toMs];
    // Both ends in one minute need their seconds, or "between 14:02 and 14:02" says nothing.
    const seconds = sameMinute(first, last);
    sentences.push(t("timedOut", { from: clock(first, seconds), to: clock(last, seconds), timedOut: totals.timedOut, requests: totals.requests, rate: formatShare(totals.rate ?? 0, locale) }));
    if (baseline.ratio !== null) sentences.push(t("ratio", { ratio: `${formatRatio(baseline.ratio, locale)}×` }));
    // As the report itself says it: the slow downstream call when there is one, else the top of the critical-path ranking.
    const top = cause.ranking[0];
    if (cause.slowCall) {
      const { callee, thresholdMs, share } = cause.slowCall;
      sentences.push(t("causeSlowCall", { service: callee.service, operation: callee.operation, threshold: formatDurationMs(thresholdMs), share: formatShare(share, locale) }));
    } else if (top) sentences.push(t("cause", { service: top.service, operation: top.operation, share: formatShare(top.share, locale) }));
    if (impact.customers.count > 0 || impact.orders.count > 0) {
      sentences.push(t("impact", { customers: impact.customers.count, orders: impact.orders.count, money: formatMoney(impact.moneyByCurrency, locale) || "—" }));
    }
    if (stateLeft.unpaid.count > 0) sentences.push(t("unpaid", { count: stateLeft.unpaid.count, money: formatMoney(stateLeft.unpaid.moneyByCurrency, locale) || "—" }));
    if (period.isOver === true && period.lastTimeoutMs !== null) sentences.push(t("over", { time: clock(period.lastTimeoutMs) }));
    else if (period.isOver === false && period.lastTimeoutMs !== null) sentences.push(t("notOver", { time: clock(period.lastTimeoutMs) }));
  }
  return (
    <Stack gap={6} data-testid="incident-report-facts">
      {sentences.map((sentence) => (
        <Text key={sentence} size="md">
          {sentence}
        </Text>
      ))}
    </Stack>
  );
}
