import { z } from "zod";
import { refineTimeRange, timeRangeShape } from "./common";
import { spanKindSchema } from "./traces";

// GET /api/v1/services: services and their operations seen in a window, from the minute rollups.

export const servicesQuerySchema = z
  .object({ ...timeRangeShape })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour.");

export const serviceOperationSchema = z.object({
  name: z.string(),
  kind: spanKindSchema,
  count: z.number().int(),
  errors: z.number().int(),
});

export const serviceSummarySchema = z.object({
  name: z.string(),
  count: z.number().int().describe("spans of all its operations in the window"),
  errors: z.number().int(),
  operations: z.array(serviceOperationSchema).describe("by name, then kind"),
});

export const servicesResponseSchema = z.object({ services: z.array(serviceSummarySchema).describe("by name") });

export type ServicesResponse = z.infer<typeof servicesResponseSchema>;
