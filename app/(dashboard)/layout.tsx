import type { ReactNode } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";
import { getPagePrincipal } from "@/lib/auth/get-page-principal";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await getPagePrincipal();
  const user = { kind: principal.kind, label: principal.label, name: principal.kind === "session" ? principal.name : "", role: principal.role };
  return (
    <CurrentUserProvider user={user}>
      <TimeRangeProvider>
        <AppFrame>{children}</AppFrame>
      </TimeRangeProvider>
    </CurrentUserProvider>
  );
}
