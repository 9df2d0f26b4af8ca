import type { Rule } from "./schemas";
import { ruleDefinitionSchema } from "./schemas";

// A stored rule as the API answers it, with its open violations and those of the last 24 h.
// RULE_SELECT is the one query shape every rule read uses, so the counts mean the same everywhere.

export const RULE_SELECT = `
  SELECT r.id, r.name, r.description, r.enabled, r.definition, r.built_in,
         extract(epoch FROM r.created_at) * 1000 AS created_ms, extract(epoch FROM r.updated_at) * 1000 AS updated_ms,
         (SELECT count(*) FROM consistency_checks c WHERE c.rule_id = r.id AND c.state IN ('missing', 'duplicate'))::int AS open_violations,
         (SELECT count(*) FROM consistency_checks c WHERE c.rule_id = r.id AND c.detected_at > now() - interval '24 hours'
                                                      AND c.state IN ('missing', 'late', 'duplicate'))::int AS violations_24h
    FROM consistency_rules r`;

export interface RuleRow {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  definition: unknown;
  built_in: boolean;
  created_ms: string;
  updated_ms: string;
  open_violations: number;
  violations_24h: number;
}

export function ruleJson(row: RuleRow): Rule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    // Stored definitions were validated when saved; parsing again fills defaults added since.
    definition: ruleDefinitionSchema.parse(row.definition),
    builtIn: row.built_in,
    createdAtMs: Math.round(Number(row.created_ms)),
    updatedAtMs: Math.round(Number(row.updated_ms)),
    openViolations: row.open_violations,
    violationsLast24h: row.violations_24h,
  };
}
