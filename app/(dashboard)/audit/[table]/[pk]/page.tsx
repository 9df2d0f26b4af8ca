import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { auditRowHistoryQuery } from "@/components/audit/audit-queries";
import { RowHistory } from "@/components/audit/row-history";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { firstValue } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("audit");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `table`: `schema.table` or `table`; `pk`: the key as JSON (`{"id":42}`) or a bare value. */
export default async function AuditRowPage({ params, searchParams }: { params: Promise<{ table: string; pk: string }>; searchParams: SearchParams }) {
  const { table, pk } = await params;
  const { database } = await searchParams;
  const t = await getTranslations("audit.row");
  const [tableName, key] = [decodePathSegment(table), decodePathSegment(pk)];
  // As RowHistory reads its address: the first page of the row's changes.
  const row = { database: firstValue(database), table: tableName, pk: key };
  return (
    <HydrationBoundary state={await prefetchApiQueries([auditRowHistoryQuery(row)])}>
      <PageHeader title={t("title", { table: tableName })} description={t("description")} />
      <RowHistory table={tableName} pk={key} />
    </HydrationBoundary>
  );
}
