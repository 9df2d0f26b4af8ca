"use client";

import { Code, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { RuleDefinition } from "@/lib/consistency/schemas";
import { summariseRule } from "@/lib/consistency/summarise-rule";

/** The rule's definition in words: "When payments UPDATE: status becomes "SUCCESS", then within 30 s: order becomes PAID". */
export function RuleSummaryLine({ definition }: { definition: RuleDefinition }) {
  const t = useTranslations("consistency.summary");
  const summary = summariseRule(definition);
  return (
    <Text size="sm" data-testid="rule-summary" style={{ overflowWrap: "anywhere" }}>
      {summary.kind === "follows"
        ? t.rich("follows", { trigger: summary.trigger, steps: summary.steps.join("; "), seconds: summary.withinSeconds, code: (chunks) => <Code>{chunks}</Code> })
        : t.rich("atMost", { match: summary.match, per: summary.per, max: summary.max, seconds: summary.withinSeconds, code: (chunks) => <Code>{chunks}</Code> })}
    </Text>
  );
}
