import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("services");

export default function ServicesPage() {
  return <NotBuiltYet page="services" />;
}
