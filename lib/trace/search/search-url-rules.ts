import type { UrlParamRule } from "@/lib/client/describe-url-problems";
import { usedTraceIds } from "./build-search-request";
import { DEFAULT_LIMIT, MAX_LIMIT, readAttrCondition, readChoice, readCount, readDurationMs, readFlag, readTraceId, SEARCH_ORDERS, STATUS_FILTERS } from "./search-params";

// What is wrong with the trace search an address names: each rule mirrors the parser of the
// same parameter in search-params.ts (a value that parser refuses is reported here), and says
// what the search does instead.

const ignored = { kind: "ignored" } as const;

const durationRule: UrlParamRule = (value) => {
  if (readDurationMs(value) !== null) return null;
  return { reason: /^\s*-/.test(value) ? "negative" : "unreadable", instead: ignored };
};

function choiceRule(choices: readonly string[], fallback: string): UrlParamRule {
  return (value) => (readChoice(choices, value) === null ? { reason: "notAChoice", choices: choices.join(", "), instead: { kind: "value", value: fallback } } : null);
}

export const traceSearchUrlRules: Record<string, UrlParamRule> = {
  minDurationMs: durationRule,
  maxDurationMs: durationRule,
  status: choiceRule(STATUS_FILTERS, "any"),
  timeout: (value) => (readFlag(value) === null ? { reason: "unreadable", instead: ignored } : null),
  attr: (value) => (readAttrCondition(value) === null ? { reason: "unreadable", instead: ignored } : null),
  traceId: (value, query) => {
    if (readTraceId(value) === null) return { reason: "unreadable", instead: ignored };
    // Past the first hundred distinct usable ids the rest are left out (the API takes at most
    // that many); the same rule as the ids the search sends.
    const used = usedTraceIds(query.getAll("traceId").flatMap((id) => readTraceId(id) ?? []));
    return used.includes(readTraceId(value) ?? "") ? null : { reason: "tooMany", instead: ignored };
  },
  sort: choiceRule(SEARCH_ORDERS, "start"),
  limit: (value) => {
    const count = readCount(value);
    if (count === null) return { reason: "unreadable", instead: { kind: "value", value: String(DEFAULT_LIMIT) } };
    return count > MAX_LIMIT ? { reason: "tooLarge", instead: { kind: "capped", value: MAX_LIMIT } } : null;
  },
};
