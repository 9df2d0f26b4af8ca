import type { EChartOption } from "@/components/charts/echarts-setup";
import type { LockEvent } from "@/lib/schemas/locks";
import { escapeHtml } from "@/lib/trace/search/build-scatter-option";

// A deadlock's cycle as an ECharts graph: one circle per process, an arrow from each process to
// every process it waited for (labelled with the lock mode it wanted), the victim drawn red.
// The processes sit on a circle (placed here, left to right from the first), so a cycle reads as
// a cycle whatever its length; opposite arrows between two processes bow apart, never overlap.

type Deadlock = Extract<LockEvent, { kind: "deadlock" }>;

export interface DeadlockGraphLabels {
  node: (pid: number, victim: boolean) => string;
  tooltip: (process: Deadlock["processes"][number], victim: boolean) => string;
}

export interface DeadlockGraphColors {
  text: string;
  node: string;
  victim: string;
  edge: string;
}

export interface DeadlockEdge {
  source: number;
  target: number;
  mode: string | null;
}

/** Waiter → holder edges, only between processes of the cycle (a pid outside it is left out). */
export function deadlockEdges(deadlock: Deadlock): DeadlockEdge[] {
  const pids = new Set(deadlock.processes.map((p) => p.pid));
  const edges: DeadlockEdge[] = [];
  for (const process of deadlock.processes) {
    for (const holder of process.blockedBy) {
      if (pids.has(holder) && holder !== process.pid) edges.push({ source: process.pid, target: holder, mode: process.waitsFor?.mode ?? null });
    }
  }
  return edges;
}

export function buildDeadlockGraph(deadlock: Deadlock, labels: DeadlockGraphLabels, colors: DeadlockGraphColors): EChartOption {
  const edges = deadlockEdges(deadlock);
  return {
    tooltip: { trigger: "item", confine: true },
    animation: false,
    series: [
      {
        type: "graph",
        layout: "none",
        roam: false,
        symbolSize: 46,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 10,
        label: { show: true, color: colors.text, position: "bottom" },
        edgeLabel: { show: true, color: colors.text },
        data: deadlock.processes.map((process, index) => {
          const victim = process.pid === deadlock.victimPid;
          const angle = Math.PI + (2 * Math.PI * index) / deadlock.processes.length;
          return {
            id: String(process.pid),
            x: Math.round(100 * Math.cos(angle)),
            y: Math.round(40 * Math.sin(angle)),
            name: labels.node(process.pid, victim),
            itemStyle: { color: victim ? colors.victim : colors.node },
            tooltip: { formatter: escapeHtml(labels.tooltip(process, victim)).replaceAll("\n", "<br/>") },
          };
        }),
        links: edges.map((edge) => ({
          source: String(edge.source),
          target: String(edge.target),
          label: { show: edge.mode !== null, formatter: edge.mode ?? "" },
          lineStyle: { color: colors.edge, width: 2, curveness: 0.15 },
        })),
      },
    ],
  };
}
