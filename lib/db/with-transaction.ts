import type pg from "pg";
import { ensurePartitions, forgetKnownPartitions } from "./ensure-partitions";
import type { TelemetryTable } from "./telemetry-tables";

// One transaction on one pooled connection: committed whole or rolled back whole. Deadlocks and
// serialization failures (two writers upserting the same rollup rows) are retried a few times,
// since a retry then succeeds. Writers name the day partitions they need: those are made sure of
// before every attempt, so a partition dropped under a cached "exists" (insert fails with 23514,
// "no partition of relation found") is created again and the retry goes through.

const RETRYABLE = new Set(["40P01", "40001", "23514"]);

export interface TransactionOptions {
  /** Day partitions (UTC "YYYY-MM-DD") the work writes into, per telemetry table. */
  partitions?: [TelemetryTable, ReadonlySet<string>][];
  attempts?: number;
}

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    for (const [table, days] of options.partitions ?? []) await ensurePartitions(pool, table, days);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      if (code === "23514") forgetKnownPartitions();
    } finally {
      client.release();
    }
  }
}
