import { echarts, type EChartOption } from "./echarts-setup";

// A chart drawn by the server, so a page shows it with the first paint instead of after its
// scripts have loaded, run and hydrated (about 0.8 s on a two-core machine; docs/benchmarks.md,
// "Pages"). ECharts renders to an SVG string without a DOM (its server-side rendering); the
// browser replaces it with the live canvas chart as soon as that has drawn. The server does not
// know the box's width: the SVG is drawn at the width the page's layout usually gives the chart
// and stretched to the box, so it is exact at that width and only briefly approximate at others.

export interface ServerChartSize {
  width: number;
  height: number;
  locale: "EN" | "ZH";
}

/** The chart as an SVG document that fills its box, or null when ECharts cannot draw it here. */
export function serverChartSvg(option: EChartOption, { width, height, locale }: ServerChartSize): string | null {
  let chart: ReturnType<typeof echarts.init> | undefined;
  try {
    chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width, height, locale });
    chart.setOption({ ...option, animation: false, backgroundColor: "transparent" });
    return fillBox(chart.renderToSVGString());
  } catch {
    return null;
  } finally {
    chart?.dispose();
  }
}

/** The root element's fixed size becomes the box's: the viewBox keeps the drawing's coordinates. */
function fillBox(svg: string): string {
  return svg.replace(/^<svg width="[\d.]+" height="[\d.]+"/, '<svg width="100%" height="100%" preserveAspectRatio="none"');
}
