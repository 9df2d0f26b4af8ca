"use client";

import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditChangeCard } from "@/components/traces/trace/audit-change-card";
import { traceOfChangeHref } from "@/lib/audit/audit-links";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { rowHistoryHref, toAuditChange } from "@/lib/consistency/change-ref";
import { describeKey, expectedRowOf } from "@/lib/consistency/expected-row";
import type { ChangeRef, ViolationDetail } from "@/lib/consistency/schemas";

type Step = ViolationDetail["steps"][number];

// Keyed by text: a state the evaluator adds later is drawn grey rather than failing the page.
const COLOR: Readonly<Record<string, string>> = { met: "green", missing: "red", late: "yellow", duplicate: "orange", waiting: "blue" };

/** Each expected step with what became of it: met, missing (and which row), late, duplicate. */
export function ViolationSteps({ detail }: { detail: ViolationDetail }) {
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
      {detail.steps.map((step, index) => (
        <StepEntry key={`${step.label}:${index}`} step={step} detail={detail} />
      ))}
    </Stack>
  );
}

function StepEntry({ step, detail }: { step: Step; detail: ViolationDetail }) {
  const t = useTranslations("consistency.story.steps");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const expected = expectedRowOf(detail.rule.definition, step.label, detail.trigger);
  const expectedText = expected ? (Object.keys(expected.key).length ? `${expected.table} ${describeKey(expected.key)}` : expected.table) : null;
  const lateMs = step.state === "late" && step.changes[0] ? step.changes[0].committedAtMs - step.deadlineAtMs : null;
  return (
    <Paper component="li" withBorder p="sm" data-testid="violation-step" data-state={step.state}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={COLOR[step.state] ?? "gray"} variant="light" tt="none">
            {lateMs !== null ? t("lateBy", { seconds: Math.round(lateMs / 1000) }) : t(`state.${step.state}`)}
          </Badge>
          <Text fw={600} data-testid="violation-step-label">
            {step.label}
          </Text>
        </Group>
        {step.state === "missing" && (
          <Text size="sm" data-testid="violation-step-missing">
            {expectedText ? t("missingRow", { deadline: time(step.deadlineAtMs), row: expectedText }) : t("missing", { deadline: time(step.deadlineAtMs) })}
          </Text>
        )}
        {step.state === "late" && lateMs !== null && <Text size="sm">{t("late", { deadline: time(step.deadlineAtMs), seconds: Math.round(lateMs / 1000) })}</Text>}
        {step.state === "met" && <Text size="sm">{t("met", { deadline: time(step.deadlineAtMs) })}</Text>}
        {step.state === "duplicate" && <Text size="sm">{t("duplicate", { count: step.changes.length })}</Text>}
        {step.state === "not-expected" && (
          <Text size="sm" c="dimmed">
            {t("notExpected")}
          </Text>
        )}
        {step.changes.map((change) => (
          <ChangeWithLinks key={change.id} change={change} />
        ))}
      </Stack>
    </Paper>
  );
}

/** A change drawn by the audit pages' diff card, with the request that made it and its row's history. */
export function ChangeWithLinks({ change }: { change: ChangeRef }) {
  const t = useTranslations("consistency.story");
  return (
    <Stack gap={4}>
      <AuditChangeCard change={toAuditChange(change)} />
      <Group gap="md">
        {change.traceId ? (
          <Anchor component={Link} href={traceOfChangeHref(change.traceId, change.spanId)} prefetch={false} size="sm" data-testid="change-trace-link">
            {change.spanId ? t("openSpan") : t("openTrace")}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t("noRequest")}
          </Text>
        )}
        <Anchor component={Link} href={rowHistoryHref(change)} prefetch={false} size="sm" data-testid="change-row-link">
          {t("rowHistory")}
        </Anchor>
      </Group>
    </Stack>
  );
}
