import { getTranslations } from "next-intl/server";
import { IngestKeysCard } from "@/components/settings/ingest-keys-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("settings");

export default async function SettingsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.settings")} description={t("settings.description")} />
      <IngestKeysCard />
    </>
  );
}
