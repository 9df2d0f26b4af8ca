import type { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { describeZodError } from "@/lib/http/error-response";

/** Path parameters through their schema; a bad one is a 400 naming it, as for query parameters. */
export function parsePathParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error));
  return result.data;
}
