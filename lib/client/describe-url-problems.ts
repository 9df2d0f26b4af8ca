// The project's rule: "a URL parameter the page cannot use is shown as such, never silently
// replaced". A page lists, per parameter it reads, a rule that says what is wrong with a raw
// value and what the page shows instead; this function applies them to the address as it was
// opened, and the one alert component (components/ui/url-problems-alert.tsx) says it in words.

import { truncateText } from "./truncate-text";

/** Why a value was not used as written. */
export type UrlProblemReason =
  /** Not a value of this parameter's kind at all ("garbage" for a time). */
  | "unreadable"
  /** `from` is not before `to`. */
  | "reversed"
  /** One end of the window without the other. */
  | "incomplete"
  /** A window longer than the longest one the page offers. */
  | "tooLong"
  /** A duration below zero. */
  | "negative"
  /** A number above the page's maximum. */
  | "tooLarge"
  /** Not one of a fixed set of choices (`choices` lists them). */
  | "notAChoice"
  /** One value too many of a repeatable parameter with a maximum count. */
  | "tooMany"
  /** A moment outside the page's time window. */
  | "outsideWindow";

/** What the page shows in place of the value. */
export type UrlProblemFallback =
  /** The time window in the header (its label is the page's to give). */
  | { kind: "window" }
  /** The filter is not applied. */
  | { kind: "ignored" }
  /** This value is used instead, e.g. `any` for a status. */
  | { kind: "value"; value: string }
  /** The value is lowered to this maximum. */
  | { kind: "capped"; value: number };

export interface UrlProblem {
  param: string;
  /** The value as written, cut to MAX_SHOWN_VALUE characters (a URL can hold 10,000). */
  value: string;
  reason: UrlProblemReason;
  /** For `notAChoice`: the accepted values, comma-separated. */
  choices?: string;
  instead: UrlProblemFallback;
}

/** A rule for one parameter: null when the raw value is usable as it is. */
export type UrlParamRule = (value: string, query: URLSearchParams) => Omit<UrlProblem, "param" | "value"> | null;

export const MAX_SHOWN_VALUE = 60;

/**
 * Every problem of `query` under `rules`, in the order of the rules (then of repeated values).
 * Parameters the rules do not name are not judged: other parts of the page may read them.
 */
export function describeUrlProblems(query: URLSearchParams, rules: Readonly<Record<string, UrlParamRule>>): UrlProblem[] {
  const problems: UrlProblem[] = [];
  for (const [param, rule] of Object.entries(rules)) {
    for (const value of query.getAll(param)) {
      const problem = rule(value, query);
      if (problem) problems.push({ param, value: truncateText(value, MAX_SHOWN_VALUE), ...problem });
    }
  }
  return problems;
}
