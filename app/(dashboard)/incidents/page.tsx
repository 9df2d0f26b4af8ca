import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("incidents");

export default function IncidentsPage() {
  return <NotBuiltYet page="incidents" />;
}
