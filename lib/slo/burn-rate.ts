// The arithmetic of error budgets and burn rates (Google SRE workbook, chapter 5), shared by the
// SLO status, the slo-burn alert source and the tests. Pure: counts in, numbers out.

/** The SRE workbook's multi-window, multi-burn-rate pairs an SLO's alerts are created with. */
export const BURN_RATE_ALERTS = [
  { name: "fast burn", longWindowSeconds: 3_600, shortWindowSeconds: 300, burnRate: 14.4, forSeconds: 0 },
  { name: "slow burn", longWindowSeconds: 6 * 3_600, shortWindowSeconds: 1_800, burnRate: 6, forSeconds: 0 },
] as const;

/** The allowed bad share: 1 - target (99.5% → 0.005). */
export function errorBudgetShare(targetPercent: number): number {
  return 1 - targetPercent / 100;
}

/** bad/total over the allowed bad share; null without requests. 1 = spending the budget exactly over the SLO window. */
export function burnRate(bad: number, total: number, targetPercent: number): number | null {
  if (total <= 0) return null;
  return bad / total / errorBudgetShare(targetPercent);
}

/** % of the window's budget left: 100 untouched, 0 spent, negative overspent; null without requests. */
export function budgetRemainingPercent(bad: number, total: number, targetPercent: number): number | null {
  if (total <= 0) return null;
  const allowed = total * errorBudgetShare(targetPercent);
  return (1 - bad / allowed) * 100;
}

/** good share in %; null without requests. */
export function levelPercent(bad: number, total: number): number | null {
  if (total <= 0) return null;
  return ((total - bad) / total) * 100;
}

/**
 * A multi-window alert's value: the smaller of the long and short windows' burn rates, so it
 * exceeds the threshold only when both do (null when either window has no requests).
 */
export function multiWindowBurn(long: { bad: number; total: number }, short: { bad: number; total: number }, targetPercent: number): number | null {
  const a = burnRate(long.bad, long.total, targetPercent);
  const b = burnRate(short.bad, short.total, targetPercent);
  return a === null || b === null ? null : Math.min(a, b);
}
