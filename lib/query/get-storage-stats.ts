import "server-only";
import { getPool } from "@/lib/db/client";
import { listPartitions } from "@/lib/db/maintain-partitions";
import { telemetryTableNames, telemetryTables } from "@/lib/db/telemetry-tables";
import { retentionDays } from "@/lib/env";
import { env } from "@/lib/server-env";
import type { StorageResponse } from "@/lib/schemas/storage";

/** Rows and bytes per telemetry table and day, from catalog statistics (cheap at any size). */
export async function getStorageStats(): Promise<StorageResponse> {
  const pool = getPool();
  const retention = retentionDays(env);
  const [{ rows }, tables] = await Promise.all([
    pool.query<{ version: string; size: string }>("SELECT current_setting('server_version') AS version, pg_database_size(current_database()) AS size"),
    Promise.all(
      telemetryTableNames.map(async (table) => ({
        table,
        retentionDays: retention[telemetryTables[table].retention],
        partitions: (await listPartitions(pool, table)).map(({ day, rows, bytes }) => ({ day, rows, bytes })),
      })),
    ),
  ]);
  return {
    database: { serverVersion: rows[0]?.version ?? "unknown", sizeBytes: Number(rows[0]?.size ?? 0), embedded: env.SIGHTLINE_DB_EMBEDDED },
    tables,
  };
}
