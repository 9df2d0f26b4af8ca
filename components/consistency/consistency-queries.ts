import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { ruleListSchema, ruleSchema, violationDetailSchema, violationListSchema, type RuleBody } from "@/lib/consistency/schemas";

// The consistency area's one client module: every request its pages make, each parsed with the
// API's own schema (lib/consistency/schemas.ts), and the changes an editor makes to rules.

export type ViolationApiState = "open" | "resolved" | "all";

export function consistencyRulesQuery() {
  return queryOptions({
    queryKey: queryKeys.consistency.rules(),
    queryFn: ({ signal }) => fetchJson("/api/v1/consistency/rules", ruleListSchema, { signal }),
  });
}

export function consistencyRuleQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.consistency.rule(id),
    queryFn: ({ signal }) => fetchJson(rulePath(id), ruleSchema, { signal }),
  });
}

export function consistencyViolationsQuery(range: RangeKey, rule: string | null, state: ViolationApiState) {
  const params = new URLSearchParams({ from: String(range.from), to: String(range.to), state });
  if (rule) params.set("rule", rule);
  return queryOptions({
    queryKey: queryKeys.consistency.violations(range, rule, state),
    queryFn: ({ signal }) => fetchJson(`/api/v1/consistency/violations?${params.toString()}`, violationListSchema, { signal }),
  });
}

export function consistencyViolationQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.consistency.violation(id),
    queryFn: ({ signal }) => fetchJson(`/api/v1/consistency/violations/${encodeURIComponent(id)}`, violationDetailSchema, { signal }),
  });
}

const rulePath = (id: string) => `/api/v1/consistency/rules/${encodeURIComponent(id)}`;

export const createRule = (body: RuleBody) => fetchJson("/api/v1/consistency/rules", ruleSchema, { method: "POST", json: body });
export const updateRule = (id: string, body: RuleBody) => fetchJson(rulePath(id), ruleSchema, { method: "PUT", json: body });
// Whatever a delete answers with (the rule, or no body) is not read: the lists are refetched.
export const deleteRule = (id: string) => fetchJson(rulePath(id), z.unknown(), { method: "DELETE" });
