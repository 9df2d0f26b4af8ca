import type pg from "pg";

// What every source evaluator answers: one number for the rule (null: no data), a short
// phrase for the notification's sentence, and why there is no value when the source failed.

export type Db = Pick<pg.Pool, "query">;

export interface SourceValue {
  value: number | null;
  /** e.g. "error % of checkout (POST /checkout)"; the summary adds the value and condition */
  subject?: string;
  /** set when the source could not be read (the rule goes no-data with an `error` event) */
  error?: string;
}

export const windowBounds = (nowMs: number, windowSeconds: number) => ({ from: new Date(nowMs - windowSeconds * 1_000), to: new Date(nowMs) });
