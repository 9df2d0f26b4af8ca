import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SharedIncident, ShareRefused } from "@/components/incidents/shared-incident";
import { openShareLink } from "@/lib/incidents/open-share-link";

// A share link's page: outside the signed-in layout, no session needed (lib/auth/page-access.ts
// lets /share/* through). The token opens this one incident and nothing else; the page has no
// links into the app, and sends no Referer that could carry the token anywhere.

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents.shared");
  return { title: t("badge"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openShareLink(token);
  if (opened.state !== "ok") return <ShareRefused state={opened.state} />;
  return <SharedIncident incident={opened.incident} report={opened.report} expiresAtMs={opened.expiresAtMs} />;
}
