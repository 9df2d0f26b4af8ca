import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import datamodel from "@/lib/generated/schema-snapshot.json";
import { supportTables, telemetryTableNames } from "./telemetry-tables";

// Fails when prisma/schema.prisma and the SQL migrations drift apart: the data model Prisma
// parsed (written by prisma/schema-snapshot-generator.mjs on `prisma generate`) must match,
// table by table and column by column, the database the migrations built.

interface Field {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface Model { name: string; dbName: string | null; fields: Field[] }
interface Index { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }

const models = datamodel.models as unknown as Model[];
const indexes = datamodel.indexes as unknown as Index[];
const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;

/** What information_schema says for the column Prisma would create for this field. */
function expectedType(field: Field): string {
  const native = field.nativeType?.[0];
  if (field.isList) return `ARRAY:_${field.type === "String" ? "text" : field.type.toLowerCase()}`;
  if (native === "Uuid") return "uuid";
  if (field.type === "DateTime") return native === "Timestamp" ? "timestamp without time zone" : "timestamp with time zone";
  const plain: Record<string, string> = { String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", Float: "double precision", Json: "jsonb", Decimal: "numeric", Bytes: "bytea" };
  const type = plain[field.type];
  if (!type) throw new Error(`drift test does not know Prisma type ${field.type}`);
  return type;
}

/** Prisma-side defaults (uuid(), cuid(), @updatedAt) live in the client, not in the database. */
function hasDatabaseDefault(field: Field): boolean {
  if (!field.hasDefaultValue) return false;
  const d = field.default as { name?: string } | undefined;
  return !(d && typeof d === "object" && "name" in d && ["uuid", "cuid", "nanoid", "ulid"].includes(String(d.name)));
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
});
afterAll(() => client.end());

async function columns(table: string) {
  const { rows } = await client.query<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return new Map(rows.map((row) => [row.column_name, row]));
}

async function indexColumnSets(table: string) {
  const { rows } = await client.query<{ unique: boolean; primary: boolean; columns: string[] }>(
    `SELECT ix.indisunique AS unique, ix.indisprimary AS primary,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = $1 AND t.relnamespace = current_schema()::regnamespace
      GROUP BY ix.indexrelid, ix.indisunique, ix.indisprimary`,
    [table],
  );
  return rows.map((row) => `${row.primary ? "id" : row.unique ? "unique" : "normal"}:${row.columns.join(",")}`);
}

describe("schema.prisma and the migrations", () => {
  it("declare the same tables (telemetry and support tables aside)", async () => {
    const { rows } = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`,
    );
    const unmodelled = new Set<string>([...telemetryTableNames, ...supportTables]);
    const inDatabase = rows.map((r) => r.relname).filter((name) => !unmodelled.has(name)).sort();
    expect(inDatabase).toEqual(models.map(tableOf).sort());
  });

  for (const model of models) {
    it(`agree on every column of ${tableOf(model)}`, async () => {
      const actual = await columns(tableOf(model));
      const scalars = model.fields.filter((f) => f.kind === "scalar");
      expect([...actual.keys()].sort()).toEqual(scalars.map(columnOf).sort());
      for (const field of scalars) {
        const column = actual.get(columnOf(field))!;
        const type = column.data_type === "ARRAY" ? `ARRAY:${column.udt_name}` : column.data_type;
        expect(type, `${tableOf(model)}.${columnOf(field)} type`).toBe(expectedType(field));
        // Prisma creates scalar lists without NOT NULL.
        const nullable = field.isList || !field.isRequired;
        expect(column.is_nullable === "YES", `${tableOf(model)}.${columnOf(field)} nullability`).toBe(nullable);
        expect(column.column_default !== null, `${tableOf(model)}.${columnOf(field)} default`).toBe(hasDatabaseDefault(field));
      }
    });

    it(`agree on the keys and indexes of ${tableOf(model)}`, async () => {
      const byName = new Map(model.fields.map((f) => [f.name, f]));
      const expected = indexes
        .filter((index) => index.model === model.name)
        .map((index) => `${index.type}:${index.fields.map((f) => columnOf(byName.get(f.name)!)).join(",")}`);
      expect((await indexColumnSets(tableOf(model))).sort()).toEqual(expected.sort());
    });

    it(`agree on the foreign keys of ${tableOf(model)}`, async () => {
      const byName = new Map(model.fields.map((f) => [f.name, f]));
      const expected = model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => {
          const target = models.find((m) => m.name === f.type)!;
          const targetFields = new Map(target.fields.map((t) => [t.name, t]));
          const from = f.relationFromFields!.map((n) => columnOf(byName.get(n)!)).join(",");
          const to = f.relationToFields!.map((n) => columnOf(targetFields.get(n)!)).join(",");
          const onDelete = { Cascade: "CASCADE", SetNull: "SET NULL", Restrict: "RESTRICT", NoAction: "NO ACTION" }[f.relationOnDelete ?? "NoAction"];
          return `${from}->${tableOf(target)}(${to}) ON DELETE ${onDelete}`;
        });
      const { rows } = await client.query<{ fk: string }>(
        `SELECT string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) || '->' || ccu.table_name || '(' ||
                string_agg(DISTINCT ccu.column_name, ',') || ') ON DELETE ' || rc.delete_rule AS fk
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
           JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
          WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND tc.table_name = $1
          GROUP BY tc.constraint_name, ccu.table_name, rc.delete_rule`,
        [tableOf(model)],
      );
      expect(rows.map((r) => r.fk).sort()).toEqual(expected.sort());
    });
  }
});
