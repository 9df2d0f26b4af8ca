import type { ReactNode } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";
import { TimeRangeUrlProblems } from "@/components/time-range/time-range-url-problems";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <TimeRangeProvider>
      <AppFrame>
        <TimeRangeUrlProblems />
        {children}
      </AppFrame>
    </TimeRangeProvider>
  );
}
