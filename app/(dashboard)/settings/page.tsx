import { Alert, Stack } from "@mantine/core";
import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ActivityCard } from "@/components/settings/activity-card";
import { ApiTokensCard } from "@/components/settings/api-tokens-card";
import { IngestKeysCard } from "@/components/settings/ingest-keys-card";
import { TimeoutReportSettingsCard } from "@/components/settings/timeout-report-settings-card";
import { UsersCard } from "@/components/settings/users-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { listActivity } from "@/lib/activity/list-activity";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";
import { ACTIVITY_SHOWN, activityQueryOptions, apiTokensQueryOptions, usersQueryOptions } from "@/lib/client/accounts-queries";
import { ingestKeysQueryOptions } from "@/lib/client/ingest-keys-query";
import { queryKeys } from "@/lib/client/query-keys";
import { listIngestKeys } from "@/lib/ingest-keys/manage-ingest-keys";
import { prefetchQueries } from "@/lib/pages/prefetch-queries";
import { getReportSettings } from "@/lib/reports/get-report-settings";
import { timeoutReportSettingsResponseSchema } from "@/lib/reports/report-settings-schema";
import { activityResponseSchema } from "@/lib/schemas/activity";
import { apiTokenListSchema } from "@/lib/schemas/api-tokens";
import { ingestKeyListSchema } from "@/lib/schemas/ingest-keys";
import { userListSchema } from "@/lib/schemas/users";
import { listUsers } from "@/lib/users/list-users";

export const generateMetadata = () => pageMetadata("settings");

/** Users, API tokens, ingest keys and Sightline's own audit log for admins; the timeout report's settings for everyone (admins edit them). */
export default async function SettingsPage() {
  const t = await getTranslations();
  const principal = await getPagePrincipal();
  const reportSettings = { queryKey: queryKeys.reports.settings(), load: getReportSettings, schema: timeoutReportSettingsResponseSchema };
  if (principal.role !== "admin") {
    return (
      <HydrationBoundary state={await prefetchQueries([reportSettings])}>
        <PageHeader title={t("nav.settings")} description={t("settings.description")} />
        <Stack gap="lg">
          <TimeoutReportSettingsCard canEdit={false} />
          <Alert color="yellow" title={t("settings.othersTitle")} data-testid="admin-only">
            {t("settings.othersBody", { role: t(`auth.roles.${principal.role}`) })}
          </Alert>
        </Stack>
      </HydrationBoundary>
    );
  }
  // The tables come with the HTML (the same reads as their API routes; times format in the
  // server's time zone on both sides, which next-intl hands to the client).
  const data = await prefetchQueries([
    reportSettings,
    { queryKey: usersQueryOptions().queryKey, load: async () => ({ users: await listUsers() }), schema: userListSchema },
    { queryKey: apiTokensQueryOptions().queryKey, load: async () => ({ tokens: await listApiTokens() }), schema: apiTokenListSchema },
    { queryKey: ingestKeysQueryOptions().queryKey, load: async () => ({ keys: await listIngestKeys() }), schema: ingestKeyListSchema },
    { queryKey: activityQueryOptions(null).queryKey, load: async () => ({ events: await listActivity({ limit: ACTIVITY_SHOWN }) }), schema: activityResponseSchema },
  ]);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.settings")} description={t("settings.description")} />
      <Stack gap="lg">
        <UsersCard />
        <ApiTokensCard />
        <IngestKeysCard />
        <TimeoutReportSettingsCard canEdit />
        <ActivityCard />
      </Stack>
    </HydrationBoundary>
  );
}
