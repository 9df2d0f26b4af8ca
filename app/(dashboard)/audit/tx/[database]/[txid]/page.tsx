import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { auditTransactionQuery } from "@/components/audit/audit-queries";
import { TransactionChanges } from "@/components/audit/transaction-changes";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { readTxid } from "@/lib/audit/search/search-params";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("audit");

export default async function AuditTransactionPage({ params }: { params: Promise<{ database: string; txid: string }> }) {
  const { database, txid } = await params;
  const t = await getTranslations("audit.transaction");
  const name = decodePathSegment(database);
  return (
    <HydrationBoundary state={await prefetchApiQueries(readTxid(txid) === null ? [] : [auditTransactionQuery(name, txid)])}>
      <PageHeader title={t("title", { txid })} description={t("description", { database: name })} />
      <TransactionChanges database={name} txid={txid} />
    </HydrationBoundary>
  );
}
