import { getTranslations } from "next-intl/server";
import { RowHistory } from "@/components/audit/row-history";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("audit");

/** `table`: `schema.table` or `table`; `pk`: the key as JSON (`{"id":42}`) or a bare value. */
export default async function AuditRowPage({ params }: { params: Promise<{ table: string; pk: string }> }) {
  const { table, pk } = await params;
  const t = await getTranslations("audit.row");
  const [tableName, key] = [decodeSegment(table), decodeSegment(pk)];
  return (
    <>
      <PageHeader title={t("title", { table: tableName })} description={t("description")} />
      <RowHistory table={tableName} pk={key} />
    </>
  );
}

/** Dynamic segments may arrive percent-encoded; a key holding a bare "%" is kept as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
