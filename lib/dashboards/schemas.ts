import { z } from "zod";
import { metricQuerySpecSchema } from "@/lib/metrics/metric-query-spec";

// The one contract of dashboards: what a panel and a grid position are, what the API takes and
// answers. The routes parse requests with it, the pages parse responses with it, provisioning
// parses the files in lib/dashboards/provisioned/ with it, and the OpenAPI document is made from it.

/** Columns of the grid (react-grid-layout's `cols`); x + w never passes it. */
export const GRID_COLUMNS = 12;
export const MAX_PANELS = 40;

/** Lone UTF-16 surrogates cannot be stored in jsonb: refused, by field, instead of failing as a 500. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !LONE_SURROGATE.test(value), "must be valid Unicode text");

const panelIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "must be 1-40 letters, digits, - or _").meta({ example: "p1" });

export const RED_SHOWS = ["rate", "errors", "latency"] as const;
export type RedShow = (typeof RED_SHOWS)[number];

export const metricPanelSchema = z.object({
  id: panelIdSchema,
  kind: z.literal("metric"),
  title: text(200),
  queries: z.array(metricQuerySpecSchema).min(1, "needs at least one query").max(6, "must have at most 6 queries"),
});

export const redPanelSchema = z.object({
  id: panelIdSchema,
  kind: z.literal("red"),
  title: text(200),
  service: text(255).describe("service.name"),
  operation: text(1_000).optional().describe("span name; the whole service when absent"),
  show: z.enum(RED_SHOWS, { error: `must be one of ${RED_SHOWS.join(", ")}` }),
});

/** Plain text: shown as text, never as HTML or Markdown. */
export const textPanelSchema = z.object({
  id: panelIdSchema,
  kind: z.literal("text"),
  title: text(200),
  text: text(10_000, 0),
});

export const panelSchema = z.discriminatedUnion("kind", [metricPanelSchema, redPanelSchema, textPanelSchema], {
  error: "must be metric, red or text",
});
export type Panel = z.infer<typeof panelSchema>;
export type PanelKind = Panel["kind"];

/** One react-grid-layout item: `i` is the panel's id; x and w in grid columns, y and h in rows. */
export const layoutItemSchema = z
  .object({
    i: panelIdSchema,
    x: z.number().int().min(0).max(GRID_COLUMNS - 1),
    y: z.number().int().min(0).max(10_000),
    w: z.number().int().min(1).max(GRID_COLUMNS),
    h: z.number().int().min(1).max(50),
  })
  .refine((item) => item.x + item.w <= GRID_COLUMNS, { message: `x + w must be at most ${GRID_COLUMNS}`, path: ["w"] });
export type LayoutItem = z.infer<typeof layoutItemSchema>;

const panelsSchema = z
  .array(panelSchema)
  .max(MAX_PANELS, `must have at most ${MAX_PANELS} panels`)
  .superRefine((panels, ctx) => {
    const seen = new Set<string>();
    panels.forEach((panel, index) => {
      if (seen.has(panel.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `repeats the panel id ${panel.id}` });
      seen.add(panel.id);
    });
  });

/**
 * What a dashboard is made of, as POST takes it and the provisioned files hold it. The layout
 * follows the panels (lib/dashboards/fit-layout.ts): items of unknown panels are dropped and
 * panels without one are placed below the rest, as react-grid-layout itself would.
 */
export const dashboardContentSchema = z.object({
  title: text(200),
  description: text(2_000, 0).default(""),
  panels: panelsSchema.default([]),
  layout: z.array(layoutItemSchema).max(MAX_PANELS).default([]),
});
export type DashboardContent = z.infer<typeof dashboardContentSchema>;

export const createDashboardBodySchema = dashboardContentSchema;

/** PUT replaces the whole dashboard; `version` is the one the editor started from. */
export const updateDashboardBodySchema = dashboardContentSchema.extend({
  version: z.number().int().min(1).max(2_000_000_000).describe("the version read; a newer one stored means someone else saved meanwhile (409)"),
});

/** A provisioned file: its content and the stable id it is upserted by. */
export const provisionedDashboardFileSchema = dashboardContentSchema.extend({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/, "must be 1-60 lowercase letters, digits or -"),
});

export const dashboardIdPathSchema = z.object({ id: z.uuid("must be a UUID") });

const provisionedSchema = z
  .object({ id: z.string(), file: z.string() })
  .nullable()
  .describe("set for dashboards provisioned from a file: read-only here, duplicate to edit");

export const dashboardSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  panels: z.array(panelSchema),
  layout: z.array(layoutItemSchema),
  provisioned: provisionedSchema,
  version: z.number().int(),
  createdBy: z.string().nullable().describe("e-mail of the user who made it; null for provisioned ones and tokens"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardSummarySchema = dashboardSchema.omit({ panels: true, layout: true }).extend({ panelCount: z.number().int() });
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardListSchema = z.object({ dashboards: z.array(dashboardSummarySchema).describe("provisioned first, then by title") });

export const deletedDashboardSchema = z.object({ id: z.string(), deleted: z.literal(true) });
