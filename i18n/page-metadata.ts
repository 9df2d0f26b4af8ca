import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { NavKey } from "@/components/shell/nav-items";

/** `<title>` of a dashboard page, in the request's language ("Traces · Sightline"). */
export async function pageMetadata(page: NavKey): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t(page) };
}
