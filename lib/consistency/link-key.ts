import { canonicalText, rowOf, type EvaluatedChange } from "./match-change";
import type { Link } from "./schemas";

// Link keys: a trigger and the step change it expects meet by equality of one text, kept in an
// indexed column (consistency_check_steps.link_key, consistency_sightings.link_key), so finding
// a step's check (or a trigger's earlier steps) is an index lookup, never a scan. The key is the
// JSON array of the linked values' canonical text, in the order the rule lists its links.

function part(link: Link, change: EvaluatedChange, side: "trigger" | "step"): string | null {
  if ("same" in link) {
    if (link.same === "transaction") return change.txid === null ? null : `tx:${change.database}:${change.txid}`;
    return change.traceId === null ? null : `trace:${change.traceId}`;
  }
  return canonicalText(rowOf(change)[side === "trigger" ? link.equalsTriggerColumn : link.column]);
}

/**
 * The key a step change must have to meet this trigger (trigger side), or the key this step
 * change offers (step side); null when a linked value is NULL: such a change links to nothing.
 */
export function linkKey(links: Link[], change: EvaluatedChange, side: "trigger" | "step"): string | null {
  const parts: string[] = [];
  for (const link of links) {
    const value = part(link, change, side);
    if (value === null) return null;
    parts.push(value);
  }
  return JSON.stringify(parts);
}

/** An at-most rule's key: the `per` columns' values; null when one is NULL (nothing to count by). */
export function countKey(per: string[], change: EvaluatedChange): { key: string; values: Record<string, unknown> } | null {
  const row = rowOf(change);
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const column of per) {
    const text = canonicalText(row[column]);
    if (text === null) return null;
    parts.push(text);
    values[column] = row[column];
  }
  return { key: JSON.stringify(parts), values };
}
