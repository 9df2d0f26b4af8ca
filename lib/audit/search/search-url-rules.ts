import type { UrlParamRule } from "@/lib/client/describe-url-problems";
import { AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT, readLimit, readOp, readTraceId, readTxid, readValueCondition } from "./search-params";

// What is wrong with the audit search an address names: each rule mirrors the parser of the
// same parameter in search-params.ts, so a value the page cannot use is reported, not dropped.

const ignored = { kind: "ignored" } as const;
const unreadableWhen = (read: (value: string) => unknown): UrlParamRule => (value) => (read(value) === null ? { reason: "unreadable", instead: ignored } : null);

export const auditSearchUrlRules: Record<string, UrlParamRule> = {
  op: (value) => (readOp(value) === null ? { reason: "notAChoice", choices: "INSERT, UPDATE, DELETE", instead: ignored } : null),
  txid: unreadableWhen(readTxid),
  traceId: unreadableWhen(readTraceId),
  value: unreadableWhen(readValueCondition),
  limit: (value) => {
    const count = readLimit(value);
    if (count === null) return { reason: "unreadable", instead: { kind: "value", value: String(AUDIT_DEFAULT_LIMIT) } };
    return count > AUDIT_MAX_LIMIT ? { reason: "tooLarge", instead: { kind: "capped", value: AUDIT_MAX_LIMIT } } : null;
  },
};
