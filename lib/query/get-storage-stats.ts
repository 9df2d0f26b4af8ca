import "server-only";
import { getPool } from "@/lib/db/client";
import { listPartitions } from "@/lib/db/maintain-partitions";
import { telemetryTableNames, telemetryTables } from "@/lib/db/telemetry-tables";
import { countPartitionRows, EXACT_LIMIT } from "@/lib/database/count-partition-rows";
import { retentionDays } from "@/lib/env";
import { env } from "@/lib/server-env";
import type { StorageResponse } from "@/lib/schemas/storage";

/**
 * Rows and bytes per telemetry table and day: catalog statistics for large partitions (cheap at
 * any size), exact counts for small ones, whose estimate is 0 until they are first analysed.
 */
export async function getStorageStats(): Promise<StorageResponse> {
  const pool = getPool();
  const retention = retentionDays(env);
  const [{ rows }, tables] = await Promise.all([
    pool.query<{ version: string; size: string }>("SELECT current_setting('server_version') AS version, pg_database_size(current_database()) AS size"),
    Promise.all(
      telemetryTableNames.map(async (table) => ({
        table,
        retentionDays: retention[telemetryTables[table].retention],
        partitions: await withExactCounts(pool, await listPartitions(pool, table)),
      })),
    ),
  ]);
  return {
    database: { serverVersion: rows[0]?.version ?? "unknown", sizeBytes: Number(rows[0]?.size ?? 0), embedded: env.SIGHTLINE_DB_EMBEDDED },
    tables,
  };
}

async function withExactCounts(pool: ReturnType<typeof getPool>, partitions: Awaited<ReturnType<typeof listPartitions>>) {
  const counts = await countPartitionRows(
    pool,
    partitions.filter((p) => p.rows <= EXACT_LIMIT).map((p) => p.name),
  );
  return partitions.map(({ name, day, rows, bytes }) => {
    const exact = counts.get(name);
    return typeof exact === "number" ? { day, rows: exact, bytes, exact: true } : { day, rows, bytes, exact: false };
  });
}
