import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("audit");

export default function AuditPage() {
  return <NotBuiltYet page="audit" />;
}
