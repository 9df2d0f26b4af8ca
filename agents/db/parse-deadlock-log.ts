import type { LogLine, LogLineParser } from "./log-line-prefix";

// Deadlock reports out of a PostgreSQL stderr log. The server writes the whole cycle only to its
// log (the client gets the DETAIL without queries):
//
//   2026-11-25 18:10:02.104 UTC [4242] ERROR:  deadlock detected
//   2026-11-25 18:10:02.104 UTC [4242] DETAIL:  Process 4242 waits for ShareLock on transaction 745; blocked by process 4243.
//   	Process 4243 waits for ShareLock on transaction 744; blocked by process 4242.
//   	Process 4242: UPDATE accounts SET balance = balance - 1 WHERE id = 2
//   	Process 4243: UPDATE accounts SET balance = balance - 1 WHERE id = 1
//   2026-11-25 18:10:02.104 UTC [4242] HINT:  See server log for query details.
//   2026-11-25 18:10:02.104 UTC [4242] CONTEXT:  while updating tuple (0,2) in relation "accounts"
//   2026-11-25 18:10:02.104 UTC [4242] STATEMENT:  UPDATE accounts SET balance = balance - 1 WHERE id = 2
//
// Lines after the first of a message start with a tab. Text arrives in chunks that may end
// anywhere, so the reader holds back the last report until it can no longer grow.

export interface DeadlockProcess {
  pid: number;
  waitsFor: { mode: string; object: string } | null;
  blockedBy: number[];
  query: string | null;
}

export interface ParsedDeadlock {
  /** ISO-8601 from the line prefix, when it has a readable time. */
  time: string | null;
  /** The process that reported it: the one whose transaction was aborted. */
  victimPid: number | null;
  database: string | null;
  user: string | null;
  processes: DeadlockProcess[];
  message: string;
  context: string | null;
  statement: string | null;
  /** The DETAIL as logged, for an id that does not depend on how it was parsed. */
  detail: string;
}

interface LogRecord extends LogLine {
  /** Index of the record's first line in the buffer being processed. */
  line: number;
}

// Severities that belong to the message before them rather than starting a new one.
const ATTACHED = new Set(["DETAIL", "HINT", "CONTEXT", "STATEMENT", "QUERY", "LOCATION"]);
const WAIT_EDGE = /^Process (\d+) waits for (\S+) on (.+); blocked by process (\d+)\.$/;
const PROCESS_QUERY = /^Process (\d+): ([\s\S]*)$/;

export class DeadlockLogReader {
  private buffer = "";

  constructor(private readonly lines: LogLineParser) {}

  /** Adds newly read text; returns the deadlocks whose reports are complete. */
  push(text: string): ParsedDeadlock[] {
    this.buffer += text;
    return this.process(false);
  }

  /** The log went quiet: whatever is held back is complete. */
  flush(): ParsedDeadlock[] {
    return this.buffer ? this.process(true) : [];
  }

  get pendingText(): number {
    return this.buffer.length;
  }

  private process(final: boolean): ParsedDeadlock[] {
    const lines = this.buffer.split("\n");
    const partial = final ? "" : lines.pop()!;
    const records = toRecords(lines, this.lines);
    const groups: LogRecord[][] = [];
    for (const record of records) {
      const last = groups.at(-1);
      if (last && ATTACHED.has(record.severity)) last.push(record);
      else groups.push([record]);
    }
    // The last message may still get continuation lines or attached records.
    const open = final ? undefined : groups.pop();
    const keepFrom = open?.[0]?.line ?? lines.length;
    this.buffer = [...lines.slice(keepFrom), partial].join("\n");
    return groups.flatMap((group) => {
      const parsed = toDeadlock(group);
      return parsed ? [parsed] : [];
    });
  }
}

function toRecords(lines: string[], parser: LogLineParser): LogRecord[] {
  const records: LogRecord[] = [];
  lines.forEach((text, index) => {
    if (text.startsWith("\t")) {
      const last = records.at(-1);
      if (last) last.message += `\n${text.slice(1)}`;
      return;
    }
    if (text === "") return;
    const parsed = parser.parse(text);
    // A line that is not a log message (e.g. a startup script's output) still ends the one before.
    records.push({ ...(parsed ?? { severity: "", message: text, pid: null, time: null, database: null, user: null, application: null }), line: index });
  });
  return records;
}

function toDeadlock(group: LogRecord[]): ParsedDeadlock | null {
  const head = group[0];
  if (!head || head.severity !== "ERROR" || !head.message.startsWith("deadlock detected")) return null;
  const attached = (severity: string) => group.find((r) => r.severity === severity)?.message ?? null;
  const detail = attached("DETAIL") ?? "";
  const processes = parseDeadlockDetail(detail);
  return {
    time: head.time,
    victimPid: head.pid ?? processes[0]?.pid ?? null,
    database: head.database,
    user: head.user,
    processes,
    message: head.message,
    context: attached("CONTEXT"),
    statement: attached("STATEMENT"),
    detail,
  };
}

/** The DETAIL's wait edges and per-process queries, in the order the server listed them. */
export function parseDeadlockDetail(detail: string): DeadlockProcess[] {
  const byPid = new Map<number, DeadlockProcess>();
  const processOf = (pid: number) => {
    let found = byPid.get(pid);
    if (!found) byPid.set(pid, (found = { pid, waitsFor: null, blockedBy: [], query: null }));
    return found;
  };
  let current: DeadlockProcess | undefined;
  for (const line of detail.split("\n")) {
    const edge = WAIT_EDGE.exec(line);
    if (edge) {
      const process = processOf(Number(edge[1]));
      process.waitsFor = { mode: edge[2]!, object: edge[3]! };
      process.blockedBy.push(Number(edge[4]));
      processOf(Number(edge[4]));
      current = undefined;
      continue;
    }
    const query = PROCESS_QUERY.exec(line);
    if (query && byPid.has(Number(query[1]))) {
      current = processOf(Number(query[1]));
      current.query = query[2]!;
      continue;
    }
    // A query spanning several lines continues until the next "Process N".
    if (current) current.query = `${current.query ?? ""}\n${line}`;
  }
  return [...byPid.values()];
}
