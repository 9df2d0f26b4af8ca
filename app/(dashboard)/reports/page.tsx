import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("reports");

export default function ReportsPage() {
  return <NotBuiltYet page="reports" />;
}
