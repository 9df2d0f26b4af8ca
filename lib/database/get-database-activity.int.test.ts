import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import type { DatabaseActivityInput, IdleSession } from "@/lib/schemas/database-activity";
import { getDatabaseActivity } from "./get-database-activity";
import { storeDatabaseActivity } from "./store-database-activity";

// The Database page's longest idle-in-transaction sessions read from samples stored as the ingest
// stores them. The reader walks samples longest first and passes over the ones that cannot change
// the top (lib/database/find-longest-idle-sessions.ts); these check it against the plain rule:
// every session of the window, each transaction (pid + start) once at its longest, longest first.

afterAll(async () => {
  await getPool().end();
});

const START = Date.parse("2026-12-04T08:00:00Z");
const STEP = 5_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Idle {
  pid: number;
  xactStartMs: number;
  idleMs: number;
}

const session = ({ pid, xactStartMs, idleMs }: Idle, atMs: number): IdleSession => ({
  pid,
  user: "shop",
  applicationName: "shop-api",
  xactStart: iso(xactStartMs),
  idleSince: iso(atMs - idleMs),
  idleMs,
  query: `SELECT ${pid}`,
  traceId: null,
  spanId: null,
});

function sample(database: string, atMs: number, sessions: Idle[]): DatabaseActivityInput {
  return { id: `${database}:${atMs}`, kind: "activity", database, time: iso(atMs), idleSessions: sessions.map((s) => session(s, atMs)), tables: [] };
}

/** The rule, over every session of the samples in [from, to): each transaction at its longest, the ten longest. */
function expectedLongest(samples: DatabaseActivityInput[], fromMs: number, toMs: number) {
  const longest = new Map<string, IdleSession>();
  for (const s of samples.filter((x) => Date.parse(x.time) >= fromMs && Date.parse(x.time) < toMs)) {
    for (const idle of s.idleSessions) {
      const key = `${idle.pid}/${idle.xactStart}`;
      if ((longest.get(key)?.idleMs ?? -1) < idle.idleMs) longest.set(key, idle);
    }
  }
  return [...longest.values()].sort((a, b) => b.idleMs - a.idleMs).slice(0, 10);
}

describe("getDatabaseActivity: the longest idle sessions", () => {
  it("lists a transaction once, at its longest, even where another session was the longest of that sample", async () => {
    const database = "idle_once";
    const other = { pid: 7, xactStartMs: START - 60_000 };
    const samples = [
      // The walk reads this sample first (longest 90 s); pid 5 is at 10 s in it...
      sample(database, START, [{ pid: 9, xactStartMs: START - 100_000, idleMs: 90_000 }, { pid: 5, xactStartMs: START - 50_000, idleMs: 10_000 }]),
      // ...and at its longest, 40 s, in one whose longest is lower.
      sample(database, START + STEP, [{ pid: 5, xactStartMs: START - 50_000, idleMs: 40_000 }, { ...other, idleMs: 1_000 }]),
      // The same pid in a new transaction is another transaction.
      sample(database, START + 2 * STEP, [{ pid: 5, xactStartMs: START + STEP, idleMs: 2_000 }, { ...other, idleMs: 6_000 }]),
    ];
    await storeDatabaseActivity(getPool(), samples);

    const { idleSessions, samples: count } = await getDatabaseActivity(getPool(), { database, from: START, to: START + 3 * STEP });
    expect(count).toBe(3);
    expect(idleSessions.map((s) => [s.pid, s.idleMs])).toEqual([
      [9, 90_000],
      [5, 40_000],
      [7, 6_000],
      [5, 2_000],
    ]);
    // In full, from the sample that saw it longest.
    expect(idleSessions[1]).toEqual(session({ pid: 5, xactStartMs: START - 50_000, idleMs: 40_000 }, START + STEP));
  });

  it("finds the ten longest over hundreds of samples, one transaction idle through all of them, and keeps to the window", async () => {
    const database = "idle_walk";
    // One transaction idle from the start (the longest of every sample), and 40 others coming
    // and going with lengths that rise and fall, so the walk pages through several batches.
    let seed = 17;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const samples: DatabaseActivityInput[] = [];
    for (let i = 0; i < 700; i++) {
      const atMs = START + i * STEP;
      const sessions: Idle[] = [{ pid: 1, xactStartMs: START - 1_000, idleMs: 1_000 + i * STEP }];
      // A backend is in one transaction at a time: each pid once a sample.
      const pids = new Set<number>();
      while (pids.size < 8) pids.add(100 + (next() % 40));
      for (const [k, pid] of [...pids].entries()) {
        sessions.push({ pid, xactStartMs: START - pid * 1_000, idleMs: (next() % 900_000) + k / 10 + i / 10_000 });
      }
      samples.push(sample(database, atMs, sessions));
    }
    await storeDatabaseActivity(getPool(), samples);

    for (const [fromMs, toMs] of [
      [START, START + 700 * STEP],
      [START + 100 * STEP, START + 450 * STEP],
      [START + 690 * STEP, START + 700 * STEP],
    ] as const) {
      const { idleSessions } = await getDatabaseActivity(getPool(), { database, from: fromMs, to: toMs });
      expect(idleSessions).toEqual(expectedLongest(samples, fromMs, toMs));
    }
  });

  it("opens a later sample whose longest transaction is longer there than the top holds it, or whose others can enter the top", async () => {
    const database = "idle_pass_over";
    const a = { pid: 1, xactStartMs: START - 3_000_000 };
    const p = { pid: 2, xactStartMs: START - 2_000_000 };
    const samples = [
      // The walk's first batch (64 samples): A is the longest of each; P and eight others once.
      ...Array.from({ length: 64 }, (_, i) =>
        sample(database, START + i * STEP, [
          { ...a, idleMs: 2_000_000 - i * 1_000 },
          ...(i === 0 ? [{ ...p, idleMs: 300_000 }, ...Array.from({ length: 8 }, (_, j) => ({ pid: 10 + j, xactStartMs: START - 400_000, idleMs: 200_000 + j }))] : []),
        ]),
      ),
      // Later: P at its longest, alone (the top holds P, but shorter)...
      sample(database, START + 64 * STEP, [{ ...p, idleMs: 1_500_000 }]),
      // ...and A shorter than the top holds it, beside X, longer than the top's shortest.
      sample(database, START + 65 * STEP, [{ ...a, idleMs: 1_400_000 }, { pid: 3, xactStartMs: START - 600_000, idleMs: 500_000 }]),
    ];
    await storeDatabaseActivity(getPool(), samples);

    const { idleSessions } = await getDatabaseActivity(getPool(), { database, from: START, to: START + 66 * STEP });
    expect(idleSessions.map((s) => [s.pid, s.idleMs])).toEqual([
      [1, 2_000_000],
      [2, 1_500_000],
      [3, 500_000],
      ...[17, 16, 15, 14, 13, 12, 11].map((pid) => [pid, 200_000 + pid - 10]),
    ]);
    expect(idleSessions).toEqual(expectedLongest(samples, START, START + 66 * STEP));
  });

  it("answers no sessions for a window without samples or with only idle-free ones", async () => {
    const database = "idle_none";
    await storeDatabaseActivity(getPool(), [sample(database, START, [])]);
    expect((await getDatabaseActivity(getPool(), { database, from: START, to: START + STEP })).idleSessions).toEqual([]);
    expect((await getDatabaseActivity(getPool(), { database, from: START + STEP, to: START + 2 * STEP })).samples).toBe(0);
  });
});
