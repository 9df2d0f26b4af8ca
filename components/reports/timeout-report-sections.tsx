"use client";

import { Anchor, Badge, Group, Progress, Table, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ReportConsistencyViolations } from "@/components/consistency/report-consistency-violations";
import { ServiceName } from "@/components/traces/service-name";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { formatClock, formatMoney, formatShare } from "@/lib/reports/format-report-values";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { auditOrderHref } from "./report-links";

// The tables behind the sentences: entry endpoints, the cause ranking, money by currency, the
// state left behind, customers and example traces. Each row leads to its traces or audit rows.

type Props = { report: TimeoutReport };

export function EndpointsSection({ report }: Props) {
  const t = useTranslations("reports.timeouts.endpoints");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  if (report.endpoints.length === 0) return null;
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" verticalSpacing={6} aria-label={t("title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("service")}</Table.Th>
              <Table.Th>{t("operation")}</Table.Th>
              <Table.Th ta="right">{t("requests")}</Table.Th>
              <Table.Th ta="right">{t("timedOut")}</Table.Th>
              <Table.Th ta="right">{t("rate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.endpoints.map((e) => (
              <Table.Tr key={`${e.service}\u0000${e.operation}`}>
                <Table.Td>
                  <ServiceName name={e.service} />
                </Table.Td>
                <Table.Td>
                  <TruncatedValue value={e.operation} maw={280} />
                </Table.Td>
                <Table.Td ta="right">{number.format(e.requests)}</Table.Td>
                <Table.Td ta="right">
                  <Anchor component={Link} href={traceSearchLink({ service: e.service, operation: e.operation, fromMs: report.window.fromMs, toMs: report.window.toMs, timeout: true })}>
                    {number.format(e.timedOut)}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{e.rate === null ? "—" : formatShare(e.rate, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}

export function CauseSection({ report }: Props) {
  const t = useTranslations("reports.timeouts.cause");
  const locale = useLocale();
  const { cause, window } = report;
  if (cause.ranking.length === 0) return null;
  return (
    <div id="cause">
      <SectionCard title={t("title")} description={t("hint", { traces: cause.sampledTraces })}>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={6} aria-label={t("title")} data-testid="report-cause-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("service")}</Table.Th>
                <Table.Th>{t("operation")}</Table.Th>
                <Table.Th w={200}>{t("share")}</Table.Th>
                <Table.Th ta="right">{t("time")}</Table.Th>
                <Table.Th ta="right">{t("traces")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cause.ranking.slice(0, 10).map((c) => (
                <Table.Tr key={`${c.service}\u0000${c.operation}`}>
                  <Table.Td>
                    <ServiceName name={c.service} />
                  </Table.Td>
                  <Table.Td>
                    <TruncatedValue value={c.operation} maw={260} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={c.share * 100} w={110} size="sm" aria-hidden />
                      <Text size="sm">{formatShare(c.share, locale)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatDurationMs(c.criticalMs)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor component={Link} href={traceSearchLink({ service: c.service, operation: c.operation, fromMs: window.fromMs, toMs: window.toMs + 3_600_000, sort: "duration", timeout: true })}>
                      {c.traces}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionCard>
    </div>
  );
}

export function MoneySection({ report }: Props) {
  const t = useTranslations("reports.timeouts.money");
  const locale = useLocale();
  const { impact, stateLeft } = report;
  if (impact.moneyByCurrency.length === 0) return null;
  const unpaidOf = (currency: string) => stateLeft.unpaid.moneyByCurrency.find((m) => m.currency === currency);
  return (
    <div id="money">
      <SectionCard title={t("title")} description={t("hint")}>
        <Table fz="sm" verticalSpacing={6} aria-label={t("title")} data-testid="report-money">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("currency")}</Table.Th>
              <Table.Th ta="right">{t("orders")}</Table.Th>
              <Table.Th ta="right">{t("amount")}</Table.Th>
              <Table.Th ta="right">{t("unpaidOrders")}</Table.Th>
              <Table.Th ta="right">{t("unpaidAmount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {impact.moneyByCurrency.map((m) => {
              const unpaid = unpaidOf(m.currency);
              return (
                <Table.Tr key={m.currency}>
                  <Table.Td>{m.currency}</Table.Td>
                  <Table.Td ta="right">{m.orders}</Table.Td>
                  <Table.Td ta="right">{formatMoney([m], locale)}</Table.Td>
                  <Table.Td ta="right">{unpaid?.orders ?? 0}</Table.Td>
                  <Table.Td ta="right">{unpaid ? formatMoney([unpaid], locale) : "—"}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </SectionCard>
    </div>
  );
}

export function StateLeftSection({ report }: Props) {
  const t = useTranslations("reports.timeouts.stateLeft");
  const locale = useLocale();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const { stateLeft } = report;
  if (stateLeft.ordersChecked === 0) return <ReportConsistencyViolations window={report.window} framed />;
  const when = (ms: number) => formatClock(ms, locale, timeZone, true);
  return (
    <div id="state-left">
      <SectionCard title={t("title")} description={t("hint", { table: report.config.ordersTable, statuses: report.config.unpaidStatuses.join(", ") })}>
        {stateLeft.unpaid.orders === undefined ? (
          stateLeft.unpaid.count > 0 && <HiddenForRole report={report} />
        ) : stateLeft.unpaid.orders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noneUnpaid")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" verticalSpacing={4} aria-label={t("unpaidTitle")} data-testid="report-unpaid-orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("order")}</Table.Th>
                  <Table.Th>{t("status")}</Table.Th>
                  <Table.Th ta="right">{t("amount")}</Table.Th>
                  <Table.Th>{t("changedAt")}</Table.Th>
                  <Table.Th>{t("trace")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stateLeft.unpaid.orders.map((o) => (
                  <Table.Tr key={o.orderId}>
                    <Table.Td>
                      <Anchor component={Link} href={auditOrderHref(report, o.orderId)}>
                        <TruncatedValue value={o.orderId} maw={160} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="orange">
                        {o.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{o.amount !== null && o.currency ? formatMoney([{ amount: o.amount, currency: o.currency }], locale) : "—"}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{when(o.changedAtMs)}</Table.Td>
                    <Table.Td>
                      {/* Cut on screen (the link is the way to it), printed whole. */}
                      <Anchor component={Link} href={`/traces/${o.traceId}`} size="sm">
                        <TruncatedValue value={o.traceId} ff="monospace" maw={110} />
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {stateLeft.paymentsRecoveredCount > 0 && (
          <>
            <Text fw={600} size="sm" mt="md">
              {t("recoveredTitle", { count: stateLeft.paymentsRecoveredCount })}
            </Text>
            {stateLeft.paymentsRecovered === undefined && <HiddenForRole report={report} />}
            {stateLeft.paymentsRecovered?.map((p) => (
              <Text size="sm" key={p.paymentId}>
                {t("recoveredLine", { payment: p.paymentId, order: p.orderId, timedOut: when(p.timedOutAtMs), succeeded: when(p.succeededAtMs) })}
              </Text>
            ))}
          </>
        )}
        <ReportConsistencyViolations window={report.window} framed={false} />
      </SectionCard>
    </div>
  );
}

export function CustomersSection({ report }: Props) {
  const t = useTranslations("reports.timeouts.customers");
  const { customers } = report.impact;
  if (customers.count === 0) return null;
  return (
    <div id="customers">
      <SectionCard title={t("title", { count: customers.count })} description={customers.ids && customers.ids.length < customers.count ? t("partial", { shown: customers.ids.length }) : undefined}>
        {customers.ids === undefined ? (
          <HiddenForRole report={report} />
        ) : (
          <Group gap={6}>
            {customers.ids.map((id) => (
              <Badge key={id} variant="default" tt="none" fw={500}>
                <TruncatedValue value={id} maw={200} size="xs" />
              </Badge>
            ))}
          </Group>
        )}
      </SectionCard>
    </div>
  );
}

/** Where a list of ids was left out of the report for the reader's role (the server never sent it). */
function HiddenForRole({ report }: Props) {
  const t = useTranslations("reports.timeouts");
  const roles = useTranslations("auth.roles");
  return (
    <Group gap={6} wrap="nowrap" data-testid="report-list-hidden">
      <IconLock size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" c="dimmed">
        {t("hiddenForRole", { role: roles(report.lists.visibleTo) })}
      </Text>
    </Group>
  );
}

export function ExamplesSection({ report }: Props) {
  const t = useTranslations("reports.timeouts.examples");
  const locale = useLocale();
  const timeZone = useBrowserTimeZone() ?? "UTC";
  if (report.examples.length === 0) return null;
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <Table fz="sm" verticalSpacing={4} aria-label={t("title")} data-testid="report-examples">
        <Table.Tbody>
          {report.examples.map((x) => (
            <Table.Tr key={x.traceId}>
              <Table.Td>
                <Anchor component={Link} href={`/traces/${x.traceId}`} ff="monospace" size="sm">
                  {x.traceId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <TruncatedValue value={`${x.service} ${x.operation}`} maw={260} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatClock(x.startMs, locale, timeZone, true)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatDurationMs(x.durationMs)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
