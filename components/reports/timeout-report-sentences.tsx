"use client";

import { Anchor, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { crossesDays, formatClock, formatMoney, formatRatio, formatShare, sameMinute } from "@/lib/reports/format-report-values";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { auditOrdersHref } from "./report-links";

// The report's opening: what happened in sentences, every number a link to its evidence (the
// trace search with the report's filters and window, the audit trail of the orders, or the
// list further down the page).

const evidence = (href: string, testId: string) =>
  function EvidenceLink(chunks: ReactNode) {
    return (
      <Anchor component={Link} href={href} fw={600} data-testid={testId}>
        {chunks}
      </Anchor>
    );
  };

const sectionLink = (anchor: string, testId: string) =>
  function SectionLink(chunks: ReactNode) {
    return (
      <Anchor href={`#${anchor}`} fw={600} data-testid={testId}>
        {chunks}
      </Anchor>
    );
  };

export function TimeoutReportSentences({ report }: { report: TimeoutReport }) {
  const t = useTranslations("reports.timeouts.sentences");
  const locale = useLocale();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const { window, totals, baseline, period, cause, impact, stateLeft } = report;
  const single = report.endpoint ?? (report.endpoints.length === 1 ? report.endpoints[0]! : null);
  const scope = { service: single?.service ?? null, operation: single?.operation || null, fromMs: window.fromMs, toMs: window.toMs };
  const withDate = crossesDays(window.fromMs, window.toMs, timeZone);
  const clock = (ms: number) => formatClock(ms, locale, timeZone, withDate);
  const share = (value: number | null) => (value === null ? "—" : formatShare(value, locale));

  const sentences: { key: string; node: ReactNode }[] = [];
  const say = (key: string, node: ReactNode) => sentences.push({ key, node });

  if (totals.timedOut === 0) {
    say("none", t.rich("none", { from: clock(window.fromMs), to: clock(window.toMs), requests: totals.requests, requestsLink: evidence(traceSearchLink(scope), "report-requests") }));
    return <SentenceList sentences={sentences} />;
  }

  const first = period.firstTimeoutMs ?? window.fromMs;
  const last = period.lastTimeoutMs ?? window.toMs;
  const seconds = sameMinute(first, last);
  const from = formatClock(first, locale, timeZone, withDate, seconds);
  const to = formatClock(last, locale, timeZone, withDate, seconds);
  const links = {
    timedOutLink: evidence(traceSearchLink({ ...scope, fromMs: window.fromMs, toMs: window.toMs, timeout: true }), "report-timed-out"),
    requestsLink: evidence(traceSearchLink(scope), "report-requests"),
  };
  const counts = { from, to, timedOut: totals.timedOut, requests: totals.requests, rate: share(totals.rate) };
  if (single) say("lead", t.rich("leadOne", { ...counts, ...links, endpoint: single.operation || single.service, service: single.service }));
  else say("lead", t.rich("leadAll", { ...counts, ...links, endpoints: report.endpoints.length, endpoint: report.endpoints[0] ? `${report.endpoints[0].service} ${report.endpoints[0].operation}` : "" }));

  if (baseline.ratio !== null) say("baseline", t("baselineRatio", { ratio: formatRatio(baseline.ratio, locale), usual: share(baseline.usualRate) }));
  else if (baseline.usualRate === 0) say("baseline", t("baselineNone"));
  else say("baseline", t("baselineMissing"));

  const customers = sectionLink("customers", "report-customers");
  if (impact.orders.count > 0)
    say("customers", t.rich("customersAndOrders", { customers: impact.customers.count, orders: impact.orders.count, money: formatMoney(impact.moneyByCurrency, locale), customersLink: customers, ordersLink: sectionLink("money", "report-orders") }));
  else say("customers", t.rich("customersOnly", { customers: impact.customers.count, customersLink: customers }));

  if (stateLeft.ordersChecked > 0) {
    const unpaidLink = evidence(auditOrdersHref(report), "report-unpaid");
    if (stateLeft.unpaid.count === 0) say("unpaid", t.rich("unpaidNone", { unpaidLink }));
    else say("unpaid", t.rich("unpaid", { unpaid: stateLeft.unpaid.count, money: formatMoney(stateLeft.unpaid.moneyByCurrency, locale), unpaidLink }));
    if (stateLeft.paymentsRecoveredCount > 0) say("recovered", t.rich("recovered", { count: stateLeft.paymentsRecoveredCount, recoveredLink: sectionLink("state-left", "report-recovered") }));
    if (stateLeft.ordersWithoutAudit > 0) say("noAudit", t("noAudit", { count: stateLeft.ordersWithoutAudit }));
  }

  const top = cause.ranking[0];
  if (top) {
    const causeLink = evidence(traceSearchLink({ fromMs: window.fromMs, toMs: window.toMs, traceIds: cause.slowCall?.traceIds.length ? cause.slowCall.traceIds : undefined, service: cause.slowCall?.traceIds.length ? null : top.service, timeout: !cause.slowCall?.traceIds.length }), "report-cause");
    const names = { service: top.service, operation: top.operation, causeLink };
    if (cause.slowCall && cause.slowCall.callee.service === top.service)
      say("cause", t.rich("causeSlowCall", { ...names, threshold: formatDurationMs(cause.slowCall.thresholdMs), share: share(cause.slowCall.share), shareLink: sectionLink("cause", "report-cause-share") }));
    else say("cause", t.rich("causeShare", { ...names, share: share(top.share), shareLink: sectionLink("cause", "report-cause-share") }));
  }

  if (period.isOver === true && period.lastTimeoutMs !== null) say("over", t("over", { time: clock(period.lastTimeoutMs) }));
  else if (period.isOver === false && period.lastTimeoutMs !== null) say("over", t("notOver", { time: clock(period.lastTimeoutMs) }));
  if (impact.truncated) say("truncated", t("truncated", { count: impact.timedOutTraces }));
  return <SentenceList sentences={sentences} />;
}

function SentenceList({ sentences }: { sentences: { key: string; node: ReactNode }[] }) {
  return (
    <Stack gap={6} data-testid="report-sentences">
      {sentences.map(({ key, node }) => (
        <Text key={key} size="lg" lh={1.55} data-testid={`report-sentence-${key}`}>
          {node}
        </Text>
      ))}
    </Stack>
  );
}
