"use client";

import type { Panel } from "@/lib/dashboards/schemas";
import { MetricPanel } from "./metric-panel";
import { RedPanel } from "./red-panel";
import { TextPanel } from "./text-panel";

/** What a panel shows, by kind; each kind fetches its own data, so panels load independently. */
export function PanelBody({ panel }: { panel: Panel }) {
  switch (panel.kind) {
    case "text":
      return <TextPanel text={panel.text} />;
    case "red":
      return <RedPanel title={panel.title} service={panel.service} operation={panel.operation ?? null} show={panel.show} />;
    case "metric":
      return <MetricPanel title={panel.title} queries={panel.queries} />;
  }
}
