import { getTranslations } from "next-intl/server";
import { RowHistory } from "@/components/audit/row-history";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";

export const generateMetadata = () => pageMetadata("audit");

/** `table`: `schema.table` or `table`; `pk`: the key as JSON (`{"id":42}`) or a bare value. */
export default async function AuditRowPage({ params }: { params: Promise<{ table: string; pk: string }> }) {
  const { table, pk } = await params;
  const t = await getTranslations("audit.row");
  const [tableName, key] = [decodePathSegment(table), decodePathSegment(pk)];
  return (
    <>
      <PageHeader title={t("title", { table: tableName })} description={t("description")} />
      <RowHistory table={tableName} pk={key} />
    </>
  );
}
