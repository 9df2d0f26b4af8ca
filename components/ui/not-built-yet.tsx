import { Badge, Paper, Stack, Text } from "@mantine/core";
import { IconTools } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { NavKey } from "@/components/shell/nav-items";
import { PageHeader } from "./page-header";

type PlannedPage = Exclude<NavKey, "overview">;

/** What an unbuilt page shows: its name, that it is not built, and what it will hold. No sample data. */
export function NotBuiltYet({ page }: { page: PlannedPage }) {
  const t = useTranslations();
  return (
    <>
      <PageHeader title={t(`nav.${page}`)} />
      <Paper withBorder p="xl" maw={720}>
        <Stack gap="sm" align="flex-start">
          <Badge variant="light" color="gray" leftSection={<IconTools size={12} />}>
            {t("notBuilt.badge")}
          </Badge>
          <Text fw={600}>{t("notBuilt.lead")}</Text>
          <Text c="dimmed">{t(`notBuilt.${page}`)}</Text>
        </Stack>
      </Paper>
    </>
  );
}
