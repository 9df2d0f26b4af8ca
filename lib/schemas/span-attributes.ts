import { z } from "zod";
import { nonEmptyParam, refineTimeRange, timeRangeShape } from "./common";

// GET /api/v1/span-attributes: attribute keys and their common values in a window, so the
// trace search can suggest `key=value` conditions instead of making people guess names.

export const spanAttributesQuerySchema = z
  .object({
    service: nonEmptyParam.optional().describe("only spans of this service.name"),
    ...timeRangeShape,
  })
  .superRefine(refineTimeRange)
  .describe("Read from a sample of up to 5,000 spans in the window (span and resource attributes). Default window: the last hour.");

export const spanAttributeSchema = z.object({
  key: z.string(),
  count: z.number().int().describe("sampled spans that have the key"),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })).describe("most common text forms of its value (strings, numbers, booleans), at most 20"),
});

export const spanAttributesResponseSchema = z.object({
  attributes: z.array(spanAttributeSchema).describe("most common keys first, at most 100"),
  sampled: z.number().int().describe("spans read"),
});

export type SpanAttributesResponse = z.infer<typeof spanAttributesResponseSchema>;
