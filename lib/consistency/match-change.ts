import type { AuditOp } from "@/lib/schemas/audit";
import type { ChangeMatch, Condition } from "./schemas";

// Does an audited change look like a rule's trigger, step or counted change? Pure, so the
// evaluator's decisions are unit-tested without a database. Values are compared by their
// canonical text (canonicalText), so 42, "42" and "042" are one number whatever JSON type the
// agent gave it (bigints past 2^53 arrive as strings), and "PAID" is only "PAID".

/** An audited change as the evaluator reads it. */
export interface EvaluatedChange {
  id: string;
  committedAtMs: number;
  /** the commit time as PostgreSQL wrote it (microseconds kept): with id, the change's key */
  committedAt: string;
  database: string;
  schema: string;
  table: string;
  op: AuditOp;
  pk: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changedColumns: string[];
  txid: string | null;
  traceId: string | null;
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The text a value is compared and linked by: null for SQL NULL (or a missing column), numbers
 * and numeric strings in one normal form, booleans as true/false, other strings as they are,
 * objects and arrays as JSON.
 */
export function canonicalText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? normalNumber(String(value)) : String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return DECIMAL.test(value) ? normalNumber(value) : value;
  return JSON.stringify(value);
}

function normalNumber(text: string): string {
  // Integers of any size exactly (BigInt); other numbers as JavaScript prints the double.
  if (INTEGER.test(text)) return BigInt(text).toString();
  const number = Number(text);
  if (Number.isInteger(number) && Math.abs(number) <= Number.MAX_SAFE_INTEGER) return BigInt(number).toString();
  return String(number);
}

/** The row a condition reads by default: after the change, or before it for a DELETE. */
export function rowOf(change: EvaluatedChange): Record<string, unknown> {
  return (change.op === "DELETE" ? change.before : change.after) ?? change.before ?? {};
}

function numberOf(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && DECIMAL.test(value.trim())) return Number(value);
  return null;
}

const same = (a: unknown, b: unknown) => canonicalText(a) === canonicalText(b);

export function conditionHolds(condition: Condition, change: EvaluatedChange): boolean {
  const { column } = condition;
  switch (condition.op) {
    case "eq":
    case "ne":
    case "in":
    case "is-null":
    case "not-null": {
      const row = condition.side === "before" ? (change.before ?? {}) : condition.side === "after" ? (change.after ?? {}) : rowOf(change);
      const value = row[column];
      if (condition.op === "eq") return value !== undefined && same(value, condition.value);
      if (condition.op === "ne") return !same(value, condition.value);
      if (condition.op === "in") return value !== undefined && condition.values.some((candidate) => same(value, candidate));
      return condition.op === "is-null" ? canonicalText(value) === null : canonicalText(value) !== null;
    }
    case "becomes": {
      if (change.op === "DELETE" || !change.after || !same(change.after[column], condition.value)) return false;
      return change.op === "INSERT" || !change.before || !same(change.before[column], condition.value);
    }
    case "changed": {
      if (change.op === "DELETE") return false;
      if (change.changedColumns.includes(column)) return true;
      if (change.op === "INSERT") return canonicalText(change.after?.[column]) !== null;
      return !same(change.before?.[column], change.after?.[column]);
    }
    case "increases":
    case "decreases": {
      if (change.op !== "UPDATE") return false;
      const before = numberOf(change.before?.[column]);
      const after = numberOf(change.after?.[column]);
      if (before === null || after === null) return false;
      return condition.op === "increases" ? after > before : after < before;
    }
  }
}

/** The rule's table names a schema-qualified table exactly, or a bare table in any schema. */
export function tableMatches(table: string, change: Pick<EvaluatedChange, "schema" | "table">): boolean {
  return table.includes(".") ? `${change.schema}.${change.table}` === table : change.table === table;
}

export function changeMatches(match: ChangeMatch, change: EvaluatedChange): boolean {
  if (!tableMatches(match.table, change)) return false;
  if (match.database !== undefined && match.database !== change.database) return false;
  if (!match.ops.includes(change.op)) return false;
  return match.where.every((condition) => conditionHolds(condition, change));
}
