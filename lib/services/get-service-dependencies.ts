import type pg from "pg";
import { statsOf } from "./build-service-health";
import { mapCallTargets, readCallRows, type CallTarget } from "./discover-calls";
import { readOperationRollups, type OperationRollup } from "./read-operation-rollups";
import type { DependencyEdge, ServiceDependenciesResponse } from "./schemas";

// GET /api/v1/services/{service}/dependencies: who calls this service and what it calls, each
// edge with the RED of the caller's CLIENT operations (discover-calls.ts says how calls are
// matched to their targets).

type Queryable = Pick<pg.Pool, "query">;

const CLIENT_KIND = 3;

export async function getServiceDependencies(db: Queryable, input: { service: string; fromMs: number; toMs: number }): Promise<ServiceDependenciesResponse> {
  const window = { fromMs: input.fromMs, toMs: input.toMs };
  const [calls, rollups] = await Promise.all([readCallRows(db, window), readOperationRollups(db, window)]);
  const services = new Set(rollups.operations.map((op) => op.service));
  const targets = mapCallTargets(calls.rows, services);
  const seconds = (input.toMs - input.fromMs) / 1_000;
  const clientOps = new Map(rollups.operations.filter((op) => op.kind === CLIENT_KIND).map((op) => [`${op.service}\u0000${op.operation}`, op]));
  return {
    upstream: edges(targets.filter((t) => t.target === input.service && t.caller !== input.service), (t) => t.caller, clientOps, services, seconds),
    downstream: edges(targets.filter((t) => t.caller === input.service), (t) => t.target, clientOps, services, seconds),
    discoveredFromMs: calls.fromMs,
  };
}

function edges(targets: CallTarget[], otherSide: (t: CallTarget) => string, clientOps: Map<string, OperationRollup>, services: Set<string>, seconds: number): DependencyEdge[] {
  const grouped = new Map<string, { operations: OperationRollup[]; names: string[] }>();
  for (const target of targets) {
    const op = clientOps.get(`${target.caller}\u0000${target.operation}`);
    if (!op) continue;
    const name = otherSide(target);
    let group = grouped.get(name);
    if (!group) grouped.set(name, (group = { operations: [], names: [] }));
    group.operations.push(op);
    group.names.push(target.operation);
  }
  return [...grouped]
    .map(([name, group]) => {
      const stats = statsOf(group.operations, seconds);
      return {
        service: name,
        type: services.has(name) ? ("service" as const) : ("peer" as const),
        operations: group.names.sort(),
        count: stats.count,
        rate: stats.rate,
        errorRate: stats.errorRate,
        p95: stats.p95,
      };
    })
    .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
}
