import "server-only";
import type pg from "pg";
import { z } from "zod";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { describeZodError } from "@/lib/http/error-response";
import { ingestAdmission } from "@/lib/ingest/admission";
import { authenticateIngest } from "@/lib/ingest/auth/authenticate-ingest";
import { ingestBodyBudget } from "@/lib/ingest/body-budget";
import { readOtlpBody } from "@/lib/ingest/otlp/read-otlp-body";
import { OTLP_LIMITS } from "@/lib/ingest/otlp/validate";
import { storeOrRefuse } from "@/lib/ingest/store-or-refuse";
import { jsonDepth, MAX_JSON_DEPTH } from "@/lib/schemas/params";

// The db agent's ingest endpoints (audit changes, lock events) share the OTLP endpoints' rules:
// authenticate before reading anything (401); read the body within a limit and a deadline
// (gzip allowed; 413, 408), counted against the body budget; validate each item on its own, so
// an item the store cannot hold (a field past ../ingest/field-limits.ts, a time outside the
// accepted window) is refused alone and reported in `rejected` and `errors` while the rest is
// stored (a 400 only when the envelope is wrong or every item is refused); only then wait for
// a store slot (503 + Retry-After when the store is behind); answer after the write committed.
// A failed write is a 503, so the agent keeps its data and retries.

export const MAX_AGENT_BODY_BYTES = 16 * 1024 * 1024;

/** A batch body: one key holding the list of items, e.g. `{ changes: [...] }`. */
type BatchSchema = z.ZodObject<Record<string, z.ZodArray<z.ZodType>>>;

export interface AgentIngestOptions {
  /** Overrides BODY_READ_DEADLINE_MS (tests use a short one). */
  bodyDeadlineMs?: number;
}

export async function handleAgentIngest<S extends BatchSchema, R extends object>(
  request: Request,
  schema: S,
  store: (pool: pg.Pool, body: z.infer<S>) => Promise<R>,
  options: AgentIngestOptions = {},
): Promise<R & { rejected: number; errors: string[] }> {
  await authenticateIngest(request);
  const admission = ingestAdmission();
  admission.refuseIfFull();
  return ingestBodyBudget().run(async (take) => {
    const { bytes, encoding } = await readOtlpBody(request, { maxBytes: MAX_AGENT_BODY_BYTES, deadlineMs: options.bodyDeadlineMs, take });
    if (encoding !== "json") throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      throw new ApiError("bad_request", "the request body must be JSON");
    }
    const { body, rejected, errors } = parseBatch(schema, json);
    const result = await admission.run(() => storeOrRefuse(() => store(getPool(), body)));
    return { ...result, rejected, errors };
  });
}

/**
 * The body with every item that fails its schema left out. Problems outside the items (not an
 * object, not a list, too many items) refuse the whole body, as does a body whose every item
 * is refused.
 */
function parseBatch<S extends BatchSchema>(schema: S, json: unknown): { body: z.infer<S>; rejected: number; errors: string[] } {
  const key = Object.keys(schema.shape)[0] as string;
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new ApiError("bad_request", `the request body must be a JSON object like {"${key}": [...]}`);
  // Validating JSON recurses (zod's z.json() overflows the stack near 2,000 levels): measured first.
  if (jsonDepth(json) > MAX_JSON_DEPTH) throw new ApiError("bad_request", `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  const whole = schema.safeParse(json);
  if (whole.success) return { body: whole.data, rejected: 0, errors: [] };
  const bad = new Map<number, z.core.$ZodIssue[]>();
  for (const issue of whole.error.issues) {
    const [field, index] = issue.path;
    if (field !== key || typeof index !== "number") throw new ApiError("bad_request", describeZodError(whole.error));
    bad.set(index, [...(bad.get(index) ?? []), issue]);
  }
  const items = (json as Record<string, unknown[]>)[key] as unknown[];
  const errors = [...bad.entries()]
    .slice(0, OTLP_LIMITS.maxErrorMessages)
    .map(([, issues]) => describeZodError(new z.ZodError(issues)));
  if (bad.size === items.length) {
    throw new ApiError("bad_request", `all ${items.length} ${key} were rejected: ${errors.join("; ")}`);
  }
  const rest = schema.safeParse({ ...(json), [key]: items.filter((_, i) => !bad.has(i)) });
  if (!rest.success) throw new ApiError("bad_request", describeZodError(rest.error));
  return { body: rest.data, rejected: bad.size, errors };
}
