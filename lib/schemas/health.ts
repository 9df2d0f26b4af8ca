import { z } from "zod";

// GET /api/health, documented here so the OpenAPI document covers it.

/** Present only when DATABASE_READ_URL sends reads to a streaming replica. */
export const readReplicaHealthSchema = z.object({
  /** Whether the replica answered; reads fail while it does not, writes are unaffected. */
  ok: z.boolean(),
  /** Seconds of writes the replica has not replayed yet (0 when caught up); null when unknown. */
  lagSeconds: z.number().nonnegative().nullable(),
});

export const healthResponseSchema = z.object({ status: z.literal("ok"), readReplica: readReplicaHealthSchema.optional() });

export const healthUnavailableSchema = z.object({
  status: z.literal("unavailable"),
  reason: z.string().optional(),
});

export type ReadReplicaHealth = z.infer<typeof readReplicaHealthSchema>;
