import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("settings");

export default function SettingsPage() {
  return <NotBuiltYet page="settings" />;
}
