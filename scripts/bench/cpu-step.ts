// One step of a profile script, timed by this thread's CPU (user + system), not the clock: on a
// shared machine the clock counts the time other processes held the core.

/** CPU milliseconds this process has used so far. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `work` over every input (after 10 to warm the JIT) and records its CPU ms per input as `name`. */
export function step<T>(name: string, inputs: T[], work: (input: T) => unknown, results: Map<string, number>) {
  for (const input of inputs.slice(0, 10)) work(input);
  const started = cpuMs();
  for (const input of inputs) work(input);
  results.set(name, (cpuMs() - started) / inputs.length);
}
