import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";
import { currentUserOf } from "@/lib/auth/current-user-of";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

/**
 * Any address no route matches: the dashboard's frame (the header needs the time range), not a
 * bare 404 — for a signed-in reader; anyone else is sent to sign-in first, as on every page.
 */
export default async function NotFound() {
  const principal = await getPagePrincipal();
  return (
    <CurrentUserProvider user={currentUserOf(principal)}>
      <Suspense>
        <TimeRangeProvider>
          <AppFrame>
            <NotFoundContent />
          </AppFrame>
        </TimeRangeProvider>
      </Suspense>
    </CurrentUserProvider>
  );
}
