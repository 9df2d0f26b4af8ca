import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ServiceMap } from "@/components/service-map/service-map";
import { ServicesTabs } from "@/components/services/services-tabs";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceMap");
  return { title: t("title") };
}

export default async function ServiceMapPage() {
  const t = await getTranslations("serviceMap");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <ServicesTabs active="map" />
      </Suspense>
      <ServiceMap />
    </>
  );
}
