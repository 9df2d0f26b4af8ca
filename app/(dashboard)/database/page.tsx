import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("database");

export default function DatabasePage() {
  return <NotBuiltYet page="database" />;
}
