import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { healthResponseSchema as healthOkSchema, healthUnavailableSchema } from "@/lib/schemas/health";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// GET /api/health: 200 {"status":"ok"} when the database answers, 503 with a reason otherwise.
// The 503 body is data (the page shows the reason), not a failed request. With a read replica a
// 200 also says how far behind it is (the shell's replica-lag banner).
export const healthResponseSchema = z.discriminatedUnion("status", [healthOkSchema, healthUnavailableSchema]);

export type HealthResponse = z.infer<typeof healthResponseSchema>;

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchJson("/api/health", healthResponseSchema, { signal, acceptStatuses: [503] }),
  });
}
