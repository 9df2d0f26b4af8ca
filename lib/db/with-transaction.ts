import type pg from "pg";
import { forgetKnownPartitions } from "./ensure-partitions";

// One transaction on one pooled connection: committed whole or rolled back whole. Deadlocks and
// serialization failures (two writers upserting the same rollup rows) and a partition dropped
// under a cached "exists" are retried a few times, since a retry then succeeds.

const RETRYABLE = new Set(["40P01", "40001", "23514"]);

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
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
