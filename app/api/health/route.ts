import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { STORE_RETRY_AFTER_SECONDS } from "@/lib/db/classify-store-error";
import { checkDatabase } from "@/lib/health/check-database";
import { checkReadReplica } from "@/lib/health/check-read-replica";

export const dynamic = "force-dynamic";

// 200 {status:"ok"} or 503 {status:"unavailable"} + Retry-After; why it is unavailable goes to the
// server log under the request id the response carries, never into the body. With a read replica
// (DATABASE_READ_URL), a 200 also carries `readReplica` and the X-Replica-Lag-Seconds header.
export async function GET() {
  const [health, replica] = await Promise.all([checkDatabase(), checkReadReplica()]);
  if (replica?.error) console.error(`[sightline] health: read replica unavailable: ${describe(replica.error)}`);
  if (health.ok) {
    const lag = replica?.health.lagSeconds;
    const headers = lag === undefined || lag === null ? undefined : { "X-Replica-Lag-Seconds": String(lag) };
    return NextResponse.json(replica ? { status: "ok", readReplica: replica.health } : { status: "ok" }, { headers });
  }
  const requestId = randomUUID();
  console.error(`[sightline] request ${requestId} answered 503 (health): database unavailable: ${describe(health.error)}`);
  return NextResponse.json(
    { status: "unavailable", reason: "the database is not answering; the server log has the details", requestId },
    { status: 503, headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS), "X-Request-Id": requestId } },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || String((error as { code?: unknown }).code) : String(error);
}
