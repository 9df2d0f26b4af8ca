"use client";

import { Accordion, Button, Code, Group, List, Stack, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { EXAMPLE_RULES, type RuleInput } from "@/lib/consistency/example-rules";

const CONDITIONS = ["eq", "ne", "in", "is-null", "not-null", "becomes", "changed", "increases", "decreases"] as const;

/** The rule language in short (kinds, conditions, links, counts) and the demo's four rules to copy. */
export function RuleLanguageReference({ onUse }: { onUse: ((rule: RuleInput) => void) | null }) {
  const t = useTranslations("consistency.reference");
  return (
    <Stack gap="sm" data-testid="rule-reference">
      <Text size="sm">{t.rich("follows", { code: (chunks) => <Code>{chunks}</Code> })}</Text>
      <Text size="sm">{t.rich("atMost", { code: (chunks) => <Code>{chunks}</Code> })}</Text>
      <Text size="sm" fw={600}>
        {t("conditionsTitle")}
      </Text>
      <List size="sm" spacing={2}>
        {CONDITIONS.map((op) => (
          <List.Item key={op}>
            <Code>{op}</Code> {t(`conditions.${op}`)}
          </List.Item>
        ))}
      </List>
      <Text size="sm">{t.rich("side", { code: (chunks) => <Code>{chunks}</Code> })}</Text>
      <Text size="sm" fw={600}>
        {t("linksTitle")}
      </Text>
      <Text size="sm">{t.rich("links", { code: (chunks) => <Code>{chunks}</Code> })}</Text>
      <Text size="sm" fw={600}>
        {t("countsTitle")}
      </Text>
      <Text size="sm">{t.rich("counts", { code: (chunks) => <Code>{chunks}</Code> })}</Text>
      <Text size="sm" fw={600}>
        {t("examplesTitle")}
      </Text>
      <Accordion variant="contained" chevronPosition="left">
        {EXAMPLE_RULES.map((rule) => (
          <Accordion.Item key={rule.name} value={rule.name}>
            <Accordion.Control>
              <Text size="sm">{rule.name}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {rule.description}
                </Text>
                <Code block style={{ whiteSpace: "pre-wrap" }}>
                  {JSON.stringify(rule.definition, null, 2)}
                </Code>
                {onUse && (
                  <Group>
                    <Button size="compact-xs" variant="light" onClick={() => onUse(rule)} data-testid="use-example">
                      {t("use")}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
