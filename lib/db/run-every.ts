// The shape of Sightline's background loops (consistency evaluation, alerts): a tick runs
// `everyMs` after the previous one ended (never two at once), a failure — the database
// restarting, say — is logged once until a tick works again and never stops the loop, and
// stop() waits for the tick in progress. Timers are unref'd so a loop never keeps a process alive.

export interface Loop {
  stop(): Promise<void>;
}

/** `what` names the work in the log ("alert evaluation"); the tick sees whether stop() was called. */
export function runEvery(what: string, everyMs: number, log: (line: string) => void, tick: (stopped: () => boolean) => Promise<void>, onStop: () => Promise<void>): Loop {
  let stopped = false;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const every = everyMs % 1_000 === 0 && everyMs > 1_000 ? `every ${everyMs / 1_000} s` : everyMs === 1_000 ? "every second" : `every ${everyMs} ms`;

  const guarded = async () => {
    try {
      await tick(() => stopped);
      if (failing) log(`${what} works again`);
      failing = false;
    } catch (error) {
      if (!failing) log(`${what} failed (retrying ${every}): ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = guarded().finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await onStop();
    },
  };
}
