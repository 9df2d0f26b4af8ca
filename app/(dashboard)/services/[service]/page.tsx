import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ServiceView } from "@/components/services/service-view";
import { PageHeader } from "@/components/ui/page-header";
import { decodePathSegment } from "@/lib/client/decode-path-segment";

type Props = { params: Promise<{ service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: `${decodePathSegment((await params).service)} · ${t("services")}` };
}

export default async function ServicePage({ params }: Props) {
  const service = decodePathSegment((await params).service);
  const t = await getTranslations("services.page");
  return (
    <>
      <PageHeader title={service} description={t("description")} />
      <ServiceView service={service} />
    </>
  );
}
