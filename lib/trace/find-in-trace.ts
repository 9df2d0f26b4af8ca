import type { TraceModel } from "./build-trace-model";

// Find in trace. Names, services and span ids are in the model, so they match at once in the
// browser; attribute values, status messages and events live on the server and come back as
// span ids (see get-trace-matches.ts). Both end up here, as span indices in display order, so
// "next match" walks down the waterfall.

/** Spans whose name, service or id contains `query` (case-insensitive), in display order. */
export function findSpansLocally(model: TraceModel, query: string): Int32Array {
  const needle = query.trim().toLowerCase();
  if (!needle) return new Int32Array(0);
  // Test each distinct name and service once, not once per span.
  const nameHit = model.names.map((name) => name.toLowerCase().includes(needle));
  const serviceHit = model.services.map((service) => service.toLowerCase().includes(needle));
  const idQuery = /^[0-9a-f]+$/.test(needle) && needle.length >= 4;
  const hits: number[] = [];
  for (let k = 0; k < model.size; k++) {
    const span = model.tree.preorder[k]!;
    if (nameHit[model.name[span]!] || serviceHit[model.service[span]!] || (idQuery && model.spanIds[span]!.includes(needle))) hits.push(span);
  }
  return Int32Array.from(hits);
}

/** Local hits plus the server's (by span id), without duplicates, in display order. */
export function mergeMatches(model: TraceModel, local: Int32Array, remoteSpanIds: readonly string[]): Int32Array {
  if (remoteSpanIds.length === 0) return local;
  const all = new Set<number>(local);
  for (const id of remoteSpanIds) {
    const span = model.indexBySpanId.get(id);
    if (span !== undefined) all.add(span);
  }
  return Int32Array.from(all).sort((a, b) => model.tree.preorderIndex[a]! - model.tree.preorderIndex[b]!);
}

/**
 * The match to go to from `current` (a span, or -1): the next one in display order after it
 * (`direction` 1) or before it (-1), wrapping around. -1 when there are no matches.
 */
export function stepMatch(model: TraceModel, matches: Int32Array, current: number, direction: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (current < 0) return direction === 1 ? matches[0]! : matches[matches.length - 1]!;
  const position = model.tree.preorderIndex[current]!;
  if (direction === 1) {
    for (let m = 0; m < matches.length; m++) if (model.tree.preorderIndex[matches[m]!]! > position) return matches[m]!;
    return matches[0]!;
  }
  for (let m = matches.length - 1; m >= 0; m--) if (model.tree.preorderIndex[matches[m]!]! < position) return matches[m]!;
  return matches[matches.length - 1]!;
}
