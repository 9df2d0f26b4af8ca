"use client";

import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Rule } from "@/lib/consistency/schemas";
import { RuleSummaryLine } from "./rule-summary-line";

/**
 * One section per rule: its name (to its editor), what it promises in words, whether it is on,
 * its open violations (of any age) and those detected in the window; a button narrows the list
 * below to the rule.
 */
export function RuleSections({ rules, inWindow, selected, onSelect }: { rules: Rule[]; inWindow: ReadonlyMap<string, number>; selected: string | null; onSelect: (ruleId: string | null) => void }) {
  const t = useTranslations("consistency.rules");
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {rules.map((rule) => (
        <Card key={rule.id} withBorder padding="md" component="section" aria-label={rule.name} data-testid="rule-section" data-rule-id={rule.id} style={selected === rule.id ? { borderColor: "var(--mantine-primary-color-filled)" } : undefined}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} href={`/consistency/rules/${rule.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                {rule.name}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                {rule.builtIn && (
                  <Badge variant="light" color="gray" tt="none">
                    {t("builtIn")}
                  </Badge>
                )}
                <Badge variant="light" color={rule.enabled ? "green" : "gray"} tt="none" data-testid="rule-enabled">
                  {rule.enabled ? t("enabled") : t("disabled")}
                </Badge>
              </Group>
            </Group>
            {rule.description && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {rule.description}
              </Text>
            )}
            <RuleSummaryLine definition={rule.definition} />
            <Group justify="space-between" mt={4}>
              <Group gap="lg">
                <Text size="sm" fw={rule.openViolations > 0 ? 700 : undefined} c={rule.openViolations > 0 ? "red" : undefined} data-testid="rule-open-count">
                  {t("open", { count: rule.openViolations })}
                </Text>
                <Text size="sm" c="dimmed" data-testid="rule-window-count">
                  {t("inWindow", { count: inWindow.get(rule.id) ?? 0 })}
                </Text>
              </Group>
              <Button size="compact-xs" variant={selected === rule.id ? "filled" : "light"} onClick={() => onSelect(selected === rule.id ? null : rule.id)}>
                {selected === rule.id ? t("showAll") : t("showOnly")}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
