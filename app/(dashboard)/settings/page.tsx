import { Alert, Stack } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { ActivityCard } from "@/components/settings/activity-card";
import { ApiTokensCard } from "@/components/settings/api-tokens-card";
import { IngestKeysCard } from "@/components/settings/ingest-keys-card";
import { UsersCard } from "@/components/settings/users-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";

export const generateMetadata = () => pageMetadata("settings");

/** Users, API tokens, ingest keys and Sightline's own audit log: admins only. */
export default async function SettingsPage() {
  const t = await getTranslations();
  const principal = await getPagePrincipal();
  if (principal.role !== "admin") {
    return (
      <>
        <PageHeader title={t("nav.settings")} description={t("settings.description")} />
        <Alert color="yellow" title={t("auth.adminOnlyTitle")} data-testid="admin-only">
          {t("auth.adminOnlyBody", { role: t(`auth.roles.${principal.role}`) })}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("nav.settings")} description={t("settings.description")} />
      <Stack gap="lg">
        <UsersCard />
        <ApiTokensCard />
        <IngestKeysCard />
        <ActivityCard />
      </Stack>
    </>
  );
}
