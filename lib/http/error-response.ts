import { NextResponse } from "next/server";
import type { z } from "zod";
import { ApiError } from "./api-error";

// How every failure leaves the server: `{ "error": { "code", "message" } }` with the status of
// its code, never a stack trace or the store's own text.

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
  }
  console.error("[sightline] unhandled route error", error);
  return NextResponse.json({ error: { code: "internal", message: "Internal error; see the server log" } }, { status: 500 });
}
