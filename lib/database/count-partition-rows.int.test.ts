import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { countPartitionRows, EXACT_LIMIT } from "./count-partition-rows";

afterAll(async () => {
  await getPool().end();
});

describe("countPartitionRows", () => {
  it("counts small tables exactly, even before the planner has analysed them, and gives up past the limit", async () => {
    const db = getPool();
    await db.query(`CREATE TABLE small_rows (n int); INSERT INTO small_rows SELECT generate_series(1, 37)`);
    await db.query(`CREATE TABLE "odd""name" (n int); INSERT INTO "odd""name" VALUES (1), (2)`);
    await db.query(`CREATE TABLE big_rows (n int); INSERT INTO big_rows SELECT generate_series(1, ${EXACT_LIMIT + 1})`);
    await db.query(`CREATE TABLE no_rows (n int)`);
    const { rows } = await db.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'small_rows'`);
    expect(rows[0]!.reltuples).toBeLessThanOrEqual(0); // the estimate the overview used to show

    const counts = await countPartitionRows(db, ["small_rows", 'odd"name', "big_rows", "no_rows"]);
    expect(Object.fromEntries(counts)).toEqual({ small_rows: 37, 'odd"name': 2, big_rows: null, no_rows: 0 });
  });

  it("asks nothing for no partitions", async () => {
    expect((await countPartitionRows(getPool(), [])).size).toBe(0);
  });
});
