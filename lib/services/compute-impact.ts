// The impact column of a service's operations: how much of the service's time each one takes,
// i.e. its summed duration over the service's summed request duration. A slow but rare
// operation and a fast but constant one compare on what they cost the service in total, which
// is what to fix first. The denominator is the requests the service handled (SERVER and
// CONSUMER spans, or every span when it has none), so a client call's impact reads as the share
// of request time spent waiting on it; concurrent calls can make it exceed 1.

export interface OperationCost {
  durationSumNs: number;
  /** Whether the operation is a request the service handles (SERVER, CONSUMER). */
  entry: boolean;
}

export function computeImpact<T extends OperationCost>(operations: readonly T[]): (T & { impact: number })[] {
  const entries = operations.filter((op) => op.entry);
  const basis = entries.length > 0 ? entries : operations;
  const totalNs = basis.reduce((sum, op) => sum + op.durationSumNs, 0);
  return operations
    .map((op) => ({ ...op, impact: totalNs > 0 ? op.durationSumNs / totalNs : 0 }))
    .sort((a, b) => b.impact - a.impact);
}
