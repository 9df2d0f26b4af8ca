import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

/** Any address no route matches: the dashboard's frame (the header needs the time range), not a bare 404. */
export default function NotFound() {
  return (
    <Suspense>
      <TimeRangeProvider>
        <AppFrame>
          <NotFoundContent />
        </AppFrame>
      </TimeRangeProvider>
    </Suspense>
  );
}
