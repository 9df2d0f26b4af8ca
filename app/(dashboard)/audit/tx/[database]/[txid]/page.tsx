import { getTranslations } from "next-intl/server";
import { TransactionChanges } from "@/components/audit/transaction-changes";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("audit");

export default async function AuditTransactionPage({ params }: { params: Promise<{ database: string; txid: string }> }) {
  const { database, txid } = await params;
  const t = await getTranslations("audit.transaction");
  const name = decodeSegment(database);
  return (
    <>
      <PageHeader title={t("title", { txid })} description={t("description", { database: name })} />
      <TransactionChanges database={name} txid={txid} />
    </>
  );
}

/** Dynamic segments may arrive percent-encoded; a name holding a bare "%" is kept as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
