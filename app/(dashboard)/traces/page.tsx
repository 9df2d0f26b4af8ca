import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("traces");

export default function TracesPage() {
  return <NotBuiltYet page="traces" />;
}
