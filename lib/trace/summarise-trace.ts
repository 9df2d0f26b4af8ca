import type { TraceModel } from "./build-trace-model";

// Where the time went: per service, its spans, errors and the sum of its spans' self time
// (work not spent waiting on a child). Self times of a synchronous trace add up to the
// root's duration, so the shares read as "this service took x% of the request".

export interface ServiceSummary {
  service: number;
  name: string;
  spanCount: number;
  errorCount: number;
  selfTimeNs: number;
  /** selfTimeNs / the sum of all services' self time (0..1). */
  selfTimeShare: number;
}

export interface TraceSummary {
  spanCount: number;
  errorCount: number;
  serviceCount: number;
  maxDepth: number;
  durationNs: number;
  /** By self time, largest first. */
  services: ServiceSummary[];
}

export function summariseTrace(model: TraceModel): TraceSummary {
  const perService = model.services.map((name, service) => ({ service, name, spanCount: 0, errorCount: 0, selfTimeNs: 0, selfTimeShare: 0 }));
  let totalSelf = 0;
  let maxDepth = 0;
  for (let i = 0; i < model.size; i++) {
    const entry = perService[model.service[i]!]!;
    entry.spanCount++;
    if (model.status[i] === 2) entry.errorCount++;
    entry.selfTimeNs += model.selfTimeNs[i]!;
    totalSelf += model.selfTimeNs[i]!;
    maxDepth = Math.max(maxDepth, model.tree.depth[i]!);
  }
  for (const entry of perService) entry.selfTimeShare = totalSelf > 0 ? entry.selfTimeNs / totalSelf : 0;
  const services = perService.filter((s) => s.spanCount > 0).sort((a, b) => b.selfTimeNs - a.selfTimeNs || a.name.localeCompare(b.name));
  return {
    spanCount: model.size,
    errorCount: model.errorSpans.length,
    serviceCount: services.length,
    maxDepth,
    durationNs: model.durationTotalNs,
    services,
  };
}
