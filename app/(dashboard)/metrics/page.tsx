import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("metrics");

export default function MetricsPage() {
  return <NotBuiltYet page="metrics" />;
}
