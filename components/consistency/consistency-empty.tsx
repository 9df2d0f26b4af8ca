"use client";

import { Button, Paper, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** No rules yet: what a rule is, and the way to write one (editors). */
export function ConsistencyEmpty({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("consistency.empty");
  return (
    <Paper withBorder p="xl" maw={760} data-testid="consistency-empty">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t("title")}</Text>
        <Text size="sm">{t("what")}</Text>
        <Text size="sm" c="dimmed">
          {t("example")}
        </Text>
        {canEdit ? (
          <Button component={Link} href="/consistency/rules/new" leftSection={<IconPlus size={16} />}>
            {t("newRule")}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("askEditor")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
