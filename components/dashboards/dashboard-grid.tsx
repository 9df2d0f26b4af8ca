"use client";

import ReactGridLayout, { useContainerWidth, verticalCompactor } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import "react-resizable/css/styles.css";
import type { LayoutItem, Panel } from "@/lib/dashboards/schemas";
import { GRID_COLUMNS } from "@/lib/dashboards/schemas";
import { PanelBody } from "./panel-body";
import { DRAG_HANDLE_CLASS, PanelFrame } from "./panel-frame";

/** Height of one grid row in pixels; a panel of h rows is h * ROW_HEIGHT + (h - 1) * MARGIN tall. */
export const ROW_HEIGHT = 30;
const MARGIN = 12;

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
  const { width, containerRef, mounted } = useContainerWidth();
  return (
    <div ref={containerRef} data-testid="dashboard-grid">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [MARGIN, MARGIN], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: `.${DRAG_HANDLE_CLASS}` }}
          resizeConfig={{ enabled: editing }}
          compactor={verticalCompactor}
          onLayoutChange={(next) => {
            if (editing) onLayoutChange(next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })));
          }}
        >
          {panels.map((panel) => (
            <div key={panel.id} data-panel-id={panel.id}>
              <PanelFrame title={panel.title} editing={editing} onEdit={() => onEditPanel(panel)} onRemove={() => onRemovePanel(panel)}>
                <PanelBody panel={panel} />
              </PanelFrame>
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
