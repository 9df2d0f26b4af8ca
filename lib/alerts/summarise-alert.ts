import type { AlertCondition } from "./schemas";

// The one sentence a notification, an event and an incident say about a rule, e.g.
// "error % of checkout (POST /checkout) is 23.5, above 5 for 2 minutes". Pure.

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1_000));
  if (s < 90) return `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} minutes`;
  const h = Math.round(m / 6) / 10;
  return `${h} hours`;
}

export function summariseAlert(input: {
  subject: string;
  value: number | null;
  condition: AlertCondition;
  state: "pending" | "firing" | "resolved" | "no-data" | "error";
  /** how long the condition has held (firing) or held before it stopped (resolved) */
  heldMs: number;
  error?: string | undefined;
}): string {
  const { subject, value, condition } = input;
  const is = value === null ? "has no value" : `is ${formatValue(value)}`;
  const threshold = formatValue(condition.threshold);
  switch (input.state) {
    case "firing":
      return `${subject} ${is}, ${condition.op} ${threshold}${input.heldMs >= 1_000 ? ` for ${formatDuration(input.heldMs)}` : ""}`;
    case "pending":
      return `${subject} ${is}, ${condition.op} ${threshold}; firing if it stays so`;
    case "resolved":
      return `${subject} ${is}, no longer ${condition.op} ${threshold}${input.heldMs >= 1_000 ? ` (it was for ${formatDuration(input.heldMs)})` : ""}`;
    case "no-data":
      return `${subject} has no data`;
    case "error":
      return `${subject} could not be read: ${input.error ?? "unknown error"}`;
  }
}
