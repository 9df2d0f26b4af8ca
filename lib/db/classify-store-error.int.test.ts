import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { findFreePort } from "@/lib/net/find-free-port";
import { classifyStoreError } from "./classify-store-error";

// The classifier is fed the errors a real PostgreSQL, `pg`, pg-pool and Prisma's adapter produce,
// not hand-made look-alikes: their shapes (codes, wrapping, causes) are what it must read.

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end().catch(() => {});
});

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function deadUrl() {
  const port = await findFreePort(); // nothing listens there
  const dead = new URL(url);
  dead.port = String(port);
  return dead.toString();
}

describe("classifyStoreError on errors from a real PostgreSQL", () => {
  it("calls a value PostgreSQL refuses (class 22) bad input", async () => {
    expect(classifyStoreError(await failure(() => pool.query("SELECT $1::int", ["twelve"])))).toBe("bad_input");
    expect(classifyStoreError(await failure(() => pool.query("SELECT 1 / 0")))).toBe("bad_input");
    expect(classifyStoreError(await failure(() => pool.query("SELECT '2026-13-45'::timestamptz")))).toBe("bad_input");
    expect(classifyStoreError(await failure(() => prisma.$queryRawUnsafe("SELECT $1::int", "twelve")))).toBe("bad_input");
  });

  it("calls a refused connection unavailable, through pg, pg-pool and Prisma", async () => {
    const dead = await deadUrl();
    const client = new pg.Client({ connectionString: dead });
    expect(classifyStoreError(await failure(() => client.connect()))).toBe("unavailable");
    const deadPool = new pg.Pool({ connectionString: dead });
    const deadPrisma = new PrismaClient({ adapter: new PrismaPg(deadPool) });
    try {
      expect(classifyStoreError(await failure(() => deadPool.query("SELECT 1")))).toBe("unavailable");
      expect(classifyStoreError(await failure(() => deadPrisma.ingestKey.findMany()))).toBe("unavailable");
    } finally {
      await deadPrisma.$disconnect();
      await deadPool.end();
    }
  });

  it("calls a connection ended by the server (admin shutdown, 57P01) unavailable", async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {}); // the server ends the connection: expected here
    await client.connect();
    expect(classifyStoreError(await failure(() => client.query("SELECT pg_terminate_backend(pg_backend_pid())")))).toBe("unavailable");
    // and the client left behind, which can no longer run a query
    expect(classifyStoreError(await failure(() => client.query("SELECT 1")))).toBe("unavailable");
    await client.end().catch(() => {});
  });

  it("calls too many connections for the role (53300) unavailable", async () => {
    const role = `limited_${process.pid}`;
    await pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited' CONNECTION LIMIT 0`);
    try {
      const limited = new URL(url);
      limited.username = role;
      limited.password = "limited";
      const client = new pg.Client({ connectionString: limited.toString() });
      expect(classifyStoreError(await failure(() => client.connect()))).toBe("unavailable");
    } finally {
      await pool.query(`DROP ROLE ${role}`);
    }
  });

  it("calls a statement Sightline got wrong, or a constraint it broke, internal", async () => {
    expect(classifyStoreError(await failure(() => pool.query("SELEC 1")))).toBe("internal");
    expect(classifyStoreError(await failure(() => pool.query("SELECT no_such_column FROM pg_class")))).toBe("internal");
    await pool.query("CREATE TABLE classify_once (id int PRIMARY KEY)");
    expect(classifyStoreError(await failure(() => prisma.$executeRawUnsafe("INSERT INTO classify_once VALUES (1), (1)")))).toBe("internal");
    expect(classifyStoreError(await failure(() => pool.query("INSERT INTO classify_once VALUES (2), (2)")))).toBe("internal");
    expect(classifyStoreError(new Error("a bug"))).toBe("internal");
    expect(classifyStoreError(undefined)).toBe("internal");
  });
});
