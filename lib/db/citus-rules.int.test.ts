import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citusDistributed, citusPlacedTables, citusReference } from "./citus-layout";

// Citus cannot be installed here, so the rules it enforces when distributing are checked against
// the migrated catalog itself (pg_class, pg_index, pg_constraint of the test database, migrated
// by the same runner as production): every table placed; distribution columns NOT NULL; every
// primary key, unique index and exclusion constraint of a distributed table (and of each of its
// partitions) includes the distribution column; no foreign key to or from a distributed table
// (cross-shard); reference tables refer to reference tables only; colocated tables share the
// distribution column's type.

let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db.end();
});

async function tablesInSchema(): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

async function columnType(table: string, column: string) {
  const { rows } = await db.query<{ type: string; not_null: boolean }>(
    `SELECT format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
       FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped`,
    [table, column],
  );
  return rows[0];
}

describe("the schema is ready for Citus", () => {
  it("places every table: distributed, reference or coordinator-only, each once", async () => {
    const placed = citusPlacedTables();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(await tablesInSchema());
  });

  it("has a NOT NULL distribution column in every distributed table", async () => {
    for (const [table, { column }] of Object.entries(citusDistributed)) {
      expect(await columnType(table, column), `${table}.${column}`).toMatchObject({ not_null: true });
    }
  });

  it("includes the distribution column in every primary key, unique index and exclusion constraint", async () => {
    const { rows } = await db.query<{ parent: string; index: string; columns: string[] }>(
      `SELECT coalesce(parent.relname, t.relname) AS parent, i.relname AS index,
              array(SELECT a.attname FROM unnest(ix.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         LEFT JOIN pg_inherits inh ON inh.inhrelid = t.oid
         LEFT JOIN pg_class parent ON parent.oid = inh.inhparent
        WHERE t.relnamespace = current_schema()::regnamespace
          AND (ix.indisunique OR ix.indisexclusion OR ix.indisprimary)`,
    );
    const distributed = new Map(Object.entries(citusDistributed));
    const checked = rows.filter((row) => distributed.has(row.parent));
    expect(checked.length).toBeGreaterThan(Object.keys(citusDistributed).length); // partitions' indexes included
    const missing = checked.filter((row) => !row.columns.includes(distributed.get(row.parent)!.column)).map((row) => `${row.index} (${row.columns.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("has no foreign key to or from a distributed table, and reference tables refer only to reference tables", async () => {
    const { rows } = await db.query<{ name: string; from_table: string; to_table: string }>(
      `SELECT con.conname AS name, coalesce(fp.relname, f.relname) AS from_table, coalesce(tp.relname, t.relname) AS to_table
         FROM pg_constraint con
         JOIN pg_class f ON f.oid = con.conrelid
         JOIN pg_class t ON t.oid = con.confrelid
         LEFT JOIN pg_inherits fi ON fi.inhrelid = f.oid LEFT JOIN pg_class fp ON fp.oid = fi.inhparent
         LEFT JOIN pg_inherits ti ON ti.inhrelid = t.oid LEFT JOIN pg_class tp ON tp.oid = ti.inhparent
        WHERE con.contype = 'f' AND f.relnamespace = current_schema()::regnamespace`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const reference = new Set<string>(citusReference);
    const wrong = rows.filter((fk) => !(reference.has(fk.from_table) && reference.has(fk.to_table))).map((fk) => `${fk.name}: ${fk.from_table} → ${fk.to_table}`);
    expect(wrong).toEqual([]);
  });

  it("colocates only tables whose distribution columns have the same type", async () => {
    for (const [table, { column, colocateWith }] of Object.entries(citusDistributed)) {
      if (colocateWith === "none") continue;
      const source = citusDistributed[colocateWith as keyof typeof citusDistributed];
      expect(source, `${table} colocates with ${colocateWith}, which is not distributed`).toBeDefined();
      expect(source.colocateWith, `${colocateWith} must be a colocation source`).toBe("none");
      expect((await columnType(table, column))?.type, table).toBe((await columnType(colocateWith, source.column))?.type);
    }
  });
});
