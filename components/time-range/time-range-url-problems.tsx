"use client";

import { useState } from "react";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { useTimeRange } from "@/lib/client/use-time-range";
import { useTimeRangeLabel } from "./use-time-range-label";

/** Above every dashboard page: what was wrong with the window in the address, and what is shown. */
export function TimeRangeUrlProblems() {
  const { range, pinned, problems } = useTimeRange();
  const { label } = useTimeRangeLabel(range, pinned);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return <UrlProblemsAlert problems={problems} windowLabel={label} onClose={() => setDismissed(true)} />;
}
