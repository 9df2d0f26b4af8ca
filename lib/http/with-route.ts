import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { checkSameOrigin } from "@/lib/auth/check-same-origin";
import { requireAccess } from "@/lib/auth/require-access";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { NUL_MESSAGE } from "@/lib/schemas/common";
import { findNul, jsonDepth, MAX_JSON_DEPTH } from "@/lib/schemas/params";
import { ApiError } from "./api-error";
import { describeZodError, errorResponse } from "./error-response";

// Every JSON route goes through here: who may call it (a required `access`, so no route can
// forget it), query parsing with a zod schema, errors to `{ error: { code, message } }`, and no
// stack traces or SQL in responses.

/**
 * A role that the caller's session or API token must have; `ingest-key` for the db agent's
 * endpoints, whose handler checks the ingest key itself before it reads the body; `public` for
 * the doors in (sign-in, setup, invite), which still refuse cross-site posts.
 */
export type RouteAccess = Role | "ingest-key" | "public";

type Handler<Q, B, P, A> = (input: { query: Q; body: B; params: P; request: NextRequest; principal: A }) => Promise<unknown>;

export function withRoute<QS extends z.ZodType, BS extends z.ZodType = z.ZodUnknown, P = Record<string, string>, A extends RouteAccess = RouteAccess>(
  schemas: { access: A; query?: QS; body?: BS },
  handler: Handler<z.infer<QS>, z.infer<BS>, P, A extends Role ? Principal : null>,
) {
  return async (request: NextRequest, context: { params?: Promise<P> }) => {
    try {
      const principal = await checkAccess(request, schemas.access);
      const query = schemas.query ? parseQuery(schemas.query, request) : undefined;
      const body = schemas.body ? await parseBody(schemas.body, request) : undefined;
      const params = context.params ? await context.params : ({} as P);
      const result = await handler({
        query: query as z.infer<QS>,
        body: body as z.infer<BS>,
        params,
        request,
        principal: principal as A extends Role ? Principal : null,
      });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function checkAccess(request: NextRequest, access: RouteAccess): Promise<Principal | null> {
  if (access === "ingest-key") return null;
  if (access === "public") {
    const verdict = checkSameOrigin(request.method, request.url, request.headers);
    if (!verdict.ok) throw new ApiError("forbidden", verdict.reason);
    return null;
  }
  return requireAccess(request, access);
}

function parseQuery<S extends z.ZodType>(schema: S, request: NextRequest): z.infer<S> {
  // No prototype: a parameter named `__proto__` is data like any other.
  const raw: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of request.nextUrl.searchParams) {
    // PostgreSQL text cannot hold U+0000: refused here, for every parameter of every route.
    if (value.includes("\u0000") || key.includes("\u0000")) throw new ApiError("bad_request", `${key.replaceAll("\u0000", "\\0")}: ${NUL_MESSAGE}`);
    const seen = raw[key];
    raw[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error));
  return result.data;
}

async function parseBody<S extends z.ZodType>(schema: S, request: NextRequest): Promise<z.infer<S>> {
  // JSON only: a `text/plain` body is what a cross-site form can send without asking.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError("unsupported_media_type", `the request body must be JSON, sent with Content-Type: application/json (got ${type ?? "none"})`);
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ApiError("bad_request", "the request body must be JSON");
  }
  // Every JSON body is an object; NUL characters (which PostgreSQL text cannot hold) and absurd
  // nesting (which overflows validation) are refused here, named, for every route at once.
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new ApiError("bad_request", "the request body must be a JSON object");
  if (jsonDepth(json) > MAX_JSON_DEPTH) throw new ApiError("bad_request", `the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  const nulAt = findNul(json);
  if (nulAt) throw new ApiError("bad_request", `${nulAt.length ? nulAt.join(".") : "body"}: ${NUL_MESSAGE}`);
  const result = schema.safeParse(json);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error));
  return result.data;
}
