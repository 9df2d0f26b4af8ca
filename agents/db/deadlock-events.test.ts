import { describe, expect, it } from "vitest";
import { deadlockInputSchema } from "@/lib/schemas/locks";
import { databaseOids, deadlockFromCounter, deadlockFromLog, relationOids } from "./deadlock-events";
import { compileLogLinePrefix } from "./log-line-prefix";
import { DeadlockLogReader, type ParsedDeadlock } from "./parse-deadlock-log";
import { PG15_DEADLOCKS_LOG } from "./testing/deadlock-logs";

function logged(): ParsedDeadlock {
  const reader = new DeadlockLogReader(compileLogLinePrefix("%m [%p] %q%u@%d "));
  return [...reader.push(PG15_DEADLOCKS_LOG), ...reader.flush()][0]!;
}

describe("deadlockFromLog", () => {
  const options = { database: "shop", queryText: "full" as const, statementMaxLength: 2_048 };

  it("makes a valid event with each process's query and trace", () => {
    const event = deadlockFromLog(logged(), options, "2026-11-25T19:00:00Z");
    expect(deadlockInputSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ kind: "deadlock", source: "log", count: 1, time: "2026-11-25T18:24:51.463Z", victimPid: 6421, database: "shop" });
    expect(event.processes.map((p) => [p.pid, p.traceId, p.blockedBy])).toEqual([
      [6421, "22222222222222222222222222222222", [6420]],
      [6420, "11111111111111111111111111111111", [6421]],
    ]);
    expect(event.context).toBe('while updating tuple (0,1) in relation "accounts"');
  });

  it("gives the same id to the same deadlock read twice, and another to another", () => {
    const a = deadlockFromLog(logged(), options, "2026-11-25T19:00:00Z");
    const b = deadlockFromLog(logged(), options, "2026-11-25T19:05:00Z");
    expect(a.id).toBe(b.id);
    expect(deadlockFromLog({ ...logged(), victimPid: 1 }, options, "x").id).not.toBe(a.id);
  });

  it("names relations by OID and redacts when asked", () => {
    const parsed: ParsedDeadlock = {
      ...logged(),
      processes: [
        { pid: 1, waitsFor: { mode: "AccessExclusiveLock", object: "relation 16385 of database 16384" }, blockedBy: [2], query: "LOCK TABLE accounts" },
        { pid: 2, waitsFor: { mode: "RowExclusiveLock", object: "relation 16390 of database 16384" }, blockedBy: [1], query: "UPDATE accounts SET card = '4111111111111111'" },
      ],
    };
    expect(relationOids(parsed)).toEqual([16385, 16390]);
    expect(databaseOids(parsed)).toEqual([16384]);
    const event = deadlockFromLog(parsed, { ...options, queryText: "redacted", databaseOid: 16384, relationNames: new Map([[16385, "public.accounts"]]) }, "x");
    expect(event.processes.map((p) => p.waitsFor?.object)).toEqual(["relation public.accounts", "relation 16390 of database 16384"]);
    expect(event.processes[1]!.query).toBe("UPDATE accounts SET card = ?");
    expect(event.context).toBeNull();
  });
});

describe("deadlockFromCounter", () => {
  it("reports growth of the counter, not the first reading or a reset", () => {
    const now = "2026-11-25T19:00:00.000Z";
    expect(deadlockFromCounter(undefined, { total: 5, statsReset: null }, "shop", now)).toBeNull();
    expect(deadlockFromCounter({ total: 5, statsReset: null }, { total: 5, statsReset: null }, "shop", now)).toBeNull();
    expect(deadlockFromCounter({ total: 5, statsReset: null }, { total: 1, statsReset: "2026-11-25" }, "shop", now)).toBeNull();
    const event = deadlockFromCounter({ total: 5, statsReset: null }, { total: 7, statsReset: null }, "shop", now)!;
    expect(deadlockInputSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ id: "shop:deadlock-count:start:7", source: "counter", count: 2, processes: [] });
    expect(event.message).toMatch(/^2 deadlocks detected .*details unavailable/);
  });
});
