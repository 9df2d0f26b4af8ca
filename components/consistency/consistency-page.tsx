"use client";

import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useCurrentUser } from "@/components/shell/current-user";
import { useTimeRangeLabel } from "@/components/time-range/use-time-range-label";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { roleAllows } from "@/lib/auth/roles";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { apiStateOf, VIOLATION_FILTER_STATES, violationFilterParsers, violationFilterUrlRules } from "@/lib/consistency/violation-filters";
import { consistencyRulesQuery, consistencyViolationsQuery } from "./consistency-queries";
import { ConsistencyEmpty } from "./consistency-empty";
import { RuleSections } from "./rule-sections";
import { ViolationsTable } from "./violations-table";

/**
 * /consistency: one section per rule, violations per rule over the window, and the open and
 * recent violations. Rule and state filters live in the URL beside the global window.
 */
export function ConsistencyPage() {
  const t = useTranslations("consistency");
  const { range, pinned } = useTimeRange();
  const { label: rangeLabel } = useTimeRangeLabel(range, pinned);
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const [{ rule, state }, setFilters] = useQueryStates(violationFilterParsers, { history: "push" });
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), violationFilterUrlRules), [searchParams]);

  const key = range ? rangeKey(range) : null;
  const rules = useQuery(consistencyRulesQuery());
  const violations = useQuery({ ...consistencyViolationsQuery(key ?? { from: 0, to: 1 }, rule, apiStateOf(state)), enabled: key !== null, placeholderData: keepPreviousData });

  const inWindow = useMemo(() => new Map((violations.data?.series ?? []).map((s) => [s.ruleId, s.points.reduce((sum, [, n]) => sum + n, 0)])), [violations.data]);
  const shown = useMemo(() => {
    const all = violations.data?.violations ?? [];
    // open/resolved are the API's; the three states narrow its list here.
    return state === "missing" || state === "late" || state === "duplicate" ? all.filter((v) => v.state === state) : all;
  }, [violations.data, state]);
  const series = useMemo(() => (violations.data?.series ?? []).map((s) => ({ name: s.ruleName, points: s.points, type: "bar" as const, stack: "violations" })), [violations.data]);
  const unknownRule = rule !== null && rules.data !== undefined && !rules.data.rules.some((r) => r.id === rule);

  // The address's problems are said first, before anything has loaded.
  const alert = <UrlProblemsAlert problems={problems} windowLabel={rangeLabel} />;
  if (!range || !key || rules.isPending) {
    return (
      <Stack gap="md">
        {alert}
        <Skeleton h={400} />
      </Stack>
    );
  }
  if (rules.isError) {
    return (
      <Stack gap="md">
        {alert}
        <QueryErrorAlert title={t("rulesFailed")} error={rules.error} onRetry={() => void rules.refetch()} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {alert}
      {unknownRule && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="unknown-rule">
          {t("unknownRule", { rule })}
        </Alert>
      )}
      {rules.data.rules.length === 0 ? (
        <ConsistencyEmpty canEdit={canEdit} />
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-label={t("filters.label")}>
            <Group align="flex-end" justify="space-between">
              <Group align="flex-end">
                <Select
                  label={t("filters.rule")}
                  placeholder={t("filters.anyRule")}
                  data={rules.data.rules.map((r) => ({ value: r.id, label: r.name }))}
                  value={unknownRule ? null : rule}
                  onChange={(value) => void setFilters({ rule: value })}
                  clearable
                  w={320}
                  data-testid="filter-rule"
                />
                <Select
                  label={t("filters.state")}
                  placeholder={t("filters.anyState")}
                  data={VIOLATION_FILTER_STATES.map((s) => ({ value: s, label: t(`filters.states.${s}`) }))}
                  value={state}
                  onChange={(value) => void setFilters({ state: value })}
                  clearable
                  w={220}
                  data-testid="filter-state"
                />
              </Group>
              {canEdit && (
                <Button component={Link} href="/consistency/rules/new" variant="light" leftSection={<IconPlus size={16} />}>
                  {t("newRule")}
                </Button>
              )}
            </Group>
          </Paper>
          <RuleSections rules={rules.data.rules} inWindow={inWindow} selected={unknownRule ? null : rule} onSelect={(id) => void setFilters({ rule: id })} />
          {violations.isError ? (
            <QueryErrorAlert title={t("violationsFailed")} error={violations.error} onRetry={() => void violations.refetch()} />
          ) : !violations.data ? (
            <Skeleton h={300} />
          ) : (
            <>
              <SectionCard title={t("chart.title")} description={t("chart.description")}>
                <TimeSeriesChart series={series} range={{ fromMs: key.from, toMs: key.to }} unit="count" height={220} ariaLabel={t("chart.title")} stepMs={violations.data.bucketMs} loading={violations.isFetching && !violations.data} />
              </SectionCard>
              <SectionCard
                title={t("table.title")}
                action={
                  <Text size="sm" c="dimmed" aria-live="polite" data-testid="violation-count">
                    {t("table.count", { count: shown.length })}
                  </Text>
                }
              >
                {violations.data.truncated && (
                  <Alert variant="light" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
                    {t("table.truncated")}
                  </Alert>
                )}
                {shown.length === 0 ? (
                  <Text size="sm" c="dimmed" data-testid="violations-empty">
                    {t("table.empty", { window: rangeLabel ?? "" })}
                  </Text>
                ) : (
                  <ViolationsTable violations={shown} />
                )}
              </SectionCard>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
