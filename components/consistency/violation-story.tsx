"use client";

import { Anchor, Badge, Group, List, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { OpenIncidentButton } from "@/components/incidents/open-incident-modal";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { describeRow, rowHistoryHref, rowsOf } from "@/lib/consistency/change-ref";
import type { ViolationDetail } from "@/lib/consistency/schemas";
import { violationIncidentDraft } from "@/lib/consistency/violation-incident";
import { consistencyViolationQuery } from "./consistency-queries";
import { ViolationStateBadge } from "./violation-state-badge";
import { ChangeWithLinks, ViolationSteps } from "./violation-steps";

/** /consistency/violations/<id>: the story in order — the request, the expected steps, the rows, the requests. */
export function ViolationStory({ id }: { id: string }) {
  const t = useTranslations("consistency.story");
  const query = useQuery(consistencyViolationQuery(id));
  return (
    <Stack gap="md">
      <BackLink href="/consistency">{t("back")}</BackLink>
      {query.isError ? <QueryErrorAlert title={t("failed")} error={query.error} onRetry={() => void query.refetch()} /> : query.isPending ? <Skeleton h={400} /> : <Story detail={query.data} />}
    </Stack>
  );
}

function Story({ detail }: { detail: ViolationDetail }) {
  const t = useTranslations("consistency.story");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const { violation, trigger } = detail;
  const row = describeRow(violation);
  const rows = rowsOf(detail.history);
  return (
    <Stack gap="md" data-testid="violation-story">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <ViolationStateBadge violation={violation} />
            <Text fw={700} size="lg" data-testid="violation-step-name">
              {violation.step}
            </Text>
            <Badge variant="light" color={violation.open ? "red" : "gray"} tt="none">
              {violation.open ? t("open") : t("resolved")}
            </Badge>
          </Group>
          <Text size="sm">
            {t.rich("rule", { rule: violation.ruleName, link: (chunks) => <Anchor component={Link} href={`/consistency/rules/${violation.ruleId}`}>{chunks}</Anchor> })}
          </Text>
          <Text size="sm" ff="monospace" data-testid="violation-row-name">
            <Anchor component={Link} href={rowHistoryHref(violation)} prefetch={false} ff="monospace" size="sm">
              {row}
            </Anchor>
          </Text>
          <Text size="xs" c="dimmed">
            {[t("started", { time: time(violation.startedAtMs) }), t("deadline", { time: time(violation.deadlineAtMs) }), t("detected", { time: time(violation.detectedAtMs) }), violation.resolvedAtMs !== null ? t("resolvedAt", { time: time(violation.resolvedAtMs) }) : null]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
        <OpenIncidentButton draft={() => violationIncidentDraft(detail, t("incidentTitle", { step: violation.step, row }).slice(0, 200))} />
      </Group>

      <SectionCard title={t("triggerTitle")} description={trigger ? t("triggerHint") : t("atMostHint")}>
        {trigger ? (
          <Stack gap="xs" data-testid="violation-trigger">
            {trigger.traceId && (
              <Text size="sm">
                {t.rich("triggerRequest", {
                  link: (chunks) => (
                    <Anchor component={Link} href={`/traces/${trigger.traceId}${trigger.spanId ? `?span=${trigger.spanId}` : ""}`} prefetch={false} data-testid="trigger-trace-link">
                      {chunks}
                    </Anchor>
                  ),
                  label: detail.traces.find((tr) => tr.traceId === trigger.traceId && tr.role === "trigger")?.label ?? trigger.traceId,
                })}
              </Text>
            )}
            <ChangeWithLinks change={trigger} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("noTrigger")}
          </Text>
        )}
      </SectionCard>

      <SectionCard title={t("stepsTitle")} description={t("stepsHint")}>
        <ViolationSteps detail={detail} />
      </SectionCard>

      <SectionCard title={t("rowsTitle")} description={t("rowsHint")}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noHistory")}
          </Text>
        ) : (
          <Stack gap="md">
            {rows.map((r) => (
              <Stack key={`${r.database}:${r.table}:${JSON.stringify(r.pk)}`} gap="xs" data-testid="violation-row-history">
                <Anchor component={Link} href={rowHistoryHref(r)} prefetch={false} ff="monospace" fw={600}>
                  {describeRow(r)}
                </Anchor>
                {r.changes.map((change) => (
                  <ChangeWithLinks key={change.id} change={change} />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard title={t("tracesTitle")}>
        {detail.traces.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noTraces")}
          </Text>
        ) : (
          <List size="sm" spacing={4} data-testid="violation-traces">
            {detail.traces.map((trace) => (
              <List.Item key={`${trace.role}:${trace.traceId}`}>
                <Badge size="xs" variant="light" tt="none" mr={6}>
                  {t(`role.${trace.role}`)}
                </Badge>
                <Anchor component={Link} href={`/traces/${trace.traceId}`} prefetch={false}>
                  {trace.label || trace.traceId}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
    </Stack>
  );
}
