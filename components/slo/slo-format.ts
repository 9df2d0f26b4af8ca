import type { Slo } from "@/lib/slo/schemas";

// How the SLO pages write their numbers, in one place.

export const formatPercent = (value: number | null, digits = 3) => (value === null ? "—" : `${Number(value.toFixed(digits))}%`);

/** Budget left: green with more than half, yellow above zero, red when spent. */
export const budgetColor = (budget: number | null) => (budget === null ? "gray" : budget > 50 ? "green" : budget > 0 ? "yellow" : "red");

export const sloScope = (slo: Pick<Slo, "service" | "operation">) => (slo.operation ? `${slo.service} · ${slo.operation}` : slo.service);

export const serviceHref = (service: string, operation?: string) => `/services/${encodeURIComponent(service)}${operation ? `?operation=${encodeURIComponent(operation)}` : ""}`;
