import type { CurrencyTotal } from "./timeout-arithmetic";

// How the report's numbers read in a sentence, in the reader's locale: money per currency
// joined as a list ("€12,340.00 and $5.10"), shares as percentages, "5×" ratios, clock times
// (with the date when the window crosses days). Pure: the locale and time zone are passed in.

export function formatMoney(totals: readonly Pick<CurrencyTotal, "currency" | "amount">[], locale: string): string {
  const parts = totals.map(({ currency, amount }) => {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
    } catch {
      // Not an ISO 4217 code (a sender's own spelling): the number, then the code as sent.
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
    }
  });
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);
}

/** 0.041 → "4.1%"; small shares keep two decimals so they do not read as zero. */
export function formatShare(share: number, locale: string): string {
  const digits = share > 0 && share < 0.01 ? 2 : share < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: digits }).format(share);
}

/** 5.04 → "5"; 1.46 → "1.5"; 123.4 → "123". */
export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: ratio < 10 ? 1 : 0 }).format(ratio);
}

export function formatClock(ms: number, locale: string, timeZone: string | undefined, withDate: boolean, withSeconds = false): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
    ...(withDate ? { month: "short", day: "numeric" } : {}),
  }).format(ms);
}

/** Two ends of a period that fall in the same minute need their seconds, or "between 14:02 and 14:02" says nothing. */
export function sameMinute(aMs: number, bMs: number): boolean {
  return Math.floor(aMs / 60_000) === Math.floor(bMs / 60_000);
}

/** Whether two instants fall on different calendar days in the zone (then times carry the date). */
export function crossesDays(fromMs: number, toMs: number, timeZone: string | undefined): boolean {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return day.format(fromMs) !== day.format(toMs);
}
