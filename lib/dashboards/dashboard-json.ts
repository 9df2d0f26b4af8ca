import { z } from "zod";
import { layoutItemSchema, panelSchema, type Dashboard, type DashboardSummary } from "./schemas";

// One shape for a dashboard wherever the API returns one. Stored JSON was checked when written;
// it is parsed again here so a row written by another version of Sightline can never reach a
// page in a shape the page does not expect.

export const dashboardColumns = {
  id: true,
  title: true,
  description: true,
  panels: true,
  layout: true,
  provisionedId: true,
  provisionedFile: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { email: true } },
} as const;

export interface DashboardRow {
  id: string;
  title: string;
  description: string;
  panels: unknown;
  layout: unknown;
  provisionedId: string | null;
  provisionedFile: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { email: string } | null;
}

const storedPanels = z.array(panelSchema);
const storedLayout = z.array(layoutItemSchema);

export function dashboardJson(row: DashboardRow): Dashboard {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    panels: storedPanels.parse(row.panels),
    layout: storedLayout.parse(row.layout),
    provisioned: row.provisionedId && row.provisionedFile ? { id: row.provisionedId, file: row.provisionedFile } : null,
    version: row.version,
    createdBy: row.createdBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function dashboardSummaryJson(row: DashboardRow): DashboardSummary {
  const { panels, layout: _layout, ...rest } = dashboardJson(row);
  return { ...rest, panelCount: panels.length };
}
