import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";
import { TimeRangeUrlProblems } from "@/components/time-range/time-range-url-problems";
import { currentUserOf } from "@/lib/auth/current-user-of";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";
import { healthQueryOptions } from "@/lib/client/health-query";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await getPagePrincipal();
  // The frame's replica-lag banner asks for health above every page. Its answer comes with the
  // HTML: a query the frame created empty would otherwise keep a page's own prefetched health
  // (the overview's Database card) out of the first paint, since React Query hydrates a query
  // that already exists only after rendering.
  const health = await prefetchApiQueries([healthQueryOptions()]);
  return (
    <CurrentUserProvider user={currentUserOf(principal)}>
      <TimeRangeProvider>
        <HydrationBoundary state={health}>
          <AppFrame>
            <TimeRangeUrlProblems />
            {children}
          </AppFrame>
        </HydrationBoundary>
      </TimeRangeProvider>
    </CurrentUserProvider>
  );
}
