import type { DuplicateDelivery } from "./schemas";

// Which deliveries of an operation did nothing because their work was already done. A
// delivery is a SERVER or CONSUMER span carrying a business key (an order id, a payment id,
// an idempotency key). Among the deliveries of one operation with one key value, the first
// whose trace changed audited rows did the work (the original); a later one whose trace
// changed none is a duplicate of it. The span may also say so itself (`*.duplicate=true`):
// that marks it even when the original is out of reach, and `*.duplicate=false` keeps a
// delivery whose audit rows have not arrived yet from being called a duplicate.

/** One delivery span with one of its business keys, as read from the store. */
export interface DeliveryRow {
  traceId: string;
  service: string;
  operation: string;
  key: string;
  value: string;
  /** the span's start, nanoseconds since the epoch as a decimal string */
  startTimeUnixNano: string;
  /** whether any audited row change carries this trace id */
  changedRows: boolean;
  /** what the span said about itself: true a duplicate, false not, null silent */
  flag: boolean | null;
}

interface Delivery {
  traceId: string;
  start: bigint;
  startTimeUnixNano: string;
  changedRows: boolean;
  flag: boolean | null;
}

export function classifyDeliveries(rows: readonly DeliveryRow[]): DuplicateDelivery[] {
  const groups = new Map<string, { service: string; operation: string; key: string; value: string; byTrace: Map<string, Delivery> }>();
  for (const row of rows) {
    const id = JSON.stringify([row.service, row.operation, row.key, row.value]);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { service: row.service, operation: row.operation, key: row.key, value: row.value, byTrace: new Map() }));
    const start = BigInt(row.startTimeUnixNano);
    const seen = group.byTrace.get(row.traceId);
    // One trace may deliver twice (a retry inside it): it counts once, from its first span.
    if (!seen) group.byTrace.set(row.traceId, { traceId: row.traceId, start, startTimeUnixNano: row.startTimeUnixNano, changedRows: row.changedRows, flag: row.flag });
    else {
      if (start < seen.start) Object.assign(seen, { start, startTimeUnixNano: row.startTimeUnixNano });
      seen.changedRows ||= row.changedRows;
      seen.flag = seen.flag === true || row.flag === true ? true : (seen.flag ?? row.flag);
    }
  }

  // Keyed by duplicate and operation: the same pair found through several keys is one finding.
  const found = new Map<string, DuplicateDelivery>();
  for (const group of groups.values()) {
    const deliveries = [...group.byTrace.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.traceId.localeCompare(b.traceId)));
    const original = deliveries.find((d) => d.changedRows && d.flag !== true);
    for (const delivery of deliveries) {
      if (delivery === original || delivery.flag === false) continue;
      const afterOriginal = original !== undefined && delivery.start >= original.start && !delivery.changedRows;
      if (!afterOriginal && delivery.flag !== true) continue;
      const id = JSON.stringify([delivery.traceId, group.service, group.operation]);
      const finding = found.get(id);
      if (finding) {
        finding.keys.push({ key: group.key, value: group.value });
        if (!finding.original && afterOriginal) finding.original = { traceId: original.traceId, startTimeUnixNano: original.startTimeUnixNano };
        continue;
      }
      found.set(id, {
        service: group.service,
        operation: group.operation,
        keys: [{ key: group.key, value: group.value }],
        duplicate: { traceId: delivery.traceId, startTimeUnixNano: delivery.startTimeUnixNano, flagged: delivery.flag === true },
        original: afterOriginal ? { traceId: original.traceId, startTimeUnixNano: original.startTimeUnixNano } : null,
      });
    }
  }
  const newestFirst = (a: DuplicateDelivery, b: DuplicateDelivery) => {
    const [x, y] = [BigInt(a.duplicate.startTimeUnixNano), BigInt(b.duplicate.startTimeUnixNano)];
    return x > y ? -1 : x < y ? 1 : 0;
  };
  for (const finding of found.values()) finding.keys.sort((a, b) => a.key.localeCompare(b.key));
  return [...found.values()].sort(newestFirst);
}
