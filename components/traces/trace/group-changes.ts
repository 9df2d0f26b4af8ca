import type { AuditChange } from "@/lib/schemas/audit";
import type { TraceModel } from "@/lib/trace/build-trace-model";

export interface ChangesBySpan {
  bySpan: Map<number, AuditChange[]>;
  /** Changes naming no span, or a span this trace does not hold. */
  unattached: AuditChange[];
}

/** Audit changes grouped under the span that wrote them (by span id), in commit order. */
export function groupChangesBySpan(model: TraceModel, changes: readonly AuditChange[]): ChangesBySpan {
  const bySpan = new Map<number, AuditChange[]>();
  const unattached: AuditChange[] = [];
  for (const change of changes) {
    const span = change.spanId ? model.indexBySpanId.get(change.spanId) : undefined;
    if (span === undefined) {
      unattached.push(change);
      continue;
    }
    const list = bySpan.get(span);
    if (list) list.push(change);
    else bySpan.set(span, [change]);
  }
  return { bySpan, unattached };
}
