import { getTranslations } from "next-intl/server";
import { TransactionChanges } from "@/components/audit/transaction-changes";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";

export const generateMetadata = () => pageMetadata("audit");

export default async function AuditTransactionPage({ params }: { params: Promise<{ database: string; txid: string }> }) {
  const { database, txid } = await params;
  const t = await getTranslations("audit.transaction");
  const name = decodePathSegment(database);
  return (
    <>
      <PageHeader title={t("title", { txid })} description={t("description", { database: name })} />
      <TransactionChanges database={name} txid={txid} />
    </>
  );
}
