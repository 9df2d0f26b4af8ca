import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { STORE_RETRY_AFTER_SECONDS } from "@/lib/db/classify-store-error";
import { checkDatabase } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

// 200 {status:"ok"} or 503 {status:"unavailable"} + Retry-After; why it is unavailable goes to the
// server log under the request id the response carries, never into the body.
export async function GET() {
  const health = await checkDatabase();
  if (health.ok) return NextResponse.json({ status: "ok" });
  const requestId = randomUUID();
  const reason = health.error instanceof Error ? health.error.message || String((health.error as { code?: unknown }).code) : String(health.error);
  console.error(`[sightline] request ${requestId} answered 503 (health): database unavailable: ${reason}`);
  return NextResponse.json(
    { status: "unavailable", reason: "the database is not answering; the server log has the details", requestId },
    { status: 503, headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS), "X-Request-Id": requestId } },
  );
}
