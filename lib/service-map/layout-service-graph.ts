// Positions for the service map: callers on the left, callees to the right. Services that call
// each other in a loop (A → B → A) form one group and share a column, stacked; every other
// service sits one column past its furthest caller (longest path from an entry point), so a
// request reads left to right. Within a column, services are ordered by the mean row of their
// callers (one barycentre pass), which keeps most edges from crossing.

export interface GraphPosition {
  column: number;
  row: number;
  /** Position for the chart, in arbitrary units (the chart fits them to its box). */
  x: number;
  y: number;
}

export const COLUMN_GAP = 260;
export const ROW_GAP = 110;

export function layoutServiceGraph(nodes: readonly string[], edges: readonly { source: string; target: string }[]): Map<string, GraphPosition> {
  const names = [...new Set(nodes)].sort(compareText);
  const outgoing = new Map<string, string[]>(names.map((n) => [n, []]));
  const incoming = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const { source, target } of edges) {
    if (source === target || !outgoing.has(source) || !outgoing.has(target)) continue;
    outgoing.get(source)!.push(target);
    incoming.get(target)!.push(source);
  }

  const group = stronglyConnected(names, outgoing);
  const groupCount = Math.max(0, ...group.values()) + 1;
  // The groups form a DAG: lay it out by longest path with Kahn's algorithm.
  const groupOut = Array.from({ length: groupCount }, () => new Set<number>());
  const groupIn = new Array<number>(groupCount).fill(0);
  for (const [source, targets] of outgoing) {
    for (const target of targets) {
      const a = group.get(source)!;
      const b = group.get(target)!;
      if (a !== b && !groupOut[a]!.has(b)) {
        groupOut[a]!.add(b);
        groupIn[b]!++;
      }
    }
  }
  const groupColumn = new Array<number>(groupCount).fill(0);
  const ready = groupIn.flatMap((count, g) => (count === 0 ? [g] : []));
  while (ready.length > 0) {
    const g = ready.pop()!;
    for (const next of groupOut[g]!) {
      groupColumn[next] = Math.max(groupColumn[next]!, groupColumn[g]! + 1);
      if (--groupIn[next]! === 0) ready.push(next);
    }
  }

  const columns: string[][] = [];
  for (const name of names) (columns[groupColumn[group.get(name)!]!] ??= []).push(name);
  const rowOf = new Map<string, number>();
  const position = new Map<string, GraphPosition>();
  columns.forEach((members, column) => {
    if (!members) return;
    const weight = (name: string) => {
      const rows = incoming.get(name)!.map((c) => rowOf.get(c)).filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    const ordered = [...members].sort((a, b) => weight(a) - weight(b) || compareText(a, b));
    ordered.forEach((name, index) => {
      const row = index - (ordered.length - 1) / 2;
      rowOf.set(name, row);
      position.set(name, { column, row, x: column * COLUMN_GAP, y: row * ROW_GAP });
    });
  });
  return position;
}

/** Tarjan's algorithm, iterative; returns each node's component index. */
function stronglyConnected(names: readonly string[], outgoing: Map<string, string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const start of names) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = outgoing.get(frame.node)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
          if (member === frame.node) break;
        }
        components++;
      }
    }
  }
  return component;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pixels the chart needs to show its tallest column without crowding (360 to 900). */
export function graphHeight(positions: ReadonlyMap<string, GraphPosition>): number {
  const perColumn = new Map<number, number>();
  for (const { column } of positions.values()) perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
  const tallest = Math.max(1, ...perColumn.values());
  return Math.min(900, Math.max(360, tallest * 90 + 120));
}
