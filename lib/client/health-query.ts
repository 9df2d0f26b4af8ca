import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// GET /api/health: 200 {"status":"ok"} when the database answers, 503 with a reason otherwise.
// The 503 body is data (the page shows the reason), not a failed request.
export const healthResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok") }),
  z.object({ status: z.literal("unavailable"), reason: z.string().optional() }),
]);

export type HealthResponse = z.infer<typeof healthResponseSchema>;

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchJson("/api/health", healthResponseSchema, { signal, acceptStatuses: [503] }),
  });
}
