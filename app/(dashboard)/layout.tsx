import type { ReactNode } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";
import { TimeRangeUrlProblems } from "@/components/time-range/time-range-url-problems";
import { currentUserOf } from "@/lib/auth/current-user-of";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await getPagePrincipal();
  return (
    <CurrentUserProvider user={currentUserOf(principal)}>
      <TimeRangeProvider>
        <AppFrame>
          <TimeRangeUrlProblems />
          {children}
        </AppFrame>
      </TimeRangeProvider>
    </CurrentUserProvider>
  );
}
