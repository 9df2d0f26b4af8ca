import { Grid, GridCol } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { HealthCard } from "@/components/overview/health-card";
import { SendDataCard } from "@/components/overview/send-data-card";
import { StorageCard } from "@/components/overview/storage-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("overview");

export default async function OverviewPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.overview")} description={t("overview.description")} />
      <Grid gap="lg">
        <GridCol span={{ base: 12, md: 5, xl: 4 }}>
          <HealthCard />
        </GridCol>
        <GridCol span={{ base: 12, md: 7, xl: 8 }}>
          <SendDataCard />
        </GridCol>
        <GridCol span={12}>
          <StorageCard />
        </GridCol>
      </Grid>
    </>
  );
}
