import { describe, expect, it } from "vitest";
import { compileLogLinePrefix, logTimeToIso } from "./log-line-prefix";
import { DeadlockLogReader, parseDeadlockDetail } from "./parse-deadlock-log";
import { PG15_DEADLOCKS_LOG, PG18_DEADLOCKS_LOG } from "./testing/deadlock-logs";

const pg15 = compileLogLinePrefix("%m [%p] %q%u@%d ");
const pg18 = compileLogLinePrefix("%m [%p] ");

describe("log_line_prefix", () => {
  it("reads time, pid, user and database from a Debian-style prefix", () => {
    expect(pg15.parse("2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl ERROR:  deadlock detected")).toEqual({
      severity: "ERROR",
      message: "deadlock detected",
      pid: 6421,
      time: "2026-11-25T18:24:51.463Z",
      database: "scratch_dl",
      user: "postgres",
      application: null,
    });
  });

  it("accepts lines of processes without a session (%q ends the prefix there)", () => {
    expect(pg15.parse("2026-11-25 17:54:51.358 UTC [2186] LOG:  checkpoint starting: time")).toMatchObject({ pid: 2186, database: null, severity: "LOG" });
  });

  it("handles padding, application names and epoch times", () => {
    const parser = compileLogLinePrefix("%n %-8p %a: ");
    expect(parser.parse("1795631091.463 6421     checkout: ERROR:  deadlock detected")).toMatchObject({
      pid: 6421,
      application: "checkout",
      time: "2026-11-25T18:24:51.463Z",
    });
  });

  it("reads numeric offsets and gives up on zone abbreviations it cannot resolve", () => {
    expect(logTimeToIso("2026-11-25 19:24:51.463 +01")).toBe("2026-11-25T19:24:51.463+01:00");
    expect(logTimeToIso("2026-11-25 18:24:51 GMT")).toBe("2026-11-25T18:24:51Z");
    expect(logTimeToIso("2026-11-25 19:24:51.463 CET")).toBeNull();
  });

  it("still finds the severity in lines written under another prefix", () => {
    expect(pg18.parse("[7] db=shop ERROR:  deadlock detected")).toMatchObject({ severity: "ERROR", pid: null });
  });
});

describe("DeadlockLogReader", () => {
  it("parses two- and three-process cycles with multi-line queries from a PostgreSQL 15 log", () => {
    const reader = new DeadlockLogReader(pg15);
    const found = [...reader.push(PG15_DEADLOCKS_LOG), ...reader.flush()];
    expect(found).toHaveLength(2);
    const [two, three] = found;
    expect(two).toMatchObject({
      time: "2026-11-25T18:24:51.463Z",
      victimPid: 6421,
      database: "scratch_dl",
      user: "postgres",
      message: "deadlock detected",
      context: 'while updating tuple (0,1) in relation "accounts"',
    });
    expect(two!.statement).toBe("UPDATE accounts\n   SET balance = balance + 1\n WHERE id = 1 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/");
    expect(two!.processes).toEqual([
      {
        pid: 6421,
        waitsFor: { mode: "ShareLock", object: "transaction 941" },
        blockedBy: [6420],
        query: "UPDATE accounts\n   SET balance = balance + 1\n WHERE id = 1 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/",
      },
      {
        pid: 6420,
        waitsFor: { mode: "ShareLock", object: "transaction 942" },
        blockedBy: [6421],
        query: "UPDATE accounts\n   SET balance = balance + 1\n WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/",
      },
    ]);
    expect(three!.processes.map((p) => [p.pid, p.blockedBy[0]])).toEqual([
      [6461, 6462],
      [6462, 6460],
      [6460, 6461],
    ]);
    expect(three!.processes.every((p) => p.query?.startsWith("UPDATE accounts\n"))).toBe(true);
  });

  it("parses a PostgreSQL 18 log with the default prefix, lock-wait lines and an advisory-lock cycle", () => {
    const reader = new DeadlockLogReader(pg18);
    const found = [...reader.push(PG18_DEADLOCKS_LOG), ...reader.flush()];
    expect(found.map((d) => d.victimPid)).toEqual([16503, 16560]);
    expect(found[0]!.database).toBeNull();
    expect(found[1]!.processes).toEqual([
      { pid: 16560, waitsFor: { mode: "ExclusiveLock", object: "advisory lock [16384,0,1,1]" }, blockedBy: [16559], query: "SELECT pg_advisory_xact_lock(1)" },
      { pid: 16559, waitsFor: { mode: "ExclusiveLock", object: "advisory lock [16384,0,2,1]" }, blockedBy: [16560], query: "SELECT pg_advisory_xact_lock(2)" },
    ]);
    expect(found[1]!.context).toBeNull();
  });

  it("finds the same deadlocks whatever chunks the text arrives in, and holds back an unfinished report", () => {
    // Up to the end of the second report: nothing after it yet says it is complete.
    const text = PG15_DEADLOCKS_LOG.slice(0, PG15_DEADLOCKS_LOG.indexOf("2026-11-25 18:29:42"));
    const whole = new DeadlockLogReader(pg15);
    const expected = [...whole.push(text), ...whole.flush()];
    expect(expected).toHaveLength(2);
    for (const size of [1, 7, 64, 333]) {
      const reader = new DeadlockLogReader(pg15);
      const found = [];
      for (let at = 0; at < text.length; at += size) found.push(...reader.push(text.slice(at, at + size)));
      // The second report is last in the text: it could still grow until the log moves on.
      expect(found).toEqual(expected.slice(0, 1));
      found.push(...reader.flush());
      expect(found).toEqual(expected);
    }
  });

  it("ignores errors that are not deadlocks", () => {
    const reader = new DeadlockLogReader(pg15);
    const text = "2026-11-25 17:58:09.411 UTC [10161] postgres@db ERROR:  no partition of relation \"lock_events\" found for row\n2026-11-25 17:58:09.411 UTC [10161] postgres@db DETAIL:  Process 1 waits for ShareLock on transaction 2; blocked by process 3.\n";
    expect([...reader.push(text), ...reader.flush()]).toEqual([]);
  });
});

describe("parseDeadlockDetail", () => {
  it("keeps a query line that looks like a wait edge inside a query as query text", () => {
    const detail = "Process 1 waits for ShareLock on transaction 9; blocked by process 2.\nProcess 2 waits for ShareLock on transaction 8; blocked by process 1.\nProcess 1: SELECT 'x'\n  FROM t\nProcess 2: SELECT 2";
    expect(parseDeadlockDetail(detail).map((p) => p.query)).toEqual(["SELECT 'x'\n  FROM t", "SELECT 2"]);
  });
});
