import "server-only";
import type pg from "pg";
import type { z } from "zod";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { describeZodError } from "@/lib/http/error-response";
import { ingestAdmission } from "@/lib/ingest/admission";
import { authenticateIngest } from "@/lib/ingest/auth/authenticate-ingest";
import { readOtlpBody } from "@/lib/ingest/otlp/read-otlp-body";

// The db agent's ingest endpoints (audit changes, lock events) share the OTLP endpoints' rules:
// authenticate before reading anything (401), wait for an ingest slot (503 + Retry-After when
// the store is behind), read the body within a limit (gzip allowed), refuse a bad batch whole
// with a 400 naming what is wrong, and answer only after the write committed. A failed write is
// a 503, so the agent keeps its data and retries.

export const MAX_AGENT_BODY_BYTES = 16 * 1024 * 1024;

export async function handleAgentIngest<S extends z.ZodType, R>(
  request: Request,
  schema: S,
  store: (pool: pg.Pool, body: z.infer<S>) => Promise<R>,
): Promise<R> {
  await authenticateIngest(request);
  return ingestAdmission().run(async () => {
    const { bytes, encoding } = await readOtlpBody(request, { maxBytes: MAX_AGENT_BODY_BYTES });
    if (encoding !== "json") throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      throw new ApiError("bad_request", "the request body must be JSON");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError("bad_request", describeZodError(parsed.error));
    try {
      return await store(getPool(), parsed.data);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // Class 22 (data exception): a value PostgreSQL refuses; retrying the same batch cannot help.
      if ((error as { code?: string }).code?.startsWith("22")) {
        throw new ApiError("bad_request", "the batch holds a value the store refuses", { cause: error });
      }
      console.error("[sightline] agent ingest write failed; the agent will retry:", error);
      throw new ApiError("unavailable", "the store could not take this batch; nothing was written, retry", { retryAfterSeconds: 2, cause: error });
    }
  });
}
