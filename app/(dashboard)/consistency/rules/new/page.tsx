import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/consistency/rule-editor";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("consistency");

export default async function NewRulePage() {
  const t = await getTranslations("consistency.editor");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("pageDescription")} />
      <RuleEditor id={null} />
    </>
  );
}
