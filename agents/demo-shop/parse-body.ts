import type { z } from "zod";
import { HttpError } from "./errors";

/** A request body checked against its schema; a bad one is answered 400 naming what is wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HttpError(400, `invalid request body: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "malformed"}`);
  }
  return result.data;
}
