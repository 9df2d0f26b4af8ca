import type { LockEvent } from "@/lib/schemas/locks";

// Who waits for whom at one moment. The waits going on at that instant (started at or before
// it, not yet over) make a forest: each root holds a lock without waiting for one itself, and
// each child waits for its parent. A process blocked by several holders appears under each.
// A cycle (a deadlock not yet broken) has no root: its processes start a tree each instead.

type Wait = Extract<LockEvent, { kind: "wait" }>;
type Process = Wait["waiter"];

export interface BlockingNode {
  pid: number;
  process: Process;
  /** Null for a root: it waits for nothing. */
  wait: { lock: Wait["lock"]; durationMs: number; heldModes: string[]; waitId: string } | null;
  children: BlockingNode[];
}

/** The waits in progress at `atMs`: started by then and, if over, lasting past it. */
export function waitsAt(waits: Wait[], atMs: number): Wait[] {
  return waits.filter((w) => {
    const start = Date.parse(w.time);
    return start <= atMs && (!w.ended || start + w.durationMs >= atMs);
  });
}

export function buildBlockingTree(waits: Wait[]): BlockingNode[] {
  const waitOf = new Map<number, Wait>();
  const processOf = new Map<number, Process>();
  const waitersOf = new Map<number, { wait: Wait; heldModes: string[] }[]>();
  for (const wait of waits) {
    waitOf.set(wait.waiter.pid, wait);
    processOf.set(wait.waiter.pid, wait.waiter);
    for (const blocker of wait.blockers) {
      if (!processOf.has(blocker.pid)) processOf.set(blocker.pid, blocker);
      const list = waitersOf.get(blocker.pid) ?? [];
      list.push({ wait, heldModes: blocker.heldModes });
      waitersOf.set(blocker.pid, list);
    }
  }

  const grow = (pid: number, wait: BlockingNode["wait"], path: Set<number>): BlockingNode => {
    const next = new Set(path).add(pid);
    const children = (waitersOf.get(pid) ?? [])
      .filter(({ wait: w }) => !next.has(w.waiter.pid))
      .map(({ wait: w, heldModes }) => grow(w.waiter.pid, { lock: w.lock, durationMs: w.durationMs, heldModes, waitId: w.id }, next))
      .sort((a, b) => (b.wait?.durationMs ?? 0) - (a.wait?.durationMs ?? 0));
    return { pid, process: processOf.get(pid)!, wait, children };
  };

  const roots = [...waitersOf.keys()].filter((pid) => !waitOf.has(pid));
  const covered = new Set<number>();
  const mark = (node: BlockingNode) => {
    covered.add(node.pid);
    node.children.forEach(mark);
  };
  const forest = roots.sort((a, b) => a - b).map((pid) => grow(pid, null, new Set()));
  forest.forEach(mark);
  // Waits in a cycle are reached from no root: each uncovered waiter starts its own tree.
  for (const wait of waits) {
    if (covered.has(wait.waiter.pid)) continue;
    const node = grow(wait.waiter.pid, null, new Set());
    mark(node);
    forest.push(node);
  }
  return forest;
}
