import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WhySlowView } from "@/components/findings/why-slow-view";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("findings.whySlow");
  return { title: t("title") };
}

export default async function WhySlowPage() {
  const t = await getTranslations("findings.whySlow");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <WhySlowView />
    </>
  );
}
