import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { PostgresBinaries } from "./locate-postgres-binaries";
import type { PostgresUser } from "./resolve-postgres-user";

// One run of the embedded postmaster, as a child process this Node process watches. For an owner
// that stops it itself (start.ts, supervised) it gets a process group of its own: Ctrl-C in a
// terminal signals the whole foreground group, and PostgreSQL must not stop before the programs
// using it do. The group also marks its backends, which outlive a postmaster killed with SIGKILL
// for a moment and must be gone before another postmaster takes the data directory. Other owners
// (tests, db:migrate) leave it in their group, so Ctrl-C stops it with them.

export interface PostgresServerConfig {
  binaries: PostgresBinaries;
  pgData: string;
  port: number;
  flags: string[];
  /** Set when Sightline runs as root: PostgreSQL runs as this user. */
  user?: PostgresUser;
  /** A process group of its own: the owner stops it (and its leftovers) itself. */
  ownProcessGroup: boolean;
  /** Every chunk the server writes to stderr (its log). */
  onLog: (chunk: string) => void;
}

export interface PostgresProcess {
  pid: number;
  /** Settles when the postmaster exits, with how ("signal SIGKILL", "code 1"). */
  exited: Promise<string>;
  /** Fast shutdown (SIGINT), waiting for the exit; immediate shutdown if that hangs. */
  stop(): Promise<void>;
  /** After an unexpected exit: ends the dead postmaster's leftover backends and its stale lock file. */
  cleanUp(): Promise<void>;
}

/** A standby (read replica) says "ready to accept read-only connections". */
const READY = /database system is ready to accept (read-only )?connections/;
const STOP_WAIT_MS = 30_000;
const ORPHAN_WAIT_MS = 10_000;

export function launchPostgres(config: PostgresServerConfig): Promise<PostgresProcess> {
  const child = spawn(config.binaries.postgres, ["-D", config.pgData, "-p", String(config.port), ...config.flags], {
    uid: config.user?.uid,
    gid: config.user?.gid,
    cwd: "/",
    detached: config.ownProcessGroup,
    stdio: ["ignore", "ignore", "pipe"],
    // Server messages in English: readiness is read from them, and the db agent parses the log.
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const recent: string[] = [];
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once("error", (error) => resolve(error.message));
  });
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === "EACCES" ? `${config.user?.name ?? "this user"} may not run ${config.binaries.postgres}` : error.message));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      config.onLog(text);
      recent.push(...text.trim().split("\n"));
      recent.splice(0, Math.max(0, recent.length - 20));
      if (READY.test(text)) resolve(handle(child.pid!, exited, config));
    });
    void exited.then((how) => reject(new Error(`${lastProblem(recent) ?? `the server exited (${how}) before it was ready`}`)));
  });
}

function handle(pid: number, exited: Promise<string>, config: PostgresServerConfig): PostgresProcess {
  let done = false;
  void exited.then(() => (done = true));
  return {
    pid,
    exited,
    stop: async () => {
      if (done) return;
      signal(pid, "SIGINT");
      const timer = setTimeout(() => signal(pid, "SIGQUIT"), STOP_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
    cleanUp: async () => {
      await endGroup(pid);
      // The group is empty, so no process uses the old shared memory: the lock file is stale for
      // certain. PostgreSQL would take it over itself, unless its pid now belongs to another process.
      const pidFile = path.join(config.pgData, "postmaster.pid");
      if (existsSync(pidFile) && Number((await readFile(pidFile, "utf8")).split("\n")[0]) === pid) await rm(pidFile, { force: true });
    },
  };
}

/** Asks what is left of the process group to quit (as the postmaster itself would), then kills it. */
async function endGroup(pgid: number) {
  signal(-pgid, "SIGQUIT");
  const started = Date.now();
  // Capped: where nothing reaps orphans (a container whose init does not), zombies keep the
  // group "alive" forever although they hold nothing.
  while (groupAlive(pgid) && Date.now() - started < 2 * ORPHAN_WAIT_MS) {
    if (Date.now() - started > ORPHAN_WAIT_MS) signal(-pgid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

export function lastProblem(lines: string[]): string | undefined {
  return lines.filter((l) => /FATAL|PANIC|ERROR|error|could not/i.test(l)).at(-1)?.trim();
}
