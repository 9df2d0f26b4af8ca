import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { consistencyRuleQuery } from "@/components/consistency/consistency-queries";
import { RuleEditor } from "@/components/consistency/rule-editor";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("consistency");

/** The id is the API's to judge: a malformed or unknown one is said by the editor's load error. */
export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("consistency.editor");
  const rule = decodePathSegment(id);
  return (
    <HydrationBoundary state={await prefetchApiQueries([consistencyRuleQuery(rule)])}>
      <PageHeader title={t("ruleTitle")} description={t("pageDescription")} />
      <RuleEditor id={rule} />
    </HydrationBoundary>
  );
}
