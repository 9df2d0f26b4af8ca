import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkDatabase();
  return health.ok
    ? NextResponse.json({ status: "ok" })
    : NextResponse.json({ status: "unavailable", reason: health.reason }, { status: 503 });
}
