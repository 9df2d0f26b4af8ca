import { getTranslations } from "next-intl/server";
import { ViolationStory } from "@/components/consistency/violation-story";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";

export const generateMetadata = () => pageMetadata("consistency");

/** The id is the API's to judge: an unknown or malformed one is said by the story's error. */
export default async function ViolationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("consistency.story");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ViolationStory id={decodePathSegment(id)} />
    </>
  );
}
