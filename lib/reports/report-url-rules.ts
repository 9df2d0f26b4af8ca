import type { UrlParamRule } from "@/lib/client/describe-url-problems";

// What the timeout report cannot use in its address: an empty service, or an operation without
// its service (an operation name alone is ambiguous across services). Both are ignored, and
// the report covers every entry endpoint instead.

const ignored = { kind: "ignored" } as const;

/** The endpoint the report reads from `service`/`operation`, dropping what the rules report. */
export function readReportEndpoint(service: string | null, operation: string | null): { service: string | null; operation: string | null } {
  const usableService = service?.trim() ? service : null;
  return { service: usableService, operation: usableService && operation?.trim() ? operation : null };
}

export const reportUrlRules: Record<string, UrlParamRule> = {
  service: (value) => (value.trim() === "" ? { reason: "unreadable", instead: ignored } : null),
  operation: (value, query) => {
    if (value.trim() === "") return { reason: "unreadable", instead: ignored };
    return readReportEndpoint(query.get("service"), value).operation === null ? { reason: "incomplete", instead: ignored } : null;
  },
};
