"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * Calls `onTick` every `intervalMs` while the tab is visible, and once on returning to a tab
 * that missed ticks, so a dashboard left in the background is current when looked at again.
 */
export function useAutoRefresh(intervalMs: number | null, onTick: () => void): void {
  const tick = useEffectEvent(onTick);
  useEffect(() => {
    if (intervalMs === null) return;
    let missed = false;
    const timer = setInterval(() => {
      if (document.visibilityState === "hidden") missed = true;
      else tick();
    }, intervalMs);
    const onVisibility = () => {
      if (document.visibilityState === "visible" && missed) {
        missed = false;
        tick();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [intervalMs]);
}
