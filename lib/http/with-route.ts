import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError } from "./api-error";
import { describeZodError, errorResponse } from "./error-response";

// Every JSON route goes through here: query parsing with a zod schema, errors to
// `{ error: { code, message } }`, and no stack traces or SQL in responses.

type Handler<Q, B, P> = (input: { query: Q; body: B; params: P; request: NextRequest }) => Promise<unknown>;

export function withRoute<QS extends z.ZodType, BS extends z.ZodType = z.ZodUnknown, P = Record<string, string>>(
  schemas: { query?: QS; body?: BS },
  handler: Handler<z.infer<QS>, z.infer<BS>, P>,
) {
  return async (request: NextRequest, context: { params?: Promise<P> }) => {
    try {
      const query = schemas.query ? parseQuery(schemas.query, request) : undefined;
      const body = schemas.body ? await parseBody(schemas.body, request) : undefined;
      const params = context.params ? await context.params : ({} as P);
      const result = await handler({ query: query as z.infer<QS>, body: body as z.infer<BS>, params, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function parseQuery<S extends z.ZodType>(schema: S, request: NextRequest): z.infer<S> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) {
    const seen = raw[key];
    raw[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error));
  return result.data;
}

async function parseBody<S extends z.ZodType>(schema: S, request: NextRequest): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ApiError("bad_request", "the request body must be JSON");
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error));
  return result.data;
}
