import type { UrlParamRule } from "@/lib/client/describe-url-problems";

// What the why-slow page cannot use in its address: an empty service or operation (the page
// then asks for one), a threshold that is no positive number (the default threshold is used).

const ignored = { kind: "ignored" } as const;

export function readThresholdMs(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) && n > 0 ? n : null;
}

export const whySlowUrlRules: Record<string, UrlParamRule> = {
  service: (value) => (value.trim() === "" ? { reason: "unreadable", instead: ignored } : null),
  operation: (value) => (value.trim() === "" ? { reason: "unreadable", instead: ignored } : null),
  thresholdMs: (value) => {
    if (readThresholdMs(value) !== null) return null;
    return { reason: Number(value) <= 0 ? "negative" : "unreadable", instead: ignored };
  },
};
