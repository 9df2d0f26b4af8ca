import type { ReactNode } from "react";
import { AppFrame } from "@/components/shell/app-frame";
import { TimeRangeProvider } from "@/components/time-range/time-range-provider";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <TimeRangeProvider>
      <AppFrame>{children}</AppFrame>
    </TimeRangeProvider>
  );
}
