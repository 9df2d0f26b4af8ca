import type { SaturationForecast } from "./forecast-saturation";

// A forecast in words ("at this rate the order service's pool is full in ~12 min (between 9 and
// 17 min)"). Pure: the words come from the "forecast" message namespace through `t`, so both
// languages are built the same way and tested on the real catalogues.

export type SaturationSubject = { kind: "pool"; service: string } | { kind: "connections" } | { kind: "queue"; queue: string };

type ForecastKey =
  | "subject.pool"
  | "subject.connections"
  | "subject.queue"
  | "sentence"
  | "sentenceOpenEnded"
  | "sentenceNarrow"
  | "atLimit"
  | "approx"
  | "underAMinute"
  | "minutes"
  | "hoursMinutes"
  | "confidence.high"
  | "confidence.medium"
  | "confidence.low";

/** The shape of next-intl's `useTranslations("forecast")` (and `createTranslator`) that this needs. */
export type ForecastTranslate = (key: ForecastKey, values?: Record<string, string | number>) => string;

export function describeSubject(t: ForecastTranslate, subject: SaturationSubject): string {
  switch (subject.kind) {
    case "pool":
      return t("subject.pool", { service: subject.service });
    case "connections":
      return t("subject.connections");
    case "queue":
      return t("subject.queue", { queue: subject.queue });
  }
}

/** The sentence for a forecast that says something; null when it says nothing (no warning). */
export function describeForecast(t: ForecastTranslate, subject: SaturationSubject, forecast: SaturationForecast): string | null {
  const name = describeSubject(t, subject);
  if (forecast.kind === "none") return null;
  if (forecast.kind === "at-limit") return t("atLimit", { subject: name, value: roundValue(forecast.value), limit: roundValue(forecast.limit) });
  const eta = forecast.etaMinutes < 1 ? t("underAMinute") : t("approx", { duration: duration(t, forecast.etaMinutes) });
  const lower = duration(t, forecast.etaLowerMinutes);
  if (forecast.etaUpperMinutes === null) return t("sentenceOpenEnded", { subject: name, eta, lower });
  const upper = duration(t, forecast.etaUpperMinutes);
  // "between 10 min and 10 min" says nothing: a range narrower than the rounding is left out.
  if (lower === upper) return t("sentenceNarrow", { subject: name, eta });
  return t("sentence", { subject: name, eta, lower, upper });
}

export function describeConfidence(t: ForecastTranslate, forecast: SaturationForecast): string | null {
  return forecast.kind === "warning" ? t(`confidence.${forecast.confidence}`) : null;
}

/** Whole minutes below an hour, hours and minutes above; "under a minute" for what rounds to 0. */
export function duration(t: ForecastTranslate, minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 1) return t("underAMinute");
  if (whole < 60) return t("minutes", { count: whole });
  return t("hoursMinutes", { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

const roundValue = (value: number) => Math.round(value * 10) / 10;
