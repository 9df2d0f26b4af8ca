"use client";

import ReactGridLayout, { useContainerWidth, verticalCompactor } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import "react-resizable/css/styles.css";
import type { LayoutItem, Panel } from "@/lib/dashboards/schemas";
import { GRID_COLUMNS } from "@/lib/dashboards/schemas";
import { EveryChartDrawn } from "@/components/charts/server-chart-area";
import { MAIN_WIDTH_PX, TypicalChartWidth } from "@/components/charts/typical-chart-width";
import { PanelBody } from "./panel-body";
import { DRAG_HANDLE_CLASS, PanelFrame } from "./panel-frame";
import { GRID_MARGIN, PanelSize, panelBodySize, ROW_HEIGHT, TYPICAL_GRID_WIDTH } from "./panel-size";

/** Panels starting above this many pixels from the grid's top load with the page (the first screen). */
const FIRST_SCREEN_PX = 900;

/**
 * The panels on react-grid-layout's grid. Outside edit mode nothing moves; in edit mode a panel
 * is dragged by its grip and resized from its corner, and every change goes to `onLayoutChange`.
 */
export function DashboardGrid({
  panels,
  layout,
  editing,
  onLayoutChange,
  onEditPanel,
  onRemovePanel,
}: {
  panels: readonly Panel[];
  layout: readonly LayoutItem[];
  editing: boolean;
  onLayoutChange: (layout: LayoutItem[]) => void;
  onEditPanel: (panel: Panel) => void;
  onRemovePanel: (panel: Panel) => void;
}) {
  // Laid out at the main column's usual width until measured, so the server can draw the panels.
  const { width, containerRef } = useContainerWidth({ initialWidth: TYPICAL_GRID_WIDTH });
  const items = new Map(layout.map((item) => [item.i, item]));
  return (
    <div ref={containerRef} data-testid="dashboard-grid">
      {/* Panels on the first screen load with the page (eager), the others when scrolled to: the
          server draws each panel it has data for, not just a screen's area in page order. */}
      <EveryChartDrawn>
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [GRID_MARGIN, GRID_MARGIN], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: `.${DRAG_HANDLE_CLASS}` }}
          resizeConfig={{ enabled: editing }}
          compactor={verticalCompactor}
          onLayoutChange={(next) => {
            if (editing) onLayoutChange(next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })));
          }}
        >
          {panels.map((panel) => {
            const item = items.get(panel.id);
            const size = item ? panelBodySize(item, width) : null;
            const firstScreen = item !== undefined && item.y * (ROW_HEIGHT + GRID_MARGIN) < FIRST_SCREEN_PX;
            return (
              <div key={panel.id} data-panel-id={panel.id}>
                <PanelFrame title={panel.title} editing={editing} eager={firstScreen} onEdit={() => onEditPanel(panel)} onRemove={() => onRemovePanel(panel)}>
                  <PanelSize value={size}>
                    <TypicalChartWidth value={size?.width ?? MAIN_WIDTH_PX}>
                      <PanelBody panel={panel} />
                    </TypicalChartWidth>
                  </PanelSize>
                </PanelFrame>
              </div>
            );
          })}
        </ReactGridLayout>
      </EveryChartDrawn>
    </div>
  );
}
