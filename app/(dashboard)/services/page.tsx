import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ServicesList } from "@/components/services/services-list";
import { ServicesTabs } from "@/components/services/services-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("services");

export default async function ServicesPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.services")} description={t("services.list.description")} />
      <Suspense>
        <ServicesTabs active="list" />
      </Suspense>
      <ServicesList />
    </>
  );
}
