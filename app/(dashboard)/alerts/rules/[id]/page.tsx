import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { alertEventsQuery, alertRuleQuery, contactsQuery, servicesPickerQuery } from "@/components/alerts/alerts-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { RuleEditor } from "@/components/alerts/rule-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

/** The id is the API's to judge: a malformed or unknown one is said by the editor's load error. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("alerts");
  const rule = decodePathSegment(id);
  return (
    <HydrationBoundary state={await prefetchApiQueries([alertRuleQuery(rule), contactsQuery(), servicesPickerQuery(), alertEventsQuery(rule)])}>
      <PageHeader title={t("pages.rule.title")} description={t("pages.rule.description")} />
      <AlertsTabs />
      <RuleEditor id={rule} />
    </HydrationBoundary>
  );
}
