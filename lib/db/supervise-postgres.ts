import type { PostgresProcess } from "./launch-postgres";

// Keeps the embedded PostgreSQL running for the process that owns it. A postmaster that exits
// while nobody asked it to (killed, crashed, OOM) is noticed at once (it is our child: its exit
// event fires), said in the log, and started again on the same port and data directory after its
// leftover backends are gone. Restarts back off; a server that keeps failing to start, or dies
// again soon after each start, is given up on loudly after MAX_FAILURES and the owner is told
// (start.ts then stops Sightline). Meanwhile the app answers 503 + Retry-After, and its pool
// reconnects by itself once the server is back.

export interface SupervisedPostgres {
  /** The running postmaster, if any (undefined while restarting or after giving up). */
  current(): PostgresProcess | undefined;
  /** Stops supervising and the server; a restart under way is abandoned. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  first: PostgresProcess;
  launch: () => Promise<PostgresProcess>;
  /** Where it listens, for the log ("127.0.0.1:54329"). */
  where: string;
  log: (line: string) => void;
  onGiveUp: (reason: string) => void;
  /** Wait before each restart attempt, indexed by failures so far (the last repeats). */
  restartDelaysMs?: readonly number[];
}

export const DEFAULT_RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
export const MAX_FAILURES = 5;
/** A server that stayed up this long counts as recovered: earlier failures are forgotten. */
const STABLE_MS = 60_000;

export function supervisePostgres(options: SuperviseOptions): SupervisedPostgres {
  const delays = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
  let current: PostgresProcess | undefined = options.first;
  // The first server's death is not a failed restart: only dying again soon after one is.
  let startedAt = Number.NEGATIVE_INFINITY;
  let failures = 0;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = (server: PostgresProcess) => {
    void server.exited.then((how) => {
      if (stopping || current !== server) return;
      current = undefined;
      restarting = restart(server, how);
    });
  };

  const restart = async (dead: PostgresProcess, how: string) => {
    failures = Date.now() - startedAt < STABLE_MS ? failures + 1 : 0;
    options.log(`embedded PostgreSQL (pid ${dead.pid}) stopped unexpectedly (${how}); restarting it on ${options.where}`);
    await dead.cleanUp();
    for (;;) {
      if (failures >= MAX_FAILURES) {
        const reason = `embedded PostgreSQL failed ${failures} times in a row`;
        options.log(`${reason}; giving up on it`);
        options.onGiveUp(reason);
        return;
      }
      await sleep(delays[Math.min(failures, delays.length - 1)]!);
      if (stopping) return;
      try {
        const server = await options.launch();
        if (stopping) return void (await server.stop());
        current = server;
        startedAt = Date.now();
        options.log(`embedded PostgreSQL restarted (pid ${server.pid}) on ${options.where}`);
        watch(server);
        return;
      } catch (error) {
        failures++;
        const next = delays[Math.min(failures, delays.length - 1)]!;
        const retry = failures < MAX_FAILURES ? `; trying again in ${next / 1000} s` : "";
        options.log(`embedded PostgreSQL did not start again (attempt ${failures} of ${MAX_FAILURES}): ${(error as Error).message}${retry}`);
      }
    }
  };

  watch(options.first);
  return {
    current: () => current,
    stop: async () => {
      stopping = true;
      wake?.();
      await restarting;
      await current?.stop();
    },
  };
}
