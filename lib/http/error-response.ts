import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { classifyStoreError, STORE_RETRY_AFTER_SECONDS } from "@/lib/db/classify-store-error";
import { ApiError } from "./api-error";

// How every failure leaves the server: `{ "error": { "code", "message", "requestId" } }` with the
// status of its code and an `X-Request-Id` header, never a stack trace or the store's own text
// (PostgreSQL's messages name indexes, columns and addresses). What the body leaves out is logged
// here under the same request id, so a user's report leads straight to the log line.
// An error that is not an ApiError went through the store classifier: the store being down or
// restarting is 503 + Retry-After, a value PostgreSQL refused is 400, anything else 500.

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function errorResponse(error: unknown, requestId: string = randomUUID()): NextResponse {
  const apiError = error instanceof ApiError ? error : fromStoreError(error);
  // A client's mistake (a 4xx with, say, a JSON parser's error as cause) is told in full in its
  // message; a 5xx's cause, or a store error behind a 4xx, is what the body leaves out.
  if (!(error instanceof ApiError)) logHidden(requestId, apiError, error);
  else if (error.cause !== undefined && (error.status >= 500 || classifyStoreError(error.cause) !== "internal")) logHidden(requestId, apiError, error.cause);
  const headers: Record<string, string> = { "X-Request-Id": requestId };
  if (apiError.retryAfterSeconds !== undefined) headers["Retry-After"] = String(apiError.retryAfterSeconds);
  return NextResponse.json({ error: { code: apiError.code, message: apiError.message, requestId } }, { status: apiError.status, headers });
}

function fromStoreError(error: unknown): ApiError {
  switch (classifyStoreError(error)) {
    case "unavailable":
      return new ApiError("unavailable", "the database is unavailable; retry shortly", { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS });
    case "bad_input":
      return new ApiError("bad_request", "a value in this request is outside what the store accepts; check the parameters");
    case "internal":
      return new ApiError("internal", "Internal error; see the server log");
  }
}

/**
 * A store outage fails every request at once: one line each (code and message), not a stack.
 * A defect gets the whole error, stack included.
 */
function logHidden(requestId: string, response: ApiError, detail: unknown) {
  const head = `[sightline] request ${requestId} answered ${response.status} (${response.code})`;
  if (response.code === "internal") {
    console.error(`${head}:`, detail);
    return;
  }
  const code = (detail as { code?: unknown } | undefined)?.code;
  // Prisma's messages quote the calling source over several lines; their last line says what happened.
  const message = (detail instanceof Error ? detail.message : String(detail)).trim().split("\n").at(-1)?.trim();
  console.error(`${head}: ${typeof code === "string" ? `${code} ` : ""}${message ?? ""}`);
}
