import type { CompactTrace } from "@/lib/schemas/trace-compact";

// Columns of one trace as the store hands them over (already ordered by start) → the compact
// payload: names and services sent once each, parents as indices, and the parents that were
// never received listed apart so the page can say so. Pure, so the same code shapes the API
// answer and the recorded fixtures the model tests read.

export interface TraceColumns {
  traceId: string;
  /** Earliest start, nanoseconds since the epoch, as a decimal string. */
  startTimeUnixNano: string;
  spanIds: string[];
  parentSpanIds: (string | null)[];
  serviceNames: string[];
  names: string[];
  kinds: number[];
  statuses: number[];
  /** Nanoseconds after `startTimeUnixNano`. */
  startsNs: number[];
  durationsNs: number[];
  flags: number[];
}

export function assembleCompactTrace(columns: TraceColumns): CompactTrace {
  const n = columns.spanIds.length;
  // The first span with an id wins: a duplicate (the same span stored twice) stays a row of
  // its own but never becomes anyone's parent, so the tree stays a tree.
  const indexById = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = columns.spanIds[i]!;
    if (!indexById.has(id)) indexById.set(id, i);
  }
  const parent = new Array<number>(n);
  const missingParents: CompactTrace["missingParents"] = [];
  for (let i = 0; i < n; i++) {
    const parentId = columns.parentSpanIds[i];
    if (!parentId) {
      parent[i] = -1;
      continue;
    }
    const p = indexById.get(parentId);
    // A span naming itself as parent is as broken as one naming an absent span.
    if (p === undefined || p === i) {
      parent[i] = -1;
      missingParents.push({ span: i, parentSpanId: parentId });
    } else {
      parent[i] = p;
    }
  }
  const services = dictionary(columns.serviceNames);
  const names = dictionary(columns.names);
  return {
    traceId: columns.traceId,
    startTimeUnixNano: columns.startTimeUnixNano,
    services: services.values,
    names: names.values,
    spans: {
      spanId: columns.spanIds,
      parent,
      service: services.indices,
      name: names.indices,
      kind: columns.kinds,
      status: columns.statuses,
      startNs: columns.startsNs,
      durationNs: columns.durationsNs,
      flags: columns.flags,
    },
    missingParents,
  };
}

/** Distinct values in first-seen order and each input's index into them. */
function dictionary(input: string[]): { values: string[]; indices: number[] } {
  const indexOf = new Map<string, number>();
  const values: string[] = [];
  const indices = new Array<number>(input.length);
  for (let i = 0; i < input.length; i++) {
    const value = input[i]!;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = values.length;
      values.push(value);
      indexOf.set(value, index);
    }
    indices[i] = index;
  }
  return { values, indices };
}
