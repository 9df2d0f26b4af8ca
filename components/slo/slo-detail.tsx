"use client";

import { Anchor, Button, Grid, GridCol, Group, Paper, Progress, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { AlertStateBadge, formatValue } from "@/components/alerts/alert-badges";
import { alertRulesQuery, deleteSlo, sloStatusQuery } from "@/components/alerts/alerts-queries";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useCurrentUser } from "@/components/shell/current-user";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { BURN_RATE_ALERTS } from "@/lib/slo/burn-rate";
import type { SloStatus } from "@/lib/slo/schemas";
import { budgetColor, formatPercent, serviceHref, sloScope } from "./slo-format";

/** /slos/<id>: level, budget left, burn rate against the alert lines, budget burndown, worst operations, its alert rules. */
export function SloDetail({ id }: { id: string }) {
  const t = useTranslations("slos.detail");
  const status = useQuery(sloStatusQuery(id));
  return (
    <Stack gap="md">
      <BackLink href="/slos">{t("back")}</BackLink>
      {status.isError ? <QueryErrorAlert title={t("failed")} error={status.error} onRetry={() => void status.refetch()} /> : status.isPending ? <Skeleton h={500} /> : <SloStatusView status={status.data} />}
    </Stack>
  );
}

function Stat({ label, value, testId, children }: { label: string; value: string; testId: string; children?: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} ff="monospace" data-testid={testId}>
        {value}
      </Text>
      {children}
    </Paper>
  );
}

function SloStatusView({ status }: { status: SloStatus }) {
  const t = useTranslations("slos.detail");
  const { slo } = status;
  const range = useMemo(() => ({ fromMs: status.burn[0]?.[0] ?? 0, toMs: (status.burn.at(-1)?.[0] ?? 0) + status.bucketMs }), [status]);
  const burnSeries = useMemo(() => {
    const ends = [range.fromMs, range.toMs - status.bucketMs];
    return [
      { name: t("burnRate"), points: status.burn, type: "bar" as const },
      // The alert thresholds as flat dashed lines across the window.
      ...BURN_RATE_ALERTS.map((a) => ({ name: t("threshold", { rate: a.burnRate }), points: ends.map((x) => [x, a.burnRate] as [number, number]), dashed: true, color: a.burnRate > 10 ? "#e03131" : "#f08c00" })),
    ];
  }, [status, range, t]);
  const budgetSeries = useMemo(() => [{ name: t("budgetLeft"), points: status.budget, area: true }], [status, t]);

  return (
    <Stack gap="md">
      <Text c="dimmed">
        {sloScope(slo)} · {slo.objective.kind === "availability" ? t("availability") : t("latency", { ms: slo.objective.thresholdMs })} · {t("target", { target: slo.targetPercent, days: slo.windowDays })}
      </Text>
      <Grid>
        <GridCol span={{ base: 12, sm: 4 }}>
          <Stat label={t("level")} value={formatPercent(slo.levelPercent)} testId="slo-detail-level" />
        </GridCol>
        <GridCol span={{ base: 12, sm: 4 }}>
          <Stat label={t("budget")} value={formatPercent(slo.budgetRemainingPercent, 1)} testId="slo-detail-budget">
            <Progress mt="xs" value={Math.max(0, Math.min(100, slo.budgetRemainingPercent ?? 0))} color={budgetColor(slo.budgetRemainingPercent)} />
          </Stat>
        </GridCol>
        <GridCol span={{ base: 12, sm: 4 }}>
          <Stat label={t("requests")} value={t("badOfTotal", { bad: status.badRequests, total: status.totalRequests })} testId="slo-detail-requests">
            <Text size="xs" c="dimmed">
              {t("allowed", { allowed: formatValue(status.budgetRequests) })}
            </Text>
          </Stat>
        </GridCol>
      </Grid>
      <SectionCard title={t("burnTitle")} description={t("burnDescription")}>
        <TimeSeriesChart series={burnSeries} range={range} unit={{ text: "×" }} height={240} ariaLabel={t("burnTitle")} stepMs={status.bucketMs} interactive={false} yMin={0} />
      </SectionCard>
      <SectionCard title={t("budgetTitle")} description={t("budgetDescription")}>
        <TimeSeriesChart series={budgetSeries} range={range} unit="percent" height={200} ariaLabel={t("budgetTitle")} stepMs={status.bucketMs} interactive={false} />
      </SectionCard>
      <Grid>
        <GridCol span={{ base: 12, lg: 6 }}>
          <WorstOperations status={status} />
        </GridCol>
        <GridCol span={{ base: 12, lg: 6 }}>
          <BurnRules status={status} />
        </GridCol>
      </Grid>
      <DeleteSlo id={slo.id} />
    </Stack>
  );
}

function WorstOperations({ status }: { status: SloStatus }) {
  const t = useTranslations("slos.detail");
  return (
    <SectionCard title={t("worstTitle")} description={t("worstDescription")}>
      {status.worstOperations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("worstEmpty")}
        </Text>
      ) : (
        <Table data-testid="slo-worst">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("operation")}</Table.Th>
              <Table.Th>{t("bad")}</Table.Th>
              <Table.Th>{t("share")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.worstOperations.map((o) => (
              <Table.Tr key={`${o.service}\u0000${o.operation}`}>
                <Table.Td>
                  <Anchor component={Link} href={serviceHref(o.service, o.operation)} size="sm">
                    {o.operation}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {o.service}
                  </Text>
                </Table.Td>
                <Table.Td>{t("badOfTotal", { bad: o.bad, total: o.total })}</Table.Td>
                <Table.Td>{formatPercent(o.shareOfBadPercent, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

function BurnRules({ status }: { status: SloStatus }) {
  const t = useTranslations("slos.detail");
  const rules = useQuery(alertRulesQuery());
  const mine = (rules.data?.rules ?? []).filter((r) => r.sloId === status.slo.id);
  return (
    <SectionCard title={t("rulesTitle")} description={t("rulesDescription")}>
      <Stack gap="sm">
        <Group gap="lg">
          {status.burnRates.map((r) => (
            <Stack key={r.windowSeconds} gap={0}>
              <Text size="xs" c="dimmed">
                {t("window", { minutes: r.windowSeconds / 60 })}
              </Text>
              <Text ff="monospace" fw={600}>
                {r.burnRate === null ? "—" : `${formatValue(r.burnRate)}×`}
              </Text>
            </Stack>
          ))}
        </Group>
        {!status.slo.alerts ? (
          <Text size="sm" c="dimmed">
            {t("noRules")}
          </Text>
        ) : (
          <Table data-testid="slo-rules">
            <Table.Tbody>
              {mine.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/alerts/rules/${rule.id}`} size="sm">
                      {rule.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <AlertStateBadge state={rule.state} />
                  </Table.Td>
                  <Table.Td ff="monospace">{t("ruleValue", { value: formatValue(rule.lastValue), threshold: rule.condition.threshold })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}

function DeleteSlo({ id }: { id: string }) {
  const t = useTranslations("slos.detail");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteSlo(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.slos.all() });
      router.push("/slos");
    },
  });
  if (!canEdit) return null;
  return (
    <Group justify="flex-end">
      <Button color="red" variant="subtle" loading={remove.isPending} onClick={() => window.confirm(t("deleteConfirm")) && remove.mutate()}>
        {t("delete")}
      </Button>
    </Group>
  );
}
