import { createParser, parseAsString } from "nuqs/server";
import { AUDIT_OPS, type AuditOp } from "@/lib/schemas/audit";

// The audit search's URL contract. Every filter is a query parameter named as the API's
// (GET /api/v1/audit/changes), beside the global `from`/`to`, so a copied link replays the same
// search and the page can hand the filters to the API as they are. `change` names the change
// open in the detail drawer.

export const AUDIT_LIMIT_CHOICES = [100, 500, 1_000] as const;
export const AUDIT_DEFAULT_LIMIT = 500;
export const AUDIT_MAX_LIMIT = 1_000;

/** INSERT/UPDATE/DELETE, in any case. */
export function readOp(value: string): AuditOp | null {
  const text = value.trim().toUpperCase();
  return AUDIT_OPS.find((op) => op === text) ?? null;
}

/** A transaction id: decimal digits within bigint. */
export function readTxid(value: string): string | null {
  const text = value.trim();
  return /^\d{1,19}$/.test(text) && BigInt(text) <= 9_223_372_036_854_775_807n ? text : null;
}

/** 32 hexadecimal characters, lower-cased. */
export function readTraceId(value: string): string | null {
  const text = value.trim();
  return /^[0-9a-f]{32}$/i.test(text) ? text.toLowerCase() : null;
}

/** `column=value` with a non-empty column (the value may be empty: "was set to ''"). */
export function readValueCondition(value: string): string | null {
  const at = value.indexOf("=");
  return at > 0 && value.slice(0, at).trim() ? value : null;
}

/** A positive whole number of at most 15 digits. */
export function readLimit(value: string): number | null {
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return null;
  const count = Number(text);
  return count > 0 ? count : null;
}

const parser = <T>(parse: (value: string) => T | null) => createParser<T>({ parse, serialize: String });

export const auditSearchParsers = {
  database: parseAsString,
  table: parseAsString,
  /** `{"id":42}` or a bare single-column key value, as the API reads it. */
  pk: parseAsString,
  column: parseAsString,
  value: parser(readValueCondition),
  op: parser(readOp),
  actor: parseAsString,
  dbUser: parseAsString,
  application: parseAsString,
  txid: parser(readTxid),
  traceId: parser(readTraceId),
  limit: parser(readLimit).withDefault(AUDIT_DEFAULT_LIMIT),
  change: parseAsString,
};

export interface AuditSearchFilters {
  database: string | null;
  table: string | null;
  pk: string | null;
  column: string | null;
  value: string | null;
  op: AuditOp | null;
  actor: string | null;
  dbUser: string | null;
  application: string | null;
  txid: string | null;
  traceId: string | null;
  limit: number;
}

/** The filters the API receives, in a stable order (the page's query key and the CSV link use it). */
export const AUDIT_FILTER_KEYS = ["database", "table", "pk", "column", "value", "op", "actor", "dbUser", "application", "txid", "traceId"] as const;
