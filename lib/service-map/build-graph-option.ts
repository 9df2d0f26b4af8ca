import type { EChartOption } from "@/components/charts/echarts-setup";
import type { ServiceMapEdge, ServiceMapNode, ServiceMapResponse } from "@/lib/schemas/service-map";
import { escapeHtml } from "@/lib/trace/search/build-scatter-option";
import { assignServiceColors } from "@/lib/trace/service-colors";
import { layoutServiceGraph } from "./layout-service-graph";

// The service map as an ECharts graph: services as circles in their trace colours (dashed when
// they send no telemetry, ringed red when they fail requests), calls as arrows whose width
// grows with traffic and whose colour warns with the error rate, labelled with rate, error
// rate and p95. Node and edge data carry what a click needs to open the matching traces.

export interface GraphLabels {
  edge: (edge: ServiceMapEdge) => string;
  node: (node: ServiceMapNode) => string;
  nodeTooltip: (node: ServiceMapNode) => string;
  edgeTooltip: (edge: ServiceMapEdge) => string;
}

export interface GraphColors {
  text: string;
  /** The chart's background, behind edge labels so the lines they cross do not run through them. */
  background: string;
  edge: string;
  warning: string;
  error: string;
}

const MAX_LABELLED_EDGES = 12;

/** Error rate from which an edge is drawn as failing. */
export const EDGE_ERROR_RATE = 0.05;

export function edgeColor(edge: ServiceMapEdge, colors: GraphColors): string {
  if (edge.errorRate >= EDGE_ERROR_RATE) return colors.error;
  if (edge.errors > 0) return colors.warning;
  return colors.edge;
}

/** 1 px for a trickle, up to 6 px for the busiest edge of the map. */
export function edgeWidth(edge: ServiceMapEdge, busiest: number): number {
  if (busiest <= 0) return 1;
  return 1 + 5 * (Math.log1p(edge.requestsPerSecond) / Math.log1p(busiest));
}

export function buildGraphOption(map: ServiceMapResponse, labels: GraphLabels, colors: GraphColors): EChartOption {
  const positions = layoutServiceGraph(
    map.nodes.map((n) => n.name),
    map.edges,
  );
  const busiest = Math.max(0, ...map.edges.map((e) => e.requestsPerSecond));
  // No two services of one map share a colour (see assignServiceColors).
  const nodeColors = assignServiceColors(map.nodes.map((n) => n.name));
  // Past a dozen calls their labels would cover each other: they show on hover instead (and
  // in the table under the chart).
  const labelEdges = map.edges.length <= MAX_LABELLED_EDGES;
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (params: unknown) => {
        const { dataType, data } = params as { dataType?: string; data?: { node?: ServiceMapNode; edge?: ServiceMapEdge } };
        const text = dataType === "edge" && data?.edge ? labels.edgeTooltip(data.edge) : data?.node ? labels.nodeTooltip(data.node) : "";
        return escapeHtml(text).replace(/\n/g, "<br/>");
      },
    },
    series: [
      {
        type: "graph",
        layout: "none",
        roam: true,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: [0, 10],
        label: { show: true, position: "bottom", color: colors.text, fontSize: 12 },
        // Labels sit on their edge's middle, on the chart's background; where edges converge on a
        // busy service their middles crowd, and a label that would cover another is hidden (the
        // busier, longer edge keeps its label; hovering an edge shows its figures as a tooltip).
        edgeLabel: { show: labelEdges, position: "middle", fontSize: 11, color: colors.text, backgroundColor: colors.background, padding: [1, 3], borderRadius: 3 },
        labelLayout: (params: { dataType?: string }) => (params.dataType === "edge" ? { hideOverlap: true } : {}),
        emphasis: { focus: "adjacency", edgeLabel: { show: true } },
        data: map.nodes.map((node) => {
          const position = positions.get(node.name)!;
          return {
            id: node.name,
            name: node.name,
            x: position.x,
            y: position.y,
            symbolSize: 44,
            node,
            label: { formatter: labels.node(node) },
            itemStyle: {
              color: node.instrumented ? nodeColors.get(node.name) : "transparent",
              borderColor: node.errors > 0 ? colors.error : node.instrumented ? nodeColors.get(node.name) : colors.edge,
              borderWidth: node.errors > 0 ? 4 : 2,
              borderType: node.instrumented ? "solid" : "dashed",
            },
          };
        }),
        links: map.edges.map((edge) => ({
          source: edge.source,
          target: edge.target,
          edge,
          label: { formatter: labels.edge(edge) },
          lineStyle: {
            width: edgeWidth(edge, busiest),
            color: edgeColor(edge, colors),
            // Calls within a column (services calling each other in a loop share one) bend around
            // the services stacked between them; a curve bends to its left, so A → B and B → A
            // part ways instead of overlapping.
            curveness: positions.get(edge.source)?.column === positions.get(edge.target)?.column ? 0.35 : 0,
            opacity: 0.9,
          },
        })),
      },
    ],
  };
}
