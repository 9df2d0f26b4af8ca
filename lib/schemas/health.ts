import { z } from "zod";

// GET /api/health, documented here so the OpenAPI document covers it.

export const healthResponseSchema = z.object({ status: z.literal("ok") });

export const healthUnavailableSchema = z.object({
  status: z.literal("unavailable"),
  reason: z.string().optional(),
});
