"use client";

import { Anchor, Badge, GridCol, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { describeRow } from "@/lib/consistency/change-ref";
import type { ViolationSummary } from "@/lib/consistency/schemas";
import { consistencyRulesQuery, consistencyViolationsQuery } from "./consistency-queries";
import { ViolationStateBadge } from "./violation-state-badge";

const SHOWN_PER_RULE = 3;

/**
 * The overview's "Consistency" card: each rule with its open violations (of any age), the
 * newest few linking to their stories and the count linking to the rule's list. It brings its
 * own grid column so the overview adds it in one line.
 */
export function ConsistencyOverviewCard() {
  const t = useTranslations("consistency.overview");
  const { range } = useTimeRange();
  const rules = useQuery(consistencyRulesQuery());
  const open = useQuery({ ...consistencyViolationsQuery(range ? rangeKey(range) : { from: 0, to: 1 }, null, "open"), enabled: range !== null, placeholderData: keepPreviousData });
  const byRule = useMemo(() => {
    const map = new Map<string, ViolationSummary[]>();
    for (const violation of open.data?.violations ?? []) map.set(violation.ruleId, [...(map.get(violation.ruleId) ?? []), violation]);
    return map;
  }, [open.data]);
  return (
    <GridCol span={12}>
      <SectionCard
        title={t("title")}
        action={
          <Anchor component={Link} href="/consistency" size="sm">
            {t("all")}
          </Anchor>
        }
      >
        <div data-testid="consistency-card">
          <QueryStates query={rules} loadError={t("failed")} isEmpty={(data) => data.rules.length === 0} empty={{ icon: IconChecklist, text: t("noRules") }}>
            {(data) =>
              !open.data ? (
                open.isError ? <Text size="sm" c="red">{t("failed")}</Text> : <Skeleton h={60} />
              ) : (
                <Stack gap="sm">
                  {data.rules.map((rule) => {
                    const violations = byRule.get(rule.id) ?? [];
                    return (
                      <Stack key={rule.id} gap={4} data-testid="consistency-card-rule">
                        <Group gap="xs" justify="space-between" wrap="nowrap">
                          <Anchor component={Link} href={`/consistency?rule=${rule.id}&state=open`} size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                            {rule.name}
                          </Anchor>
                          <Badge variant="light" color={rule.openViolations > 0 ? "red" : "green"} tt="none" style={{ flex: "none" }}>
                            {t("open", { count: rule.openViolations })}
                          </Badge>
                        </Group>
                        {violations.slice(0, SHOWN_PER_RULE).map((violation) => (
                          <Group key={violation.id} gap="xs" wrap="nowrap" pl="md">
                            <ViolationStateBadge violation={violation} />
                            <Anchor component={Link} href={`/consistency/violations/${encodeURIComponent(violation.id)}`} size="sm" data-testid="consistency-card-violation" style={{ overflowWrap: "anywhere" }}>
                              {violation.step} · {describeRow(violation)}
                            </Anchor>
                          </Group>
                        ))}
                      </Stack>
                    );
                  })}
                </Stack>
              )
            }
          </QueryStates>
        </div>
      </SectionCard>
    </GridCol>
  );
}
