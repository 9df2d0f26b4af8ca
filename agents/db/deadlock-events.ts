import { createHash } from "node:crypto";
import type { DeadlockInput } from "@/lib/schemas/locks";
import type { QueryTextMode } from "./config";
import { shippedQueryText } from "./lock-episodes";
import type { ParsedDeadlock } from "./parse-deadlock-log";
import { traceContextFromQuery } from "./parse-traceparent";

// Deadlocks as events for Sightline: from the server log (the whole cycle), or from the
// pg_stat_database counter when the log cannot be read (how many, no details). Ids come from
// what identifies the deadlock itself, so reading the same log stretch again, or re-sending,
// stores nothing twice.

export interface DeadlockEventOptions {
  database: string;
  queryText: QueryTextMode;
  statementMaxLength: number;
  /** OID of the monitored database and names of relations by OID, to name "relation 16385 of database 16384". */
  databaseOid?: number;
  relationNames?: Map<number, string>;
}

const RELATION_REF = /relation (\d+) of database (\d+)/g;

/** OIDs of relations the server named in the deadlock's lock objects, for a lookup of their names. */
export function relationOids(deadlock: ParsedDeadlock): number[] {
  const oids = new Set<number>();
  for (const p of deadlock.processes) for (const m of (p.waitsFor?.object ?? "").matchAll(RELATION_REF)) oids.add(Number(m[1]));
  return [...oids];
}

/** OIDs of the databases the deadlock's lock objects belong to (locks on transactions name none). */
export function databaseOids(deadlock: ParsedDeadlock): number[] {
  const oids = new Set<number>();
  for (const p of deadlock.processes) for (const m of (p.waitsFor?.object ?? "").matchAll(RELATION_REF)) oids.add(Number(m[2]));
  return [...oids];
}

export function deadlockFromLog(deadlock: ParsedDeadlock, options: DeadlockEventOptions, seenAt: string): DeadlockInput {
  const name = (object: string) =>
    object.replace(RELATION_REF, (all, rel: string, db: string) => {
      const known = Number(db) === options.databaseOid ? options.relationNames?.get(Number(rel)) : undefined;
      return known ? `relation ${known}` : all;
    });
  const time = deadlock.time ?? seenAt;
  const fingerprint = createHash("sha1").update(`${deadlock.time ?? ""}\0${deadlock.victimPid ?? ""}\0${deadlock.detail}`).digest("hex").slice(0, 20);
  return {
    id: `${options.database}:deadlock:${fingerprint}`,
    kind: "deadlock",
    database: options.database,
    time,
    source: "log",
    count: 1,
    victimPid: deadlock.victimPid,
    processes: deadlock.processes.map((p) => {
      const trace = traceContextFromQuery(p.query);
      return {
        pid: p.pid,
        query: shippedQueryText(p.query, options),
        waitsFor: p.waitsFor ? { mode: p.waitsFor.mode, object: name(p.waitsFor.object) } : null,
        blockedBy: p.blockedBy,
        traceId: trace?.traceId ?? null,
        spanId: trace?.spanId ?? null,
      };
    }),
    message: deadlock.message,
    // CONTEXT names the row being updated; with literal redaction on it could hold a key value.
    context: options.queryText === "full" ? deadlock.context : null,
  };
}

export interface DeadlockCounterReading {
  total: number;
  statsReset: string | null;
}

/** An event for deadlocks the counter saw since the previous reading, or null if none. */
export function deadlockFromCounter(previous: DeadlockCounterReading | undefined, current: DeadlockCounterReading, database: string, now: string): DeadlockInput | null {
  if (!previous || previous.statsReset !== current.statsReset) return null; // first reading or a stats reset: no baseline
  const count = current.total - previous.total;
  if (count <= 0) return null;
  return {
    id: `${database}:deadlock-count:${current.statsReset ?? "start"}:${current.total}`,
    kind: "deadlock",
    database,
    time: now,
    source: "counter",
    count,
    victimPid: null,
    processes: [],
    message: `${count} deadlock${count === 1 ? "" : "s"} detected (pg_stat_database.deadlocks); details unavailable: the agent cannot read this server's log (see --log-file)`,
    context: null,
  };
}
